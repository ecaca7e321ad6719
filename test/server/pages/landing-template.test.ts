import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARIES, type Language, pickLanguage } from '../../../landing/i18n/languages';
import { scaleScores } from '../../../server/domain/gating';
import {
  type FlowInput,
  flowProps,
  type PageContext,
  renderFlow,
  renderFlowPage,
} from '../../../server/pages/landing-view';
import { newNonce } from '../../../server/render/nonce';
import { type Business, getBusiness } from '../../../server/store/businesses';
import { landingSetup, PLATFORMS } from './landing-fixtures';

type Scale = Business['gating']['scale'];
type Mode = Business['gating']['mode'];

const SCALES: Scale[] = ['stars', 'nps', 'thumbs'];
const MODES: Mode[] = ['soft', 'off', 'strict'];
const THRESHOLD: Record<Scale, number> = { stars: 4, nps: 9, thumbs: 1 };
const LANGUAGES = Object.keys(DICTIONARIES); // en es fr de pt ar
const TRICKY = [
  'Joe’s Coffee',
  '<b>Bold</b> & "Quoted" \'Single\'',
  'Café </script><script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…} in a business name is the point
  '{{business}} {name} ${x}',
  "$& $1 $$ $` $' replace-patterns",
  'مقهى الأصدقاء',
  '東京 ☕ 👍🏽 e\u0301',
  '</style><style>body{display:none}</style>',
];
const GREETINGS: Array<string | null> = [
  null,
  'Jessica',
  '<img src=x onerror=alert(1)>',
  '$&"\'&amp;',
  'Zoë 👋',
];

const visitToken = () => `visit_${randomBytes(9).toString('base64url')}`;
const languageOf = (lang: string): Language => pickLanguage({ query: lang });

let base: Business;

beforeAll(async () => {
  const t = landingSetup();
  const created = await t.createBusiness({ platforms: PLATFORMS });
  const business = getBusiness(t.db, t.org.id, created.id);
  if (!business) throw new Error('no business');
  base = business;
});

function businessWith(overrides: {
  name?: string;
  scale?: Scale;
  mode?: Mode;
  threshold?: number;
  logoUrl?: string | null;
  brandColor?: string | null;
  customLink?: string;
}): Business {
  const scale = overrides.scale ?? 'stars';
  return {
    ...base,
    name: overrides.name ?? base.name,
    logoUrl: overrides.logoUrl === undefined ? base.logoUrl : overrides.logoUrl,
    brandColor: overrides.brandColor === undefined ? base.brandColor : overrides.brandColor,
    gating: {
      ...base.gating,
      scale,
      mode: overrides.mode ?? 'soft',
      threshold: overrides.threshold ?? THRESHOLD[scale],
    },
    reviewLinks: overrides.customLink
      ? [
          ...base.reviewLinks,
          { platform: 'custom', name: overrides.customLink, url: 'https://example.com/r' },
        ]
      : base.reviewLinks,
  };
}

/** What the page would be without the template cache, for this token and nonce. */
const fullRender = (page: PageContext, input: FlowInput) =>
  renderFlowPage(page, input.business, flowProps(input));

/** Renders through the cache twice (miss then hit, or hit then hit) with fresh tokens and nonces. */
function expectCachedEqualsFull(pageBase: Omit<PageContext, 'nonce'>, input: Omit<FlowInput, 'token'>) {
  const outputs: string[] = [];
  for (let i = 0; i < 2; i++) {
    const page = { ...pageBase, nonce: newNonce() };
    const full = { ...input, token: visitToken() };
    const cached = renderFlow(page, full);
    expect(cached).toBe(fullRender(page, full));
    // Not vacuous: this response's own token and nonce are in it.
    expect(cached).toContain(`/v/${full.token}/`);
    expect(cached).toContain(`nonce="${page.nonce}"`);
    outputs.push(cached);
  }
  expect(outputs[0]).not.toBe(outputs[1]);
}

/** Every step a rating can lead to on a scale: not yet rated, then each score. */
const ratingsOf = (scale: Scale): Array<number | null> => [null, ...scaleScores(scale)];

