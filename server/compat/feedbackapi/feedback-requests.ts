import { Hono } from 'hono';
import { createReviewRequestFor } from '../../api/review-request-create';
import { createReviewRequestBody } from '../../api/review-request-schemas';
import type { AppDeps } from '../../http/context';
import { businessBelongsTo, listBusinesses } from '../../store/businesses';
import { businessIdsOf } from '../../store/customer-businesses';
import { getCustomer } from '../../store/customers';
import { feedbackOfRequests } from '../../store/request-feedback';
import { listReviewRequests } from '../../store/review-request-queries';
import { getReviewRequest, type ReviewRequest } from '../../store/review-requests';
import { getTemplate } from '../../store/templates';
import { type FapiEnv, needScope, orgOf } from './auth';
import { badParam, notFoundError, unsupported } from './errors';
import { presentFeedbackList, redactor } from './feedback';
import {
  bodyParams,
  bool,
  LIST_PARAMS,
  listBody,
  listWindow,
  onlyKnown,
  queryParams,
  requiredText,
  text,
  time,
} from './input';
import { presentRequest } from './presenters';

const CHANNELS = ['email', 'sms', 'whatsapp'] as const;
type Channel = (typeof CHANNELS)[number];
const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

const FILTERS = [
  ...LIST_PARAMS,
  'created_before',
  'created_after',
  'due_before',
  'due_after',
  'updated_before',
  'updated_after',
  'subscriber',
  'template',
  'location',
  'message_opened',
  'message_clicked',
  'message_bounced',
  'spam_complaint',
];

/** `/feedback-request`: Plaudit review requests, created through the one path the native API uses. */
export function feedbackRequestRoutes(deps: AppDeps) {
  const app = new Hono<FapiEnv>();

  const present = (c: Parameters<typeof redactor>[0], orgId: string, requests: ReviewRequest[]) => {
    const redact = redactor(c);
    const feedback = feedbackOfRequests(
      deps.db,
      orgId,
      requests.map((r) => r.id),
    );
    return requests.map((request) => {
      const left = feedback.get(request.id);
      const shown = left ? presentFeedbackList(deps.db, orgId, [left], redact)[0] : null;
      const link = `${deps.config.publicUrl}/r/${request.code}`;
      return presentRequest(redact(request), link, shown);
    });
  };

  /** The business a request is sent from: the one named, else the customer's only location, else the only business. */
  const locationFor = (orgId: string, named: string | undefined, customerId: string): string => {
    if (named) {
      if (!businessBelongsTo(deps.db, orgId, named)) throw notFoundError('location', 'location');
      return named;
    }
    const linked = businessIdsOf(deps.db, orgId, customerId);
    if (linked.length === 1) return linked[0];
    const { items } = listBusinesses(deps.db, orgId, { archived: false }, { limit: 2, offset: 0 });
    if (!linked.length && items.length === 1) return items[0].id;
    throw badParam(
      'location',
      'Missing required param: location (the customer or account has several locations)',
    );
  };

  app.post('/feedback-request', needScope('requests:write'), async (c) => {
    const orgId = orgOf(c);
    const params = await bodyParams(c);
    onlyKnown(params, ['subscriber', 'template', 'location', 'due', 'suppress_message']);
    const customer = getCustomer(deps.db, orgId, requiredText(params, 'subscriber', 64));
    if (!customer) throw notFoundError('subscriber', 'subscriber');
    const templateName = requiredText(params, 'template', 64);
    let method: Channel;
    let templateId: string | undefined;
    if (isChannel(templateName)) method = templateName;
    else {
      const template = getTemplate(deps.db, orgId, templateName);
      if (!template) throw notFoundError('template', 'template');
      method = template.channel as Channel;
      templateId = template.id;
    }
    const businessId = locationFor(orgId, text(params, 'location', 64) ?? undefined, customer.id);
    const due = time(params, 'due');
    // A due time already past means "now", as FeedbackAPI sends immediately when none is given.
    const sendAt = due && Date.parse(due) > deps.clock().getTime() ? due : undefined;
    const body = createReviewRequestBody.safeParse({
      businessId,
      ...(customer.name ? { customerName: customer.name } : {}),
      ...(customer.email ? { customerEmail: customer.email } : {}),
      ...(customer.phone ? { customerPhone: customer.phone } : {}),
      method,
      sendAt,
      suppressMessage: bool(params, 'suppress_message') ?? false,
      templateId,
    });
    if (!body.success) {
      const contact = method === 'email' ? 'an email address' : 'a mobile number';
      throw badParam('subscriber', `This ${method} template needs a subscriber with ${contact}`);
    }
    const { requestId } = createReviewRequestFor(deps, orgId, body.data, c.get('auth').mode === 'test');
    const request = getReviewRequest(deps.db, orgId, requestId);
    if (!request) throw notFoundError('feedback request');
    return c.json(present(c, orgId, [request])[0]);
  });

  app.get('/feedback-request/:id', needScope('requests:read'), (c) => {
    const orgId = orgOf(c);
    const request = getReviewRequest(deps.db, orgId, c.req.param('id'));
    if (!request) throw notFoundError('feedback request');
    return c.json(present(c, orgId, [request])[0]);
  });

  app.get('/feedback-request', needScope('requests:read'), (c) => {
    const orgId = orgOf(c);
    const params = queryParams(c);
    onlyKnown(params, FILTERS);
    if (bool(params, 'spam_complaint')) {
      throw unsupported(
        'spam_complaint',
        'Plaudit receives no spam complaints; an unsubscribe shows as the customer opt_out',
      );
    }
    const template = text(params, 'template', 64) ?? undefined;
    if (template && !isChannel(template)) {
      throw unsupported(
        'template',
        'Plaudit does not record which template a message used; filter by channel: email, sms or whatsapp',
      );
    }
    const location = text(params, 'location', 64) ?? undefined;
    if (location && !businessBelongsTo(deps.db, orgId, location)) throw notFoundError('location', 'location');
    const opened = bool(params, 'message_opened');
    const clicked = bool(params, 'message_clicked');
    if (opened !== undefined && clicked !== undefined && opened !== clicked) {
      throw badParam(
        'message_opened',
        'Plaudit reads a message as opened when its link was followed: message_opened and message_clicked are the same flag',
      );
    }
    const window = listWindow(params, ['created'], 'created-desc');
    const { items, total } = listReviewRequests(
      deps.db,
      orgId,
      {
        businessId: location,
        customerId: text(params, 'subscriber', 64) ?? undefined,
        method: template as Channel | undefined,
        createdFrom: time(params, 'created_after'),
        createdBefore: time(params, 'created_before'),
        dueFrom: time(params, 'due_after'),
        dueBefore: time(params, 'due_before'),
        updatedFrom: time(params, 'updated_after'),
        updatedBefore: time(params, 'updated_before'),
        clicked: opened ?? clicked,
        bounced: bool(params, 'message_bounced'),
        oldestFirst: window.ascending,
      },
      window,
    );
    return c.json(listBody(present(c, orgId, items), total, window));
  });

  return app;
}
