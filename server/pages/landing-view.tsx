import type { Language } from '../../landing/i18n/languages';
import { Island } from '../../landing/island';
import { RatingFlow } from '../../landing/islands/rating-flow';
import { NotFoundPage } from '../../landing/pages/not-found';
import { RateStep } from '../../landing/pages/rate-step';
import { Shell } from '../../landing/pages/shell';
import { ThanksStep } from '../../landing/pages/thanks-step';
import { renderPage } from '../../landing/render';
import type { FlowProps, FormState, PlatformButton } from '../../landing/types';
import type { ReviewLink } from '../domain/links';
import type { Business } from '../store/businesses';
import { renderTemplate } from './landing-template';
import { logoPath } from './logo';

/** Each configured platform under a stable key (`google`, `yelp` … `custom-0`, `custom-1`). */
export function platformKeys(business: Business): Array<{ key: string; link: ReviewLink }> {
  let custom = 0;
  return business.reviewLinks.map((link) => ({
    key: link.platform === 'custom' ? `custom-${custom++}` : link.platform,
    link,
  }));
}

export function platformButtons(business: Business, token: string): PlatformButton[] {
  return platformKeys(business).map(({ key, link }) => ({
    key,
    name: link.name,
    href: `/go/${token}/${key}`,
  }));
}

export type FlowInput = {
  business: Business;
  token: string;
  language: Language;
  greeting: string | null;
  rating: number | null;
  form?: FormState;
};

export function flowProps(input: FlowInput): FlowProps {
  const { business } = input;
  return {
    token: input.token,
    business: business.name,
    greeting: input.greeting,
    gating: {
      mode: business.gating.mode,
      threshold: business.gating.threshold,
      scale: business.gating.scale,
    },
    platforms: platformButtons(business, input.token),
    rating: input.rating,
    form: input.form,
    t: input.language.strings,
  };
}

export type PageContext = { language: Language; nonce: string; script: string | null };

/**
 * `renderFlowPage` of `flowProps(input)`, from a template rendered once per distinct input (business name,
 * logo, colour, gating, platforms, language, greeting, step) with the visit token and nonce filled in.
 */
export function renderFlow(page: PageContext, input: FlowInput): string {
  const { business } = input;
  const render = (token: string, nonce: string) =>
    renderFlowPage({ ...page, nonce }, business, flowProps({ ...input, token }));
  if (input.form) return render(input.token, page.nonce);
  const key = JSON.stringify([
    page.language.lang,
    page.language.dir,
    page.script,
    business.name,
    logoPath(business),
    business.brandColor,
    { ...flowProps({ ...input, token: '' }), t: undefined },
  ]);
  return renderTemplate(page.language.strings, key, input.token, page.nonce, render);
}

/** Rate → platforms or feedback: the island, server-rendered at the visit's current step. */
export function renderFlowPage(page: PageContext, business: Business, flow: FlowProps): string {
  return renderPage({
    ...pageBase(page, business.name, business.brandColor),
    script: page.script,
    children: (
      <Shell brand={{ name: business.name, logoUrl: logoPath(business) }}>
        <Island name="RatingFlow" component={RatingFlow} props={flow} />
      </Shell>
    ),
  });
}

export function renderThanksPage(
  page: PageContext,
  business: Business,
  flow: FlowProps,
  after: 'feedback' | 'testimonial',
): string {
  return renderPage({
    ...pageBase(page, business.name, business.brandColor),
    script: null,
    children: (
      <Shell brand={{ name: business.name, logoUrl: logoPath(business) }}>
        <ThanksStep flow={flow} rating={flow.rating} after={after} />
      </Shell>
    ),
  });
}

/** What a link-preview robot sees: the question, no forms, nothing recorded. */
export function renderPreviewPage(page: PageContext, business: Business, flow: FlowProps): string {
  return renderPage({
    ...pageBase(page, business.name, business.brandColor),
    script: null,
    children: (
      <Shell brand={{ name: business.name, logoUrl: logoPath(business) }}>
        <RateStep flow={flow} selected={null} />
      </Shell>
    ),
  });
}

export function renderNotFoundPage(
  page: PageContext,
  options: { business?: { name: string; href: string }; message?: string } = {},
): string {
  const t = page.language.strings;
  return renderPage({
    ...pageBase(page, options.message ?? t.notFoundHeading, null),
    script: null,
    children: <NotFoundPage t={t} business={options.business} message={options.message} />,
  });
}

const pageBase = (page: PageContext, title: string, brandColor: string | null) => ({
  lang: page.language.lang,
  dir: page.language.dir,
  title,
  nonce: page.nonce,
  brandColor,
});
