import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { contrast, safeColor, textOn } from '../../landing/brand';
import { hydrateIslands } from '../../landing/hydrate';
import { pickLanguage } from '../../landing/i18n/languages';
import { Island, serializeProps } from '../../landing/island';
import { RatingFlow } from '../../landing/islands/rating-flow';
import { NotFoundPage } from '../../landing/pages/not-found';
import { ThanksStep } from '../../landing/pages/thanks-step';
import { renderPage } from '../../landing/render';
import { flow } from './flow-fixtures';

afterEach(cleanup);

describe('thank-you and not-found pages', () => {
  it('thanks after feedback and keeps the platforms in soft mode, not in strict', () => {
    render(<ThanksStep flow={flow({ mode: 'soft' })} rating={1} after="feedback" />);
    expect(screen.getByText('Your message was sent to Joe’s Coffee.')).toBeTruthy();
    expect(screen.getAllByRole('link')).toHaveLength(2);
    cleanup();
    render(<ThanksStep flow={flow({ mode: 'strict' })} rating={1} after="feedback" />);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('the inactive-card page links to the business', () => {
    render(<NotFoundPage t={flow().t} business={{ name: 'Joe’s Coffee', href: '/b/joes' }} />);
    expect(screen.getByRole('link', { name: 'Rate Joe’s Coffee' }).getAttribute('href')).toBe('/b/joes');
  });
});

describe('islands', () => {
  it('serializes props with < escaped and hydrates them into a working island', () => {
    const props = flow({}, { business: '</script><b>x' });
    expect(serializeProps(props)).not.toContain('<');
    const html = renderPage({
      lang: 'en',
      dir: 'ltr',
      title: 't',
      nonce: 'n',
      brandColor: null,
      script: null,
      children: <Island name="RatingFlow" component={RatingFlow} props={props} />,
    });
    document.body.innerHTML = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
    expect(hydrateIslands({ RatingFlow })).toBe(1);
    const island = document.querySelector<HTMLElement>('[data-island]')!;
    expect(island.dataset.hydrated).toBe('');
    expect(hydrateIslands({ RatingFlow })).toBe(0);
    expect(document.querySelector('b')).toBeNull();
  });
});

describe('languages and brand colours', () => {
  it('chooses ?lang=, then Accept-Language by weight, then the business locale; Arabic is right-to-left', () => {
    expect(pickLanguage({ query: 'pt-BR', acceptLanguage: 'de', businessLocale: 'fr' }).lang).toBe('pt');
    expect(pickLanguage({ acceptLanguage: 'xx, de;q=0.5, es;q=0.8', businessLocale: 'fr' }).lang).toBe('es');
    expect(pickLanguage({ query: 'zz', businessLocale: 'fr-FR' }).lang).toBe('fr');
    expect(pickLanguage({}).lang).toBe('en');
    expect(pickLanguage({ query: 'ar' }).dir).toBe('rtl');
  });

  it('puts text of AA contrast on any brand colour and refuses anything but a hex colour', () => {
    for (const color of ['#ffeb3b', '#1d4ed8', '#777777', '#00ff00', '#000']) {
      expect(contrast(color, textOn(color))).toBeGreaterThanOrEqual(4.5);
    }
    expect(safeColor('red;}</style><script>')).toBe('#1d4ed8');
  });
});
