import { DomainError } from './errors';
import { randomBase62 } from './ids';
import type { PlatformSettings } from './links';

export type GatingMode = 'soft' | 'off' | 'strict';
export type RatingScale = 'stars' | 'nps' | 'thumbs';

/** A business's settings as stored (already validated and normalized). */
export type BusinessFields = {
  name: string;
  slug: string;
  address: string | null;
  phone: string | null;
  website: string | null;
  /** Optional so callers that predate it (seeds, benchmarks) need not name it. */
  country?: string | null;
  timezone: string;
  locale: string;
  brandColor: string | null;
  logoUrl: string | null;
  gatingMode: GatingMode;
  gatingThreshold: number;
  gatingScale: RatingScale;
  policyRiskAcknowledgedAt: string | null;
  testimonialAutoPublishMin: number | null;
  platforms: PlatformSettings;
  sendWindowStart: string;
  sendWindowEnd: string;
  dedupDays: number;
};

/** Settings as a caller asks for them (already shape-checked at the edge): every field optional but the name on create. */
export type BusinessSettingsInput = {
  name?: string;
  slug?: string;
  address?: string | null;
  phone?: string | null;
  website?: string | null;
  country?: string | null;
  timezone?: string;
  locale?: string;
  brandColor?: string | null;
  logoUrl?: string | null;
  gating?: { mode?: GatingMode; threshold?: number; scale?: RatingScale; acknowledgePolicyRisk?: boolean };
  testimonials?: { autoPublishMinRating: number | null };
  platforms?: PlatformSettings;
  sendWindow?: { start: string; end: string };
  dedupDays?: number;
};

/** Where each scale's "happy" range starts unless the owner says otherwise. */
export const DEFAULT_THRESHOLD: Record<RatingScale, number> = { stars: 4, nps: 9, thumbs: 1 };
const SCALE_RANGE: Record<RatingScale, [number, number]> = { stars: [1, 5], nps: [0, 10], thumbs: [0, 1] };

/** A URL-safe slug from a business name: "Joe's Café" → "joes-cafe". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return slug || 'business';
}

/** A slug derived from the name that `isTaken` says is free: the name's own, or it with a short suffix. */
export function freeSlug(name: string, isTaken: (slug: string) => boolean): string {
  const base = slugify(name);
  let candidate = base;
  while (isTaken(candidate)) candidate = `${base}-${randomBase62(4).toLowerCase()}`;
  return candidate;
}

/**
 * Merges API input onto the current settings (or the defaults for a new business) and enforces the rules
 * that span fields: the threshold must fit the scale, and `strict` gating needs an explicit acknowledgement
 * of the policy risk (DESIGN §5) — so a business is never strict by default or by accident.
 */
export function resolveBusinessFields(
  input: BusinessSettingsInput,
  current: BusinessFields | undefined,
  now: string,
): Omit<BusinessFields, 'slug'> & { slug?: string } {
  const scale = input.gating?.scale ?? current?.gatingScale ?? 'stars';
  const scaleChanged = current && input.gating?.scale && input.gating.scale !== current.gatingScale;
  const threshold =
    input.gating?.threshold ??
    (current && !scaleChanged ? current.gatingThreshold : DEFAULT_THRESHOLD[scale]);
  const [min, max] = SCALE_RANGE[scale];
  if (threshold < min || threshold > max) {
    throw new DomainError('invalid', 'Gating threshold does not fit the rating scale', {
      'gating.threshold': `must be between ${min} and ${max} for the ${scale} scale`,
    });
  }
  const mode = input.gating?.mode ?? current?.gatingMode ?? 'soft';
  let acknowledgedAt = current?.policyRiskAcknowledgedAt ?? null;
  if (mode === 'strict') {
    if (input.gating?.mode === 'strict' && input.gating.acknowledgePolicyRisk !== true) {
      throw new DomainError(
        'invalid',
        'Strict gating hides public review sites from unhappy customers, which Google and Trustpilot policies and the FTC rule (16 CFR 465) prohibit. Set gating.acknowledgePolicyRisk to true to enable it anyway.',
        { 'gating.acknowledgePolicyRisk': 'must be true to set mode strict' },
      );
    }
    acknowledgedAt ??= now;
  } else {
    acknowledgedAt = null;
  }
  const window =
    input.sendWindow ?? (current && { start: current.sendWindowStart, end: current.sendWindowEnd });
  if (window && window.start === window.end) {
    throw new DomainError('invalid', 'Send window is empty', {
      'sendWindow.end': 'must differ from start',
    });
  }
  const pick = <K extends keyof BusinessFields>(
    key: K,
    value: BusinessFields[K] | undefined,
    fallback: BusinessFields[K],
  ) => (value !== undefined ? value : current ? current[key] : fallback);
  return {
    name: input.name ?? current?.name ?? missingName(),
    slug: input.slug ?? current?.slug,
    address: pick('address', input.address, null),
    phone: pick('phone', input.phone, null),
    website: pick('website', input.website, null),
    country: pick('country', input.country, null),
    timezone: pick('timezone', input.timezone, 'UTC'),
    locale: pick('locale', input.locale, 'en'),
    brandColor: pick('brandColor', input.brandColor?.toLowerCase() ?? input.brandColor, null),
    logoUrl: pick('logoUrl', input.logoUrl, null),
    gatingMode: mode,
    gatingThreshold: threshold,
    gatingScale: scale,
    policyRiskAcknowledgedAt: acknowledgedAt,
    testimonialAutoPublishMin: pick(
      'testimonialAutoPublishMin',
      input.testimonials?.autoPublishMinRating,
      null,
    ),
    platforms: pick('platforms', input.platforms, {}),
    sendWindowStart: window?.start ?? '09:00',
    sendWindowEnd: window?.end ?? '20:00',
    dedupDays: pick('dedupDays', input.dedupDays, 14),
  };
}

function missingName(): never {
  throw new DomainError('invalid', 'A business needs a name', { name: 'required' });
}
