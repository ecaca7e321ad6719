import { normalizePhone, phoneRegion } from '../domain/phone';
import type { AppDeps } from '../http/context';
import { ApiError } from '../http/errors';
import type { Business } from '../store/businesses';
import { CustomerConflictError, CustomerTakenError } from '../store/customers';
import type { RequestMethod } from '../store/review-requests';
import { emailField } from './customer-schemas';
import { sendReviewRequest } from './request-sending';

export type BulkRow = { name?: string; email?: string; phone?: string };
export type RowOutcome = 'send' | 'scheduled' | 'suppressed' | 'deduplicated' | 'invalid';
export type RowResult = {
  row: number;
  outcome: RowOutcome;
  reason: string | null;
  requestId: string | null;
  sendAt: string | null;
};
export type BulkOptions = {
  business: Business;
  method: RequestMethod;
  sandbox: boolean;
  sendAt?: string;
  campaignId?: string;
  templateId?: string;
};

/** A row's contact as the request needs it, or why it cannot be sent (the reason names the field). */
function contactOf(row: BulkRow, method: RequestMethod, region: string) {
  const name = row.name?.trim() || undefined;
  const emailText = row.email?.trim();
  const phoneText = row.phone?.trim();
  const email = emailText ? emailField.safeParse(emailText) : undefined;
  if (email && !email.success) return { problem: 'invalid_email' };
  const phone = phoneText ? normalizePhone(phoneText, region) : undefined;
  if (phoneText && !phone) return { problem: 'invalid_phone' };
  if (method === 'email' && !email) return { problem: 'no_email' };
  if (method !== 'email' && !phone) return { problem: 'no_phone' };
  return { customer: { name, email: email?.data, phone } };
}

/**
 * Sends each row through the single-request path (same suppression, dedup window and send window), in order;
 * a customer met twice in the rows is deduplicated against the first. Run inside a rolled-back transaction it
 * is the dry run: exactly what a real send would do.
 */
export function sendRows(deps: AppDeps, organizationId: string, rows: BulkRow[], options: BulkOptions) {
  const region = phoneRegion(options.business);
  const seen = new Map<string, string>();
  return rows.map((row, index): RowResult => {
    const base = { row: index + 1, requestId: null, sendAt: null };
    const contact = contactOf(row, options.method, region);
    if (!contact.customer) return { ...base, outcome: 'invalid', reason: contact.problem ?? 'invalid' };
    try {
      const outcome = sendReviewRequest(deps, organizationId, {
        ...options,
        customer: contact.customer,
        suppressMessage: false,
        seenInBatch: (customerId) => seen.get(customerId),
      });
      if (outcome.kind === 'duplicate') {
        const reason = outcome.inBatch ? 'duplicate_in_file' : 'recent_request';
        return { ...base, outcome: 'deduplicated', reason, requestId: outcome.requestId };
      }
      seen.set(outcome.customerId, outcome.requestId);
      const { result } = outcome;
      const requestId = outcome.requestId;
      if (result.status === 'suppressed')
        return { ...base, outcome: 'suppressed', reason: result.reason, requestId };
      if (result.status === 'scheduled')
        return { ...base, outcome: 'scheduled', reason: null, requestId, sendAt: result.dueAt };
      return { ...base, outcome: 'send', reason: null, requestId };
    } catch (error) {
      if (error instanceof CustomerConflictError || error instanceof CustomerTakenError)
        return { ...base, outcome: 'invalid', reason: 'contact_conflict' };
      // The allowance ran out part-way: the rows before it were sent, this one and the rest are refused.
      if (error instanceof ApiError && error.code === 'USAGE_LIMIT_REACHED')
        return { ...base, outcome: 'invalid', reason: 'usage_limit_reached' };
      throw error;
    }
  });
}

/** How many rows came to each outcome. */
export function totalsOf(results: RowResult[]) {
  const totals = { rows: results.length, send: 0, scheduled: 0, suppressed: 0, deduplicated: 0, invalid: 0 };
  for (const result of results) totals[result.outcome] += 1;
  return totals;
}
