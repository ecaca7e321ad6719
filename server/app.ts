import { OpenAPIHono } from '@hono/zod-openapi';
import { analyticsApi } from './api/analytics';
import { analyticsSeriesApi } from './api/analytics-series';
import { auditLogApi } from './api/audit-log';
import { authApi, authPublicApi } from './api/auth';
import { businessLogoApi } from './api/business-logo';
import { businessesApi } from './api/businesses';
import { campaignsApi } from './api/campaigns';
import { cardsApi } from './api/cards';
import { connectionLocationsApi } from './api/connection-locations';
import { connectionsApi } from './api/connections';
import { connectionsCallbackApi } from './api/connections-callback';
import { customerDataApi } from './api/customer-data';
import { customersApi } from './api/customers';
import { feedbackApi } from './api/feedback';
import { inboxApi } from './api/inbox';
import { keysApi } from './api/keys';
import { meApi } from './api/me';
import { messagesApi } from './api/messages';
import { notificationsApi } from './api/notifications';
import { organizationsApi } from './api/organizations';
import { organizationsOverviewApi } from './api/organizations-overview';
import { pendingActionsApi } from './api/pending-actions';
import { qrApi } from './api/qr';
import { reviewRequestPreviewApi } from './api/review-request-preview';
import { reviewRequestsApi } from './api/review-requests';
import { reviewRequestsBulkApi } from './api/review-requests-bulk';
import { reviewsApi } from './api/reviews';
import { sourcesApi } from './api/sources';
import { teamApi } from './api/team';
import { templatesApi } from './api/templates';
import { webhookActionsApi } from './api/webhook-actions';
import { webhookEventTypesApi } from './api/webhook-event-types';
import { webhooksApi } from './api/webhooks';
import { type Config, defaultConfig } from './config';
import { type Clock, systemClock } from './domain/clock';
import type { PasswordCost } from './domain/passwords';
import { accessLog } from './http/access-log';
import { apiKeyAuth } from './http/auth';
import { limitBody } from './http/body-limit';
import { compression } from './http/compression';
import type { AppDeps, AppEnv } from './http/context';
import { handleError, validationHook } from './http/errors';
import { idempotency } from './http/idempotency';
import { notFoundOrMethodNotAllowed } from './http/method-not-allowed';
import { rateLimit } from './http/rate-limit';
import { requestId } from './http/request-id';
import { type Logger, silentLogger } from './logger';
import { mcpRoutes } from './mcp/http';
import { alertUnsubscribeRoutes } from './pages/alert-unsubscribe';
import { dashboardRoutes } from './pages/dashboard';
import { docsRoutes } from './pages/docs';
import { homeRoutes } from './pages/home';
import { landingRoutes } from './pages/landing';
import { logoRoutes } from './pages/logo';
import { smsHookRoutes } from './pages/sms-hooks';
import { unsubscribeRoutes } from './pages/unsubscribe';
import { widgetRoutes } from './pages/widget';
import type { Db } from './store/db';

export type CreateAppOptions = {
  db: Db;
  config?: Config;
  logger?: Logger;
  clock?: Clock;
  /** Argon2id cost of new password hashes (tests pass a cheap one). */
  passwordCost?: PasswordCost;
};

export const API_PREFIX = '/api/v1';
export const OPENAPI_PATH = `${API_PREFIX}/openapi.json`;

