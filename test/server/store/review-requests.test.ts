import { describe, expect, it } from 'vitest';
import { listCustomers } from '../../../server/store/customer-queries';
import { getCustomer, upsertCustomer } from '../../../server/store/customers';
import { openMemoryDb } from '../../../server/store/db';
import { createOrganization } from '../../../server/store/organizations';
import { createReviewRequest, getReviewRequest } from '../../../server/store/review-requests';
import { testClock } from '../helpers';

function store() {
  const db = openMemoryDb();
  const clock = testClock();
  const org = createOrganization(db, clock, { name: 'Acme' });
  db.prepare(
    `INSERT INTO businesses (id, organization_id, name, slug, created_at, updated_at) VALUES ('biz_1', ?, 'Joe', 'joe', ?, ?)`,
  ).run(org.id, clock().toISOString(), clock().toISOString());
  return { db, clock, orgId: org.id };
}

const page = { limit: 100, offset: 0 };

describe('createReviewRequest', () => {
  it('writes the customer and the request together', () => {
    const { db, clock, orgId } = store();
    const request = createReviewRequest(db, clock, orgId, {
      businessId: 'biz_1',
      customer: { name: 'Ana', phone: '+14155550123' },
      method: 'sms',
      suppressMessage: false,
      sandbox: true,
    });
    expect(request).toMatchObject({
      status: 'pending',
      sandbox: true,
      customer: { name: 'Ana', phone: '+14155550123' },
    });
    expect(getReviewRequest(db, orgId, request.id)).toEqual(request);
    expect(getCustomer(db, orgId, request.customerId)?.name).toBe('Ana');
  });

  it('rolls the new customer back when the request cannot be written', () => {
    const { db, clock, orgId } = store();
    expect(() =>
      createReviewRequest(db, clock, orgId, {
        businessId: 'biz_missing',
        customer: { email: 'ana@example.com' },
        method: 'email',
        suppressMessage: false,
        sandbox: false,
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(listCustomers(db, orgId, {}, page).total).toBe(0);
  });

  it('rolls a revived customer back too', () => {
    const { db, clock, orgId } = store();
    const { customer } = upsertCustomer(db, clock, orgId, { email: 'ana@example.com' });
    db.prepare('UPDATE customers SET deleted_at = ? WHERE id = ?').run(clock().toISOString(), customer.id);
    expect(() =>
      createReviewRequest(db, clock, orgId, {
        businessId: 'biz_missing',
        customer: { email: 'ana@example.com', name: 'Changed' },
        method: 'email',
        suppressMessage: false,
        sandbox: false,
      }),
    ).toThrow();
    expect(getCustomer(db, orgId, customer.id)).toBeUndefined();
    expect(db.prepare('SELECT name FROM customers WHERE id = ?').get(customer.id)).toEqual({ name: null });
  });
});