describe('renderFlow (template cache)', () => {
  it('equals the full render byte for byte on every step, scale, gating mode and language', () => {
    let i = 0;
    for (const scale of SCALES)
      for (const mode of MODES)
        for (const lang of LANGUAGES)
          for (const rating of ratingsOf(scale)) {
            i++;
            const business = businessWith({
              name: TRICKY[i % TRICKY.length],
              scale,
              mode,
              customLink: i % 3 === 0 ? TRICKY[(i + 3) % TRICKY.length] : undefined,
            });
            expectCachedEqualsFull(
              { language: languageOf(lang), script: i % 2 ? '/assets/landing.js?v=abc123' : null },
              { business, language: languageOf(lang), greeting: GREETINGS[i % GREETINGS.length], rating },
            );
          }
  });

  it('equals the full render for every name and greeting with markup, quotes, placeholders and unicode', () => {
    for (const name of TRICKY)
      for (const greeting of [...GREETINGS, ...TRICKY])
        for (const lang of ['en', 'ar'])
          for (const rating of [null, 2, 5]) {
            const language = languageOf(lang);
            expectCachedEqualsFull(
              { language, script: null },
              {
                business: businessWith({ name, customLink: greeting ?? undefined }),
                language,
                greeting,
                rating,
              },
            );
          }
  });

  it('keeps inputs that differ in one field apart (logo, colour, threshold, links, script, direction)', () => {
    const language = languageOf('en');
    const variants: Array<[Omit<PageContext, 'nonce'>, Business]> = [
      [{ language, script: null }, businessWith({})],
      [{ language, script: null }, businessWith({ logoUrl: 'https://cdn.example.com/logo.png?a=1&b="2"' })],
      [{ language, script: null }, businessWith({ brandColor: '#ff0000' })],
      [{ language, script: null }, businessWith({ brandColor: '#00ff00' })],
      [{ language, script: null }, businessWith({ threshold: 3 })],
      [{ language, script: null }, businessWith({ customLink: 'Our site' })],
      [{ language, script: '/assets/landing.js?v=1' }, businessWith({})],
      [{ language, script: '/assets/landing.js?v=2' }, businessWith({})],
      [{ language: { ...language, dir: 'rtl' }, script: null }, businessWith({})],
      [{ language: { ...language, lang: 'en-GB' }, script: null }, businessWith({})],
    ];
    // Twice round, so the second pass is all cache hits that must still tell the variants apart.
    for (let round = 0; round < 2; round++)
      for (const [page, business] of variants)
        for (const rating of [null, 3, 4])
          expectCachedEqualsFull(page, { business, language: page.language, greeting: null, rating });
  });

  it('renders a form sent back with errors in full, equal to the full render', () => {
    const language = languageOf('fr');
    const page = { language, nonce: newNonce(), script: null };
    const input: FlowInput = {
      business: businessWith({ name: TRICKY[2] }),
      token: visitToken(),
      language,
      greeting: null,
      rating: 2,
      form: {
        kind: 'feedback',
        errors: { comments: language.strings.errorRequired },
        values: { comments: '</textarea><script>x</script> $& {{x}}', name: '"Zoë"' },
      },
    };
    expect(renderFlow(page, input)).toBe(fullRender(page, input));
  });

  it.each([
    ['an empty token', '', null],
    ['a token with markup', '<script>x</script>', null],
    ['a token with quotes and $&', 'a"b\'c$&d', null],
    ['a token with a slash', 'a/b', null],
    ['a token over 64 characters', 'x'.repeat(65), null],
    ['a non-ASCII token', 'tökén', null],
    ['an empty nonce', null, ''],
    ['a nonce with a quote', null, "abc'def"],
    ['a nonce with markup', null, 'a"><script>'],
    ['a nonce with $&', null, 'ab$&cd'],
    ['a nonce with a semicolon', null, 'abc; script-src *'],
    ['a nonce over 64 characters', null, 'A'.repeat(65)],
  ])('falls back to a correct full render for %s', (_name, token, nonce) => {
    const language = languageOf('en');
    for (const greeting of [null, 'Jo']) {
      const business = businessWith({ name: TRICKY[1] });
      const page = { language, nonce: nonce ?? newNonce(), script: null };
      const input: FlowInput = { business, token: token ?? visitToken(), language, greeting, rating: null };
      // Warm the cache for the same key first, so a fallback that used the template would show.
      renderFlow({ ...page, nonce: newNonce() }, { ...input, token: visitToken() });
      const out = renderFlow(page, input);
      expect(out).toBe(fullRender(page, input));
      // And the cache still serves safe values correctly afterwards.
      expectCachedEqualsFull({ language, script: null }, { business, language, greeting, rating: null });
    }
  });
});

describe('CSP nonces', () => {
  it('never hands out the same nonce twice, across many pool refills; each is 128 bits of base64', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const nonce = newNonce();
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
      seen.add(nonce);
    }
    expect(seen.size).toBe(5000);
  });
});

describe('landing pages served from the template', () => {
  it('serve each response its own nonce and token, byte-identical to a full render', async () => {
    const t = landingSetup();
    const created = await t.createBusiness({ platforms: PLATFORMS, name: TRICKY[2] });
    const business = getBusiness(t.db, t.org.id, created.id);
    if (!business) throw new Error('no business');
    const request = t.createRequest(business.id, 'sent', '$&<b>"Zoë\' Smith');
    const nonces = new Set<string>();
    const tokens = new Set<string>();
    const paths = [`/b/${business.slug}`, `/r/${request.code}`];
    for (let i = 0; i < 6; i++)
      for (const acceptLanguage of ['en', 'ar']) {
        const path = paths[i % paths.length];
        const { res, html, token } = await t.open(path, { 'accept-language': acceptLanguage });
        expect(res.status).toBe(200);
        const nonce = res.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1] ?? '';
        expect(nonce).not.toBe('');
        for (const attr of html.matchAll(/nonce="([^"]*)"/g)) expect(attr[1]).toBe(nonce);
        const language = pickLanguage({ acceptLanguage, businessLocale: business.locale });
        const greeting = path.startsWith('/r/') ? '$&<b>"Zoë\'' : null;
        // The fixture may or may not mount a built island bundle; the page says which.
        const script = html.match(/<script nonce="[^"]*" src="([^"]+)"/)?.[1] ?? null;
        const expected = fullRender(
          { language, nonce, script },
          { business, token, language, greeting, rating: null },
        );
        expect(html).toBe(expected);
        nonces.add(nonce);
        tokens.add(token);
      }
    expect(nonces.size).toBe(12);
    expect(tokens.size).toBe(12);
  });
});
