import { z } from '@hono/zod-openapi';
import { isSupportedCountry } from 'libphonenumber-js/max';
import {
  facebookPage,
  isGoogleReviewUrl,
  type PlatformSettings,
  tripadvisorIds,
  trustpilotDomain,
  yelpBizId,
} from '../domain/links';

const httpsUrl = z.url({ protocol: /^https$/, message: 'must be an https URL' }).max(2048);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const isLocale = (locale: string) => {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
};

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');

/** What a Google place id looks like (`ChIJ…`): a business's review link is built from it. */
export const GOOGLE_PLACE_ID = /^[A-Za-z0-9_-]{10,300}$/;

/** Platform settings as a caller sends them: each platform by its id or by the URL of its page. */
export const platformsInput = z
  .object({
    google: z
      .object({
        placeId: z.string().trim().regex(GOOGLE_PLACE_ID, 'must be a Google place id').optional(),
        reviewUrl: httpsUrl
          .refine(isGoogleReviewUrl, 'must be a Google review link (g.page/r/…/review …)')
          .optional(),
      })
      .strict()
      .refine((g) => g.placeId || g.reviewUrl, 'give placeId or reviewUrl')
      .optional(),
    yelp: z
      .object({ url: z.string().trim().optional(), bizId: z.string().trim().optional() })
      .strict()
      .transform((y, ctx) => {
        const bizId = yelpBizId(y.bizId ?? y.url ?? '');
        if (!bizId)
          ctx.addIssue({
            code: 'custom',
            message: 'give a Yelp business URL (https://www.yelp.com/biz/…) or bizId',
          });
        return { bizId: bizId ?? '' };
      })
      .optional(),
    facebook: z
      .object({ url: z.string().trim().optional(), page: z.string().trim().optional() })
      .strict()
      .transform((f, ctx) => {
        const page = facebookPage(f.page ?? f.url ?? '');
        if (!page) ctx.addIssue({ code: 'custom', message: 'give a Facebook page URL or page name' });
        return { page: page ?? '' };
      })
      .optional(),
    tripadvisor: z
      .object({ url: z.string().trim() })
      .strict()
      .transform((t, ctx) => {
        const ids = tripadvisorIds(t.url);
        if (!ids)
          ctx.addIssue({ code: 'custom', message: 'give the Tripadvisor page URL (…-g{geo}-d{location}…)' });
        return ids ?? { geoId: '', locationId: '' };
      })
      .optional(),
    trustpilot: z
      .object({ domain: z.string().trim().optional(), url: z.string().trim().optional() })
      .strict()
      .transform((t, ctx) => {
        const domain = trustpilotDomain(t.domain ?? t.url ?? '');
        if (!domain)
          ctx.addIssue({ code: 'custom', message: 'give the domain Trustpilot lists (example.com)' });
        return { domain: domain ?? '' };
      })
      .optional(),
    custom: z
      .array(z.object({ name: z.string().trim().min(1).max(60), url: httpsUrl }).strict())
      .max(10)
      .optional(),
  })
  .strict()
  .openapi('PlatformsInput') satisfies z.ZodType<PlatformSettings, unknown>;

export const gatingInput = z
  .object({
    mode: z.enum(['soft', 'off', 'strict']).optional(),
    threshold: z.number().int().min(0).max(10).optional(),
    scale: z.enum(['stars', 'nps', 'thumbs']).optional(),
    acknowledgePolicyRisk: z.boolean().optional().openapi({
      description:
        'Required (true) to set mode `strict`: classic gating risks breaching Google, Trustpilot and FTC 16 CFR 465 rules.',
    }),
  })
  .strict();

const businessBody = {
  name: z.string().trim().min(1).max(200),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'lowercase letters, digits and dashes, up to 64')
    .optional(),
  address: optionalText(500),
  phone: optionalText(40),
  website: httpsUrl
    .or(z.url({ protocol: /^http$/ }))
    .nullable()
    .optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isSupportedCountry, 'must be an ISO 3166-1 alpha-2 country code such as GB or US')
    .nullable()
    .optional()
    .openapi({
      example: 'GB',
      description:
        'ISO 3166-1 alpha-2. Customers’ national phone numbers are read in it; without it, in the region of ' +
        'the locale (en-GB), else of the time zone, else the locale’s likely region, else US.',
    }),
  timezone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris').optional(),
  locale: z.string().refine(isLocale, 'must be a language tag such as en or pt-BR').optional(),
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be #RRGGBB')
    .nullable()
    .optional(),
  logoUrl: httpsUrl.nullable().optional(),
  gating: gatingInput.optional(),
  testimonials: z
    .object({ autoPublishMinRating: z.number().int().min(1).max(5).nullable() })
    .strict()
    .optional()
    .openapi({
      description: 'Testimonials at or above this rating are published on the widget without approval.',
    }),
  platforms: platformsInput.optional(),
  sendWindow: z.object({ start: hhmm, end: hhmm }).strict().optional(),
  dedupDays: z.number().int().min(0).max(365).optional(),
};

export const createBusinessBody = z.object(businessBody).strict().openapi('CreateBusiness');
export const updateBusinessBody = z
  .object({ ...businessBody, name: businessBody.name.optional() })
  .strict()
  .openapi('UpdateBusiness');

export type CreateBusinessInput = z.infer<typeof createBusinessBody>;
export type UpdateBusinessInput = z.infer<typeof updateBusinessBody>;

const reviewLinkSchema = z.object({ platform: z.string(), name: z.string(), url: z.string() });

export const businessSchema = z
  .object({
    id: z.string().openapi({ example: 'biz_3kTz9QwErTyUiOpA' }),
    organizationId: z.string(),
    name: z.string(),
    slug: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    country: z.string().nullable(),
    timezone: z.string(),
    locale: z.string(),
    brandColor: z.string().nullable(),
    logoUrl: z.string().nullable(),
    gating: z.object({
      mode: z.enum(['soft', 'off', 'strict']),
      threshold: z.number().int(),
      scale: z.enum(['stars', 'nps', 'thumbs']),
      policyRiskAcknowledgedAt: z.string().nullable(),
    }),
    testimonials: z.object({ autoPublishMinRating: z.number().int().nullable() }),
    platforms: z.record(z.string(), z.unknown()),
    reviewLinks: z.array(reviewLinkSchema),
    sendWindow: z.object({ start: z.string(), end: z.string() }),
    dedupDays: z.number().int(),
    reviewLink: z.string().openapi({ description: 'The business’s general landing link (/b/:slug)' }),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Business');

export const businessWithStatsSchema = businessSchema
  .extend({
    averageRating: z.number().nullable(),
    totalReviews: z.number().int(),
    reviewBreakdown: z.record(z.string(), z.number().int()),
    sentimentBreakdown: z.record(z.string(), z.number().int()),
    platformBreakdown: z.record(z.string(), z.number().int()),
  })
  .openapi('BusinessWithStats');
