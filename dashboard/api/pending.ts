import { call, type Pagination, qs } from '../api';

/** What an AI assistant asked to do over MCP, as `GET /pending-actions` answers it. */
export type PendingAction = {
  id: string;
  organizationId: string;
  kind: 'review_reply' | 'review_request';
  /** The review replied to, or the business of the request. */
  targetId: string;
  /** `{reply}`, or the fields of a review request (customer redacted without pii:read). */
  payload: Record<string, unknown>;
  sandbox: boolean;
  status: 'pending' | 'approved' | 'rejected';
  requestedByKeyId: string | null;
  decidedBy: string | null;
  resultId: string | null;
  createdAt: string;
  decidedAt: string | null;
};

const one = (id: string) => `/pending-actions/${encodeURIComponent(id)}`;

/** The calls behind the approvals screen and the inbox notice; each is an ordinary API call. */
export const pendingApi = {
  list: (status: PendingAction['status'] | undefined, perPage = 50) =>
    call<{ data: PendingAction[]; pagination: Pagination }>(
      'GET',
      `/pending-actions${qs({ status, perPage: String(perPage) })}`,
    ),
  approve: (id: string) => call<PendingAction>('POST', `${one(id)}/approve`),
  reject: (id: string) => call<PendingAction>('POST', `${one(id)}/reject`),
};
