/** Every RatingsRise route, with a valid request for it given the seeded ids. */
export const ROUTES = (ids: { businessId: string; reviewId: string; customerId: string }) => [
  { method: 'GET', path: '/businesses', scope: 'businesses:read' },
  { method: 'GET', path: `/businesses/${ids.businessId}`, scope: 'businesses:read' },
  { method: 'GET', path: '/reviews', scope: 'reviews:read' },
  { method: 'GET', path: `/reviews/${ids.reviewId}`, scope: 'reviews:read' },
  {
    method: 'POST',
    path: `/reviews/${ids.reviewId}/reply`,
    body: { content: 'Thanks!' },
    scope: 'reviews:write',
  },
  { method: 'GET', path: '/customers', scope: 'customers:read' },
  {
    method: 'POST',
    path: '/customers',
    body: { name: 'Jo', email: 'jo@example.com' },
    scope: 'customers:write',
  },
  {
    method: 'PUT',
    path: `/customers/${ids.customerId}`,
    body: { notes: 'Moved' },
    scope: 'customers:write',
  },
  {
    method: 'POST',
    path: '/review-requests',
    body: {
      customerName: 'Jo',
      customerEmail: 'jo@example.com',
      method: 'email',
      businessId: ids.businessId,
    },
    scope: 'requests:write',
  },
  { method: 'GET', path: '/review-requests', scope: 'requests:read' },
  { method: 'GET', path: '/analytics/overview', scope: 'analytics:read' },
  { method: 'GET', path: '/analytics/ratings', scope: 'analytics:read' },
];

/** Every row a RatingsRise route could write, to show that a refused request changed nothing. */
export const snapshot = (db: { prepare(sql: string): { all(): unknown[] } }) =>
  JSON.stringify(
    [
      'reviews',
      'customers',
      'customer_businesses',
      'review_requests',
      'outbox',
      'webhook_deliveries',
      'messages',
    ].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()),
  );
