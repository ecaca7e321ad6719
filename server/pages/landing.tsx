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
import { type Business, getBusinessBySlug, getPublicBusiness } from '../store/businesses';
import { findCardByCode } from '../store/cards';
import { notifyBusinessChanged } from '../store/changes';
import { findRequestByCode } from '../store/request-progress';
import { getVisit, type NewVisit, type Visit } from '../store/visits';
import { clickPlatform, rateVisit, startVisit, submitFeedback, submitTestimonial } from './landing-actions';
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
import { createCounter, isCrossSitePost } from './public-guards';
import { isPreviewRobot } from './robots';
import { newNonce, setLandingHeaders } from './security-headers';

type LandingEnv = { Variables: AppEnv['Variables'] & { nonce: string } };

/** A request link stops working this long after it was created (unknown and expired look the same). */
export const REQUEST_LINK_DAYS = 180;
/** A reload or a back-and-forth within this time is the same visit, not a new tap or open. */
const VISIT_COOKIE_SECONDS = 30 * 60;
const VISIT_COOKIE = 'pl_visit';

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

  async function entry(
    c: Context<LandingEnv>,
    business: Business,
    visit: Omit<NewVisit, 'lang'>,
    greeting: string | null,
  ) {
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
    const current = reusableVisit(c, visit);
    const started = current ?? (await commit(() => startVisit(deps, { ...visit, lang: language.lang })));
    setCookie(c, VISIT_COOKIE, started.id, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      maxAge: VISIT_COOKIE_SECONDS,
    });
    const rating = c.req.query('rate') ? null : started.rating;
    return c.html(renderFlow(page, { business, token: started.id, language, greeting, rating }));
  }

  function reusableVisit(c: Context, wanted: Omit<NewVisit, 'lang'>): Visit | undefined {
    const id = requestCookie(c, VISIT_COOKIE);
    const visit = id ? getVisit(deps.db, id) : undefined;
    if (!visit || visit.businessId !== wanted.businessId || visit.origin !== wanted.origin) return undefined;
    if ((wanted.requestId ?? null) !== visit.requestId || (wanted.cardId ?? null) !== visit.cardId)
      return undefined;
    const age = deps.clock().getTime() - Date.parse(visit.createdAt);
    return age < VISIT_COOKIE_SECONDS * 1000 ? visit : undefined;
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
      {
        organizationId: business.organizationId,
        businessId: business.id,
        origin: 'request',
        requestId: request.id,
      },
      greeting,
    );
  });

  app.get('/t/:code', (c) => {
    if (misses.exceeded(ip(c))) return tooMany(c, requestLanguage(c));
    const card = findCardByCode(deps.db, c.req.param('code'));
    const business = card && getPublicBusiness(deps.db, card.businessId);
    if (!card || !business) return miss(c);
    if (!card.active) return miss(c, business, { name: business.name, href: `/b/${business.slug}` });
    return entry(
      c,
      business,
      { organizationId: business.organizationId, businessId: business.id, origin: 'card', cardId: card.id },
      null,
    );
  });

  app.get('/b/:slug', (c) => {
    if (misses.exceeded(ip(c))) return tooMany(c, requestLanguage(c));
    const business = getBusinessBySlug(deps.db, c.req.param('slug'));
    if (!business) return miss(c);
    return entry(
      c,
      business,
      { organizationId: business.organizationId, businessId: business.id, origin: 'business_link' },
      null,
    );
  });

  /**
   * The visit behind a token, with its business and the language it settled on. The posts and clicks call
   * it inside the group commit that writes the visit: the read is then part of the write's transaction
   * (nothing can change the visit in between) and costs a fraction of a read of its own.
   */
  function visitOf(c: Context<LandingEnv>) {
    const visit = getVisit(deps.db, c.req.param('token') ?? '');
    const business = visit && getPublicBusiness(deps.db, visit.businessId);
    if (!visit || !business) return undefined;
    const language = languageOf(visit.lang, c.req.query('lang'));
    return { visit, business, language, page: pageOf(c, language) };
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
    const wantsJson = (requestHeader(c, 'accept') ?? '').includes('application/json');
    const outcome = await commit(() => {
      const found = visitOf(c);
      if (!found) return undefined;
      const parsed = ratingField.safeParse(fields);
      const valid = parsed.success && isValidScore(found.business.gating.scale, parsed.data.rating);
      if (valid) rateVisit(deps, found.visit, parsed.data.rating);
      return { found, valid };
    });
    if (!outcome) return miss(c);
    const { visit, business, language, page } = outcome.found;
    if (!outcome.valid) {
      if (wantsJson) return c.json({ error: 'Invalid rating', code: 'VALIDATION_ERROR' }, 400);
      const flow = flowProps({ business, token: visit.id, language, greeting: null, rating: null });
      return c.html(renderFlowPage(page, business, flow), 400);
    }
    return wantsJson ? c.json({ ok: true }) : backTo(c, visit);
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
      const outcome = await commit(() => {
        const found = visitOf(c);
        if (!found) return undefined;
        const { visit, business, language } = found;
        const rating = body.website ? null : scoreOf(business, body.rating, visit.rating);
        if (rating === null) return { found, step: 'back' as const };
        const form = parseForm(schemaFor(business), body, language.strings);
        if (!form.ok) return { found, step: 'invalid' as const, rating, errors: form.errors };
        return { found, step: 'submitted' as const, result: submit(visit, business, rating, form.value) };
      });
      if (!outcome) return miss(c);
      const { visit, business, language, page } = outcome.found;
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
      return found && link ? { visit: found.visit, link } : undefined;
    };
    // A preview robot only reads; a person's click is recorded in the commit that read the visit.
    const target = isPreviewRobot(c)
      ? linkOf()
      : await commit(() => {
          const found = linkOf();
          if (found) clickPlatform(deps, found.visit, platform);
          return found;
        });
    if (!target) return miss(c);
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
