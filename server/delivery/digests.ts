import type { Clock } from '../domain/clock';
import { scopesOfRole } from '../domain/roles';
import type { Db } from '../store/db';
import { digestFigures } from '../store/digest-figures';
import { claimDigestDay, digestSubscribers } from '../store/notification-preferences';
import { getOrganization } from '../store/organizations';
import { queueAlert } from './owner-alerts';
import { localParts, localTimeToInstant } from './send-window';

type Day = { year: number; month: number; day: number };

const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (d: Day) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
const dayBefore = (d: Day): Day => {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day - 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

/**
 * Queues each daily digest that is due: the member's local hour has come and today's has not been queued.
 * Each one is claimed in the transaction that queues it, so a restart (or a second process) never sends a
 * day's digest twice; one that fell due while the server was down goes out at the next run that day.
 * Returns how many were queued.
 */
export function queueDueDigests(deps: { db: Db; clock: Clock; publicUrl: string }): number {
  const now = deps.clock();
  let queued = 0;
  for (const member of digestSubscribers(deps.db)) {
    let local: ReturnType<typeof localParts>;
    try {
      local = localParts(now, member.timeZone);
    } catch {
      continue; // a zone this Node no longer knows: nothing sensible to wait for
    }
    const today: Day = { year: local.year, month: local.month, day: local.day };
    if (member.digestHour === null || local.minutes < member.digestHour * 60) continue;
    if (member.digestLastDay !== null && member.digestLastDay >= dayText(today)) continue;
    const yesterday = dayBefore(today);
    const from = localTimeToInstant(yesterday, 0, member.timeZone).toISOString();
    const to = localTimeToInstant(today, 0, member.timeZone).toISOString();
    deps.db.transaction(() => {
      if (!claimDigestDay(deps.db, member.userId, member.organizationId, dayText(today))) return;
      const figures = digestFigures(deps.db, member.organizationId, from, to);
      const scopes = scopesOfRole(member.role);
      const organization = getOrganization(deps.db, member.organizationId)?.name ?? 'your organization';
      const facts: Array<[string, string]> = [];
      if (scopes.includes('reviews:read')) {
        facts.push(['New reviews', String(figures.newReviews)]);
        facts.push([
          'Their average rating',
          figures.averageRating === null ? '—' : `${figures.averageRating}★`,
        ]);
        facts.push(['Reviews without a reply', String(figures.unansweredReviews)]);
      }
      if (scopes.includes('feedback:read')) {
        facts.push(['New private feedback', String(figures.newFeedback)]);
        facts.push(['Open private feedback', String(figures.openFeedback)]);
      }
      queueAlert(deps, member, member.organizationId, 'digest', {
        subject: `Your Plaudit digest for ${organization}: ${dayText(yesterday)}`,
        heading: `Yesterday at ${organization} (${dayText(yesterday)})`,
        facts,
        quote: null,
        action: { label: 'Open the inbox', url: `${deps.publicUrl}/dashboard` },
      });
      queued++;
    })();
  }
  return queued;
}
