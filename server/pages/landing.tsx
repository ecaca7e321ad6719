import type { Context } from 'hono';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { z } from 'zod';
import { type Language, languageOf, pickLanguage } from '../../landing/i18n/languages';
import { isValidScore } from '../domain/gating';
import { phoneRegion } from '../domain/phone';
import type { AppDeps, AppEnv } from '../http/context';
import { clientIp } from '../http/rate-limit';
import { requestCookie, requestHeader } from '../http/request-header';
import { newNonce } from '../render/nonce';
import { type Business, getBusinessBySlug, getPublicBusiness } from '../store/businesses';
import { findCardByCode } from '../store/cards';
import { notifyBusinessChanged } from '../store/changes';
import { findRequestByCode } from '../store/request-progress';
import { getVisit, type Visit, type VisitOrigin } from '../store/visits';
import {
  clickPlatform,
  countOpen,
  openRequest,
  rateVisit,
  storeVisit,
  submitFeedback,
  submitTestimonial,
} from './landing-actions';
import { loadLandingAsset } from './landing-asset';
import { groupCommit } from './landing-commit';
import { feedbackForm, formFields, parseForm, ratingField, testimonialForm } from './landing-forms';
import {
  flowProps,
  type PageContext,
  platformKeys,
  renderFlow,
  renderFlowPage,
  renderNotFoundPage,
  renderPreviewPage,
  renderThanksPage,
} from './landing-view';
import { type FoundVisit, findVisit } from './landing-visit';
import { createCounter, isCrossSitePost } from './public-guards';
import { isPreviewRobot } from './robots';
import { setLandingHeaders } from './security-headers';
import { visitTokens } from './visit-token';
import { visitorWindow } from './visitor-window';

type LandingEnv = { Variables: AppEnv['Variables'] & { nonce: string } };

/** A request link stops working this long after it was created (unknown and expired look the same). */
export const REQUEST_LINK_DAYS = 180;
/** A reload or a back-and-forth within this time is the same visit, not a new tap or open. */
const VISIT_COOKIE_SECONDS = 30 * 60;
const VISIT_COOKIE = 'pl_visit';
/** Visitors remembered for counting opens once per window (see `visitorWindow`): a few MB at most. */
const VISITORS_REMEMBERED = 50_000;

/** What a link opened: `ref` is what a visit token names (business id, card code, request code). */
type Opened = {
  origin: VisitOrigin;
  ref: string;
  requestId?: string;
  requestStatus?: string;
  cardId?: string;
};

