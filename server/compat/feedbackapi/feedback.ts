import { type Context, Hono } from 'hono';
import { FEEDBACK_PII, personal, REQUEST_PII } from '../../api/pii';
import type { AppDeps } from '../../http/context';
import { businessBelongsTo } from '../../store/businesses';
import { getCustomer } from '../../store/customers';
import type { Db } from '../../store/db';
import { type Feedback, type FeedbackFilter, getFeedback, listFeedback } from '../../store/feedback';
import { campaignsOfRequests } from '../../store/request-feedback';
import { type FapiEnv, needScope, orgOf } from './auth';
import { badParam, notFoundError, unsupported } from './errors';
import { bool, LIST_PARAMS, listBody, listWindow, num, onlyKnown, queryParams, text, time } from './input';
import { FEEDBACK_TYPES, presentFeedback } from './presenters';

const FILTERS = [
  ...LIST_PARAMS,
  'created_before',
  'created_after',
  'type',
  'nps_score_less_than',
  'nps_score_greater_than',
  'star_rating_less_than',
  'star_rating_greater_than',
  'happy',
  'subscriber',
  'location',
  'campaign',
  'campaign_step',
];

/** FeedbackAPI Feedback objects for Plaudit feedback, with their customers' names and campaigns. */
export function presentFeedbackList(db: Db, orgId: string, items: Feedback[], redact: <T>(value: T) => T) {
  const campaigns = campaignsOfRequests(
    db,
    orgId,
    items.flatMap((f) => (f.requestId ? [f.requestId] : [])),
  );
  return items.map((feedback) => {
    const customer = feedback.customerId ? getCustomer(db, orgId, feedback.customerId) : undefined;
    return presentFeedback(redact(feedback), {
      customer: customer && redact({ name: customer.name, email: customer.email }),
      campaignId: feedback.requestId ? campaigns.get(feedback.requestId) : undefined,
    });
  });
}

/** Redacts personal data (feedback, customer contacts) for keys without `pii:read`, as the native API does. */
export const redactor =
  (c: Context<FapiEnv>) =>
  <T>(value: T): T =>
    personal(c as never, value, { ...FEEDBACK_PII, ...REQUEST_PII });

/** The score filters of one feedback type; mixing types' filters can match nothing, so it is refused. */
function scoreFilter(
  params: Record<string, unknown>,
): Pick<FeedbackFilter, 'type' | 'minScore' | 'maxScore'> {
  const typeName = text(params, 'type', 20);
  if (typeName && !(typeName in FEEDBACK_TYPES)) {
    throw badParam('type', `type must be one of ${Object.keys(FEEDBACK_TYPES).join(', ')}`);
  }
  const nps = [
    num(params, 'nps_score_greater_than', 0, 10, true),
    num(params, 'nps_score_less_than', 0, 10, true),
  ];
  const star = [
    num(params, 'star_rating_greater_than', 1, 5, true),
    num(params, 'star_rating_less_than', 1, 5, true),
  ];
  const happy = bool(params, 'happy');
  const used = [
    nps.some((v) => v !== undefined) && 'nps',
    star.some((v) => v !== undefined) && 'star-rating',
    happy !== undefined && 'happy',
  ].filter(Boolean) as string[];
  const types = new Set([...(typeName ? [typeName] : []), ...used]);
  if (types.size > 1) throw badParam(used[0] ?? 'type', 'These filters are for different feedback types');
  const only = [...types][0] as keyof typeof FEEDBACK_TYPES | undefined;
  if (!only) return {};
  const type = FEEDBACK_TYPES[only];
  if (only === 'nps') return { type, minScore: nps[0], maxScore: nps[1] };
  if (only === 'star-rating') return { type, minScore: star[0], maxScore: star[1] };
  return happy === undefined ? { type } : { type, minScore: happy ? 1 : 0, maxScore: happy ? 1 : 0 };
}

/** `/feedback`: Plaudit's private feedback. */
export function feedbackRoutes(deps: AppDeps) {
  const app = new Hono<FapiEnv>();

  app.get('/feedback', needScope('feedback:read'), (c) => {
    const orgId = orgOf(c);
    const params = queryParams(c);
    onlyKnown(params, FILTERS);
    if (params.campaign_step !== undefined) {
      throw unsupported(
        'campaign_step',
        'Plaudit does not record which campaign step a feedback answered; filter by campaign',
      );
    }
    const window = listWindow(params, ['created'], 'created-desc');
    const location = text(params, 'location', 64) ?? undefined;
    if (location && !businessBelongsTo(deps.db, orgId, location)) throw notFoundError('location', 'location');
    const { items, total } = listFeedback(
      deps.db,
      orgId,
      {
        ...scoreFilter(params),
        businessId: location,
        customerId: text(params, 'subscriber', 64) ?? undefined,
        campaignId: text(params, 'campaign', 64) ?? undefined,
        createdFrom: time(params, 'created_after'),
        createdBefore: time(params, 'created_before'),
        oldestFirst: window.ascending,
      },
      window,
    );
    return c.json(listBody(presentFeedbackList(deps.db, orgId, items, redactor(c)), total, window));
  });

  app.get('/feedback/:id', needScope('feedback:read'), (c) => {
    const orgId = orgOf(c);
    const feedback = getFeedback(deps.db, orgId, c.req.param('id'));
    if (!feedback) throw notFoundError('feedback');
    return c.json(presentFeedbackList(deps.db, orgId, [feedback], redactor(c))[0]);
  });

  return app;
}
