import { periodAt } from '../domain/usage-period';
import type { AppDeps } from '../http/context';
import { ApiError } from '../http/errors';
import { countMessagesSince, getOrganizationLimits } from '../store/organization-limits';
import type { RequestMethod } from '../store/review-requests';

/** One allowance in the current period: `limit` and `left` are null when unlimited. */
export type AllowanceUsage = { limit: number | null; used: number; left: number | null };

export type Usage = {
  organizationId: string;
  periodStart: string;
  renews: string;
  renewalAnchor: string;
  sms: AllowanceUsage;
  email: AllowanceUsage;
};

const allowanceOf = (limit: number | null, used: number): AllowanceUsage => ({
  limit,
  used,
  left: limit === null ? null : Math.max(0, limit - used),
});

/** The organization's allowances and what it used of them this period, or undefined when it does not exist. */
export function usageOf(deps: AppDeps, organizationId: string): Usage | undefined {
  const limits = getOrganizationLimits(deps.db, organizationId);
  if (!limits) return undefined;
  const period = periodAt(limits.renewalAnchor, deps.clock());
  const used = countMessagesSince(deps.db, organizationId, period.start);
  return {
    organizationId,
    periodStart: period.start,
    renews: period.renews,
    renewalAnchor: limits.renewalAnchor,
    sms: allowanceOf(limits.smsPerMonth, used.sms),
    email: allowanceOf(limits.emailPerMonth, used.email),
  };
}

/** Which allowance a channel draws on: WhatsApp messages are text messages, like SMS. */
export const allowanceFor = (method: RequestMethod): 'sms' | 'email' =>
  method === 'email' ? 'email' : 'sms';

/**
 * Refuses (429 `USAGE_LIMIT_REACHED`, `Retry-After` until the renewal) when a request's messages would take
 * the period past the allowance of their channel. Called inside the sending transaction after the `queued`
 * messages were written, so live ones are already counted; a sandbox request's messages never count but are
 * refused exactly as live ones would be. Throwing rolls the whole request back: nothing is queued.
 */
export function assertWithinAllowance(
  deps: AppDeps,
  organizationId: string,
  method: RequestMethod,
  request: { queued: number; sandbox: boolean },
): void {
  const usage = usageOf(deps, organizationId);
  if (!usage) return;
  const kind = allowanceFor(method);
  const { limit, used } = usage[kind];
  const before = request.sandbox ? used : used - request.queued;
  if (limit === null || before + request.queued <= limit) return;
  const label = kind === 'sms' ? 'text message' : 'email';
  const left = Math.max(0, limit - before);
  const seconds = Math.max(1, Math.ceil((new Date(usage.renews).getTime() - deps.clock().getTime()) / 1000));
  throw new ApiError(
    'USAGE_LIMIT_REACHED',
    `This request would exceed the organization's monthly ${label} allowance; it renews at ${usage.renews}`,
    {
      method: `${kind}: ${limit} a month, ${left} left, this request needs ${request.queued}; renews ${usage.renews}`,
    },
    { 'Retry-After': String(seconds) },
  );
}