/** The customer-facing routes: `/r/:code`, `/t/:code`, `/b/:slug`, the visit steps and form posts, `/go/…`. */
export function landingRoutes(deps: AppDeps, options: { assetPath?: string } = {}) {
  const app = new Hono<LandingEnv>();
  const asset = loadLandingAsset(options.assetPath);
  const script = asset ? `/assets/landing.js?v=${asset.version}` : null;
  const misses = createCounter(deps.config.publicRateLimit, 60_000, deps.clock);
  const posts = createCounter(deps.config.publicRateLimit, 60_000, deps.clock);
  const ip = (c: Context) => clientIp(c, deps.config.trustProxy);
  const secure = deps.config.publicUrl.startsWith('https:');
  const commit = groupCommit(deps.db);
  const tokens = visitTokens(deps.db, deps.clock);
  const viewers = visitorWindow({
    capacity: VISITORS_REMEMBERED,
    windowMs: VISIT_COOKIE_SECONDS * 1000,
    clock: deps.clock,
  });
  // A view writes nothing; a visit is written at its first step, and new ones are limited per IP.
  const creations = createCounter(deps.config.publicRateLimit, 60_000, deps.clock);

  app.get('/assets/landing.js', (c) => {
    if (!asset) return c.text('Not built: run npm run build', 404);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('ETag', asset.etag);
    c.header('X-Content-Type-Options', 'nosniff');
    if (requestHeader(c, 'if-none-match') === asset.etag) return c.body(null, 304);
    return c.body(asset.body);
  });

  app.use('/r/*', pageHeaders);
  app.use('/t/*', pageHeaders);
  app.use('/b/*', pageHeaders);
  app.use('/v/*', pageHeaders);
  app.use('/go/*', pageHeaders);
  /** The language a request asks for: `?lang=`, then Accept-Language, then the business's locale. */
  const requestLanguage = (c: Context, businessLocale?: string) =>
    pickLanguage({
      query: c.req.query('lang'),
      acceptLanguage: requestHeader(c, 'accept-language'),
      businessLocale,
    });

  app.use('/v/*', async function guardPosts(c, next) {
    if (c.req.method !== 'POST') return next();
    const language = requestLanguage(c);
    if (isCrossSitePost(c, deps.config.publicUrl))
      return notFound(c, language, 403, { message: language.strings.notFoundHeading });
    if (!posts.hit(ip(c))) return tooMany(c, language);
    await next();
  });

  const pageOf = (c: Context<LandingEnv>, language: Language): PageContext => ({
    language,
    nonce: c.get('nonce'),
    script,
  });

  function notFound(c: Context<LandingEnv>, language: Language, status: 403 | 404 = 404, options = {}) {
    return c.html(renderNotFoundPage(pageOf(c, language), options), status);
  }

  function tooMany(c: Context<LandingEnv>, language: Language) {
    c.header('Retry-After', '60');
    return c.html(renderNotFoundPage(pageOf(c, language), { message: language.strings.tooMany }), 429);
  }

  /** A code that leads nowhere counts against the caller's IP; past the limit every lookup is refused. */
  function miss(c: Context<LandingEnv>, business?: Business, link?: { name: string; href: string }) {
    const language = requestLanguage(c, business?.locale);
    misses.hit(ip(c));
    return notFound(c, language, 404, link ? { business: link } : {});
  }

  async function entry(c: Context<LandingEnv>, business: Business, opened: Opened, greeting: string | null) {
    const language = requestLanguage(c, business.locale);
    const page = pageOf(c, language);
    if (isPreviewRobot(c)) {
      return c.html(
        renderPreviewPage(
          page,
          business,
          flowProps({ business, token: '', language, greeting, rating: null }),
        ),
      );
    }
    const reused = reusableToken(c, opened);
    const token = reused ?? tokens.issue(opened.origin, opened.ref, language.lang);
    if (!reused) await countArrival(c, business, opened, token);
    setCookie(c, VISIT_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      maxAge: VISIT_COOKIE_SECONDS,
    });
    const stored = reused ? getVisit(deps.db, reused) : undefined;
    const rating = c.req.query('rate') ? null : (stored?.rating ?? null);
    return c.html(renderFlow(page, { business, token, language, greeting, rating }));
  }

  /** The token in the visit cookie, if it was issued for this same link less than the cookie's life ago. */
  function reusableToken(c: Context, opened: Opened): string | undefined {
    const claims = tokens.read(requestCookie(c, VISIT_COOKIE) ?? '');
    if (!claims || claims.origin !== opened.origin || claims.ref !== opened.ref) return undefined;
    const age = deps.clock().getTime() - claims.issuedAt;
    return age < VISIT_COOKIE_SECONDS * 1000 ? claims.id : undefined;
  }

  /**
   * A new arrival. A request is marked opened the first time only. A card or business link counts one open
   * (and tap) per visitor (IP and user agent) per window into the day's figures: a page loaded a thousand
   * times by one client is one open, and a view writes no row of its own.
   */
  async function countArrival(c: Context, business: Business, opened: Opened, token: string) {
    const base = { organizationId: business.organizationId, businessId: business.id };
    if (opened.requestId) {
      if (opened.requestStatus === 'opened') return;
      const arrival = { ...base, visitId: token, requestId: opened.requestId };
      await commit(() => openRequest(deps, arrival));
      return;
    }
    if (!viewers.first(ip(c), requestHeader(c, 'user-agent') ?? '', opened.origin, opened.ref)) return;
    await commit(() => countOpen(deps, { ...base, cardId: opened.cardId ?? null }));
  }

  app.get('/r/:code', (c) => {
    if (misses.exceeded(ip(c))) return tooMany(c, requestLanguage(c));
    const request = findRequestByCode(deps.db, c.req.param('code'));
    const business = request && getPublicBusiness(deps.db, request.businessId);
    const expired =
      request && deps.clock().getTime() - Date.parse(request.createdAt) > REQUEST_LINK_DAYS * 86_400_000;
    if (!request || !business || expired || request.status === 'suppressed') return miss(c);
    const greeting = request.customerName?.trim().split(/\s+/)[0] || null;
    return entry(
      c,
      business,
      { origin: 'request', ref: c.req.param('code'), requestId: request.id, requestStatus: request.status },
      greeting,
    );
  });

  app.get('/t/:code', (c) => {
    if (misses.exceeded(ip(c))) return tooMany(c, requestLanguage(c));
    const card = findCardByCode(deps.db, c.req.param('code'));
    const business = card && getPublicBusiness(deps.db, card.businessId);
    if (!card || !business) return miss(c);
    if (!card.active) return miss(c, business, { name: business.name, href: `/b/${business.slug}` });
    return entry(c, business, { origin: 'card', ref: card.code, cardId: card.id }, null);
  });

  app.get('/b/:slug', (c) => {
    if (misses.exceeded(ip(c))) return tooMany(c, requestLanguage(c));
    const business = getBusinessBySlug(deps.db, c.req.param('slug'));
    if (!business) return miss(c);
    return entry(c, business, { origin: 'business_link', ref: business.id }, null);
  });

  /**
   * The visit behind a token (written, or still only in the token), with its business and the language it
   * settled on. The posts and clicks call it inside the group commit that writes the visit: the read is then
   * part of the write's transaction (nothing can change the visit in between) and costs a fraction of a
   * read of its own.
   */
  function visitOf(c: Context<LandingEnv>) {
    const found = findVisit(deps.db, tokens, c.req.param('token') ?? '');
    if (!found) return undefined;
    const language = languageOf(found.visit.lang, c.req.query('lang'));
    return { ...found, language, page: pageOf(c, language) };
  }

  /**
   * Writes a visit that so far lived only in its token, before its first step is recorded (inside the
   * commit). False when this IP has started too many visits this minute: nothing is written then.
   */
  function storeIfNew(c: Context, found: FoundVisit): boolean {
    if (found.stored) return true;
    if (!creations.hit(ip(c))) return false;
    storeVisit(deps, found.visit);
    found.stored = true;
    return true;
  }

  const wantsJson = (c: Context) => (requestHeader(c, 'accept') ?? '').includes('application/json');

  /** A body that is not a form at all (a malformed multipart …): 400 with the visit's page, nothing written. */
  function malformed(c: Context<LandingEnv>) {
    const found = visitOf(c);
    if (!found) return miss(c);
    if (wantsJson(c))
      return c.json({ error: 'Malformed form body', code: 'VALIDATION_ERROR', details: {} }, 400);
    const { visit, business, language, page } = found;
    const flow = flowProps({ business, token: visit.id, language, greeting: null, rating: visit.rating });
    return c.html(renderFlowPage(page, business, flow), 400);
  }

  const backTo = (c: Context, visit: Visit) => {
    const lang = c.req.query('lang');
    return c.redirect(`/v/${visit.id}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`, 303);
  };

  app.get('/v/:token', (c) => {
    if (misses.exceeded(ip(c))) return tooMany(c, requestLanguage(c));
    const found = visitOf(c);
    if (!found) return miss(c);
    const { visit, business, language, page } = found;
    const flow = flowProps({
      business,
      token: visit.id,
      language,
      greeting: null,
      rating: c.req.query('rate') ? null : visit.rating,
    });
    if (flow.rating !== null && visit.feedbackId)
      return c.html(renderThanksPage(page, business, flow, 'feedback'));
    if (flow.rating !== null && visit.testimonialId)
      return c.html(renderThanksPage(page, business, flow, 'testimonial'));
    return c.html(
      renderFlow(page, { business, token: visit.id, language, greeting: null, rating: flow.rating }),
    );
  });

  app.post('/v/:token/rate', async (c) => {
    const fields = await formFields(c);
    if (!fields) return malformed(c);
    const outcome = await commit(() => {
      const found = visitOf(c);
      if (!found) return undefined;
      const parsed = ratingField.safeParse(fields);
      if (!parsed.success || !isValidScore(found.business.gating.scale, parsed.data.rating))
        return { found, step: 'invalid' as const };
      if (!storeIfNew(c, found)) return { found, step: 'limited' as const };
      rateVisit(deps, found.visit, parsed.data.rating);
      return { found, step: 'rated' as const };
    });
    if (!outcome) return miss(c);
    const { visit, business, language, page } = outcome.found;
    if (outcome.step === 'limited') return tooMany(c, language);
    if (outcome.step === 'invalid') {
      if (wantsJson(c)) return c.json({ error: 'Invalid rating', code: 'VALIDATION_ERROR' }, 400);
      const flow = flowProps({ business, token: visit.id, language, greeting: null, rating: null });
      return c.html(renderFlowPage(page, business, flow), 400);
    }
    return wantsJson(c) ? c.json({ ok: true }) : backTo(c, visit);
  });

  /**
   * A no-JS form post (private feedback or a testimonial): a bot's honeypot or a missing rating goes back
   * quietly; invalid fields re-render the step with the errors and what was typed (400); a valid form is
   * committed before the 303 back to the visit page. `submit` runs inside the commit, `committed` after it.
   */
  function formRoute<T, R>(
    kind: 'feedback' | 'testimonial',
    schemaFor: (business: Business) => z.ZodType<T>,
    submit: (visit: Visit, business: Business, rating: number, value: T) => R,
    committed?: (visit: Visit, result: R) => void,
  ) {
    app.post(`/v/:token/${kind}`, async (c) => {
      const body = await formFields(c);
      if (!body) return malformed(c);
      const outcome = await commit(() => {
        const found = visitOf(c);
        if (!found) return undefined;
        const { visit, business, language } = found;
        const rating = body.website ? null : scoreOf(business, body.rating, visit.rating);
        if (rating === null) return { found, step: 'back' as const };
        const form = parseForm(schemaFor(business), body, language.strings);
        if (!form.ok) return { found, step: 'invalid' as const, rating, errors: form.errors };
        if (!storeIfNew(c, found)) return { found, step: 'limited' as const };
        return { found, step: 'submitted' as const, result: submit(visit, business, rating, form.value) };
      });
      if (!outcome) return miss(c);
      const { visit, business, language, page } = outcome.found;
      if (outcome.step === 'limited') return tooMany(c, language);
      if (outcome.step === 'invalid') {
        const form = { kind, errors: outcome.errors, values: body };
        const flow = flowProps({
          business,
          token: visit.id,
          language,
          greeting: null,
          rating: outcome.rating,
          form,
        });
        return c.html(renderFlowPage(page, business, flow), 400);
      }
      if (outcome.step === 'submitted') committed?.(visit, outcome.result);
      return backTo(c, visit);
    });
  }

  formRoute(
    'feedback',
    (business) => feedbackForm(phoneRegion(business)),
    (visit, business, rating, value) => submitFeedback(deps, business, visit, rating, value),
  );
  formRoute(
    'testimonial',
    () => testimonialForm,
    (visit, business, rating, value) => submitTestimonial(deps, business, visit, rating, value),
    (visit, written) => {
      if (written) notifyBusinessChanged(deps.db, visit.businessId);
    },
  );

  app.get('/go/:token/:platform', async (c) => {
    const platform = c.req.param('platform');
    const linkOf = () => {
      const found = visitOf(c);
      const link = found && platformKeys(found.business).find(({ key }) => key === platform)?.link;
      return found && link ? { found, link } : undefined;
    };
    // A preview robot only reads; a person's click is recorded in the commit that read the visit.
    const target = isPreviewRobot(c)
      ? linkOf()
      : await commit(() => {
          const target = linkOf();
          if (!target) return undefined;
          if (!storeIfNew(c, target.found)) return { ...target, limited: true };
          clickPlatform(deps, target.found.visit, platform);
          return target;
        });
    if (!target) return miss(c);
    if ('limited' in target) return tooMany(c, target.found.language);
    return c.redirect(target.link.url, 302);
  });

  return app;
}

/** The score a post carries, else the one already recorded; null when neither is valid for the scale. */
function scoreOf(business: Business, posted: string | undefined, recorded: number | null): number | null {
  const score = posted !== undefined && posted !== '' ? Number(posted) : recorded;
  return score !== null && isValidScore(business.gating.scale, score) ? score : null;
}

async function pageHeaders(c: Context<LandingEnv>, next: () => Promise<void>) {
  const nonce = newNonce();
  c.set('nonce', nonce);
  setLandingHeaders(c, nonce);
  await next();
}
