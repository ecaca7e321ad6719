import type { Clock } from '../domain/clock';
import type { AppDeps } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { type Business, getBusiness } from '../store/businesses';
import { getCampaign } from '../store/campaigns';
import { getTemplate } from '../store/templates';

const YEAR_MS = 365 * 86_400_000;

/** The organization's business a request is for: 404 when unknown, 400 when archived. */
export function activeBusiness(deps: AppDeps, organizationId: string, businessId: string): Business {
  const business = getBusiness(deps.db, organizationId, businessId);
  if (!business) throw notFound('Business');
  if (business.archivedAt) {
    throw new ApiError('VALIDATION_ERROR', 'This business is archived', {
      businessId: 'business is archived',
    });
  }
  return business;
}

/** `sendAt` as ISO UTC: in the future and within a year, else a 400 naming it. */
export function sendAtIn(value: string | undefined, clock: Clock): string | undefined {
  if (!value) return undefined;
  const at = new Date(value).getTime();
  const now = clock().getTime();
  if (at <= now || at > now + YEAR_MS) {
    throw new ApiError('VALIDATION_ERROR', 'Request validation failed', {
      sendAt: 'must be in the future and within a year',
    });
  }
  return new Date(at).toISOString();
}

/** The campaign and template a request names must be the organization's, and the template of its channel. */
export function checkMessageChoice(
  deps: AppDeps,
  organizationId: string,
  input: { method: string; campaignId?: string; templateId?: string },
): void {
  if (input.campaignId && !getCampaign(deps.db, organizationId, input.campaignId)) throw notFound('Campaign');
  if (!input.templateId) return;
  const template = getTemplate(deps.db, organizationId, input.templateId);
  if (!template) throw notFound('Template');
  if (template.channel !== input.method) {
    throw new ApiError('VALIDATION_ERROR', 'Request validation failed', {
      templateId: `is a ${template.channel} template; the request is sent by ${input.method}`,
    });
  }
}