/** Builds the whole HTTP application over a database. No I/O at import time: tests build apps freely. */
export function createApp(options: CreateAppOptions) {
  const deps: AppDeps = {
    db: options.db,
    config: options.config ?? defaultConfig(),
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? systemClock,
    passwordCost: options.passwordCost,
  };
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError(deps.logger));
  app.notFound(notFoundOrMethodNotAllowed(() => app.routes));
  app.use('*', requestId());
  // Pages, widget data and API JSON go out gzip-compressed when the client accepts it (the 14 KB first-view
  // budget of the landing page counts compressed bytes); small bodies are left alone.
  app.use('*', compression({ threshold: 1024 }));
  app.use('*', accessLog(deps.logger));

  app.use(`${API_PREFIX}/*`, limitBody(5 * 1024 * 1024, '5 MB'));
  // Public form posts (landing pages, unsubscribe, provider hooks) are small: 64 KB is ten times the largest.
  const publicBodyLimit = limitBody(64 * 1024, '64 KB');
  for (const path of ['/v/*', '/u/*', '/hooks/*']) app.use(path, publicBodyLimit);

  // The OpenAPI document is public: registered before the gate, its handler answers before the gate runs.
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key (sk_live_… or sk_test_…). Also accepted as x-api-key or as the Basic auth user name.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'plaudit_session',
    description:
      'A person signed in with POST /api/v1/auth/login. Writes also need a same-origin Origin and X-Plaudit-Csrf: 1.',
  });
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Plaudit API',
      version: '1.0.0',
      description:
        'Collect and show reviews. Errors are `{ error, code, details }`; lists are `{ data, pagination }`; ' +
        'POST accepts `Idempotency-Key`; every response carries `X-RateLimit-*`. An admin key acts inside an ' +
        'organization with the `Plaudit-Organization: org_…` header.',
    },
    servers: [{ url: deps.config.publicUrl }],
  });

  // Sign-in routes answer before the gate, as the OpenAPI document does: they are how a person gets a session.
  app.route(API_PREFIX, authPublicApi(deps));
  // A provider's consent screen redirects a browser here without a key: the OAuth `state` is the proof.
  app.route(API_PREFIX, connectionsCallbackApi(deps));
  app.use(`${API_PREFIX}/*`, apiKeyAuth(deps));
  // One limiter for the API and /mcp: an assistant's calls count against its key's limit like any other.
  const keyRateLimit = rateLimit({
    limit: deps.config.rateLimit,
    clock: deps.clock,
    keyOf: (c) => c.get('auth').keyId ?? `user:${c.get('auth').userId}`,
  });
  app.use(`${API_PREFIX}/*`, keyRateLimit);
  app.use(`${API_PREFIX}/*`, idempotency(deps));
  app.route(API_PREFIX, meApi(deps));
  app.route(API_PREFIX, notificationsApi(deps));
  app.route(API_PREFIX, authApi(deps));
  app.route(API_PREFIX, teamApi(deps));
  // Before organizationsApi, whose /organizations/{id} would read "overview" as an id.
  app.route(API_PREFIX, organizationsOverviewApi(deps));
  app.route(API_PREFIX, organizationsApi(deps));
  app.route(API_PREFIX, keysApi(deps));
  app.route(API_PREFIX, businessesApi(deps));
  app.route(API_PREFIX, businessLogoApi(deps));
  app.route(API_PREFIX, sourcesApi());
  app.route(API_PREFIX, cardsApi(deps));
  app.route(API_PREFIX, qrApi(deps));
  app.route(API_PREFIX, reviewsApi(deps));
  app.route(API_PREFIX, customersApi(deps));
  app.route(API_PREFIX, reviewRequestPreviewApi(deps));
  app.route(API_PREFIX, reviewRequestsBulkApi(deps));
  app.route(API_PREFIX, reviewRequestsApi(deps));
  app.route(API_PREFIX, feedbackApi(deps));
  app.route(API_PREFIX, inboxApi(deps));
  app.route(API_PREFIX, analyticsApi(deps));
  app.route(API_PREFIX, analyticsSeriesApi(deps));
  app.route(API_PREFIX, messagesApi(deps));
  app.route(API_PREFIX, webhooksApi(deps));
  app.route(API_PREFIX, webhookActionsApi(deps));
  app.route(API_PREFIX, webhookEventTypesApi());
  app.route(API_PREFIX, templatesApi(deps));
  app.route(API_PREFIX, campaignsApi(deps));
  app.route(API_PREFIX, customerDataApi(deps));
  app.route(API_PREFIX, pendingActionsApi(deps));
  app.route(API_PREFIX, auditLogApi(deps));
  app.route(API_PREFIX, connectionsApi(deps));
  app.route(API_PREFIX, connectionLocationsApi(deps));

  app.use('/mcp', limitBody(1024 * 1024, '1 MB'));
  app.route('/', mcpRoutes(deps, keyRateLimit));

  app.route('/', unsubscribeRoutes(deps));
  app.route('/', alertUnsubscribeRoutes(deps));
  app.route('/', smsHookRoutes(deps));
  app.route('/', docsRoutes());
  app.route('/', dashboardRoutes());
  app.route('/', widgetRoutes(deps));
  app.route('/', landingRoutes(deps));
  app.route('/', logoRoutes(deps));
  app.route('/', homeRoutes(deps));
  return app;
}

export type App = ReturnType<typeof createApp>;
