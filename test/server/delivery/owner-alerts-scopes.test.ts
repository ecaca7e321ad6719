import { describe, expect, it, vi } from 'vitest';
import { queueFeedbackAlerts } from '../../../server/delivery/owner-alerts';
import { upsertMembership } from '../../../server/store/memberships';
import { savePreferences } from '../../../server/store/notification-preferences';
import { createUser } from '../../../server/store/users';
import { setup } from '../helpers';

// Roles as an operator might narrow them: a manager without pii:read, staff without feedback:read. The
// alerts must follow the scopes, not the role names.
vi.mock('../../../server/domain/roles', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../server/domain/roles')>();
  return {
    ...original,
    scopesOfRole: (role: 'owner' | 'manager' | 'staff') => {
      const scopes = original.scopesOfRole(role);
      if (role === 'manager') return scopes.filter((s) => s !== 'pii:read');
      if (role === 'staff') return scopes.filter((s) => s !== 'feedback:read');
      return scopes;
    },
  };
});

describe('feedback alerts follow the recipient’s scopes', () => {
  it('shows the contact to pii:read only, and sends nothing to a member without feedback:read', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const member = (email: string, role: 'owner' | 'manager' | 'staff') => {
      const user = createUser(t.db, t.clock, { email, name: email, passwordHash: 'x' });
      upsertMembership(t.db, t.clock, user.id, t.org.id, role);
      return user;
    };
    member('owner@example.com', 'owner');
    member('manager@example.com', 'manager');
    const staff = member('staff@example.com', 'staff');
    savePreferences(t.db, t.clock, staff.id, t.org.id, {
      feedback: true,
      lowRating: null,
      digestHour: null,
      timeZone: 'UTC',
    });

    const sent = queueFeedbackAlerts(
      { db: t.db, clock: t.clock, publicUrl: 'http://plaudit.test' },
      {
        id: 'fb_1',
        organizationId: t.org.id,
        businessId: biz.id,
        origin: 'business_link',
        requestId: null,
        cardId: null,
        type: 'star',
        score: 1,
        comments: 'Call me on +14155550123 please',
        contactName: 'Jessica Jones',
        contactEmail: 'jessica@example.com',
        contactPhone: '+14155550123',
        consentToContact: true,
      },
    );
    expect(sent).toBe(2);
    const mails = t.db
      .prepare('SELECT to_address AS "to", text_body AS text, html_body AS html FROM account_emails')
      .all() as Array<{ to: string; text: string; html: string }>;
    expect(mails.map((m) => m.to).sort()).toEqual(['manager@example.com', 'owner@example.com']);
    const owner = mails.find((m) => m.to === 'owner@example.com')!;
    expect(owner.text).toContain('Jessica Jones · jessica@example.com · +14155550123');
    const manager = mails.find((m) => m.to === 'manager@example.com')!;
    for (const body of [manager.text, manager.html]) {
      expect(body).not.toContain('Jessica');
      expect(body).not.toContain('jessica@example.com');
      expect(body).not.toContain('4155550123');
    }
    expect(manager.text).toContain('J. J.');
  });
});
