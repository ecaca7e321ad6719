import type { BrowserContext, Request } from 'playwright-core';
import { expect } from 'vitest';

export type Traffic = {
  /**
   * Every request made since the previous step went to `origin` and none fetched a font. `navigation` is the
   * one off-site request allowed: the top-level navigation to that exact URL (a platform's review page).
   * Answers the URLs of the step's requests.
   */
  expectOnlyPlaudit(step: string, navigation?: string): string[];
};

const describe = (request: Request) => `${request.resourceType()} ${request.method()} ${request.url()}`;

function isTopLevelNavigationTo(request: Request, url: string): boolean {
  return (
    request.url() === url &&
    request.isNavigationRequest() &&
    request.resourceType() === 'document' &&
    request.frame().parentFrame() === null
  );
}

/**
 * Records every request of the context's pages. Off-site requests never leave the box: a top-level
 * navigation gets a stand-in page (the test then asserts it was the one allowed), anything else is aborted.
 */
export async function recordTraffic(context: BrowserContext, origin: string): Promise<Traffic> {
  const seen: Request[] = [];
  context.on('request', (request) => seen.push(request));
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.frame().parentFrame() === null)
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>platform</title>ok' });
      return route.abort('blockedbyclient');
    },
  );
  let checked = 0;
  return {
    expectOnlyPlaudit(step, navigation) {
      const batch = seen.slice(checked);
      checked = seen.length;
      const offsite = batch.filter(
        (request) =>
          new URL(request.url()).origin !== origin &&
          !(navigation && isTopLevelNavigationTo(request, navigation)),
      );
      expect(offsite.map(describe), `${step}: requests off the Plaudit origin`).toEqual([]);
      const fonts = batch.filter((request) => request.resourceType() === 'font');
      expect(fonts.map(describe), `${step}: web fonts`).toEqual([]);
      if (navigation)
        expect(
          batch.filter((request) => isTopLevelNavigationTo(request, navigation)).length,
          `${step}: navigation to ${navigation}`,
        ).toBe(1);
      return batch.map((request) => request.url());
    },
  };
}
