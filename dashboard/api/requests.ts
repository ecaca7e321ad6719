import type { z } from 'zod';
import type { campaignSchema, funnelSchema } from '../../server/api/campaigns';
import type { messageSchema } from '../../server/api/messages';
import type { previewSchema } from '../../server/api/review-request-preview';
import type { createReviewRequestBody, reviewRequestSchema } from '../../server/api/review-request-schemas';
import type { bulkBody, resultSchema } from '../../server/api/review-requests-bulk';
import type { templateSchema } from '../../server/api/templates';
import { call, type Pagination } from '../api';

export type ReviewRequest = z.infer<typeof reviewRequestSchema>;
export type NewRequest = z.input<typeof createReviewRequestBody>;
export type RequestPreview = z.infer<typeof previewSchema>;
export type BulkInput = z.input<typeof bulkBody>;
export type BulkRow = BulkInput['rows'][number];
export type BulkResult = z.infer<typeof resultSchema>;
export type BulkTotals = BulkResult['totals'];
export type RowResult = BulkResult['rows'][number];
export type Message = z.infer<typeof messageSchema>;
export type Template = z.infer<typeof templateSchema>;
export type TemplateInput = Pick<
  Template,
  'name' | 'channel' | 'language' | 'subject' | 'body' | 'businessId'
>;
export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignInput = Pick<Campaign, 'name' | 'businessId' | 'status'> & {
  steps: Array<{ delayHours: number; templateId: string | null }>;
};
export type Funnel = z.infer<typeof funnelSchema>;
export type Page<T> = { data: T[]; pagination: Pagination };

const qs = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};
const id = encodeURIComponent;

/** The calls of the "asking for reviews" screens: requests, bulk uploads, messages, templates, campaigns. */
export const requestsApi = {
  preview: (body: Pick<NewRequest, 'businessId' | 'method' | 'customerName' | 'templateId' | 'campaignId'>) =>
    call<RequestPreview>('POST', '/review-requests/preview', body),
  send: (body: NewRequest) =>
    call<ReviewRequest & { deduplicated: boolean }>('POST', '/review-requests', body),
  bulk: (body: BulkInput, idempotencyKey?: string) =>
    call<BulkResult>(
      'POST',
      '/review-requests/bulk',
      body,
      idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
    ),
  list: (filter: Record<string, string | undefined>) =>
    call<Page<ReviewRequest>>('GET', `/review-requests${qs(filter)}`),
  messages: (filter: Record<string, string | undefined>) =>
    call<Page<Message>>('GET', `/messages${qs(filter)}`),
  templates: () => call<Page<Template>>('GET', '/templates?perPage=100'),
  createTemplate: (body: TemplateInput) => call<Template>('POST', '/templates', body),
  saveTemplate: (templateId: string, body: TemplateInput) =>
    call<Template>('PUT', `/templates/${id(templateId)}`, body),
  deleteTemplate: (templateId: string) => call<void>('DELETE', `/templates/${id(templateId)}`),
  campaigns: () => call<Page<Campaign>>('GET', '/campaigns?perPage=100'),
  campaign: (campaignId: string) => call<Campaign>('GET', `/campaigns/${id(campaignId)}`),
  createCampaign: (body: CampaignInput) => call<Campaign>('POST', '/campaigns', body),
  updateCampaign: (campaignId: string, patch: Partial<CampaignInput>) =>
    call<Campaign>('PATCH', `/campaigns/${id(campaignId)}`, patch),
  funnel: (campaignId: string) => call<Funnel>('GET', `/campaigns/${id(campaignId)}/funnel`),
};
