import type { Context } from 'hono';
import { requestHeader } from '../http/request-header';

// Messaging apps and chat tools fetch a link to draw its preview before (or instead of) the person.
// Apple's iMessage preview announces itself as "facebookexternalhit … Facebot Twitterbot".
const PREVIEW_AGENTS =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|facebot|whatsapp|telegram|skypeuripreview|slack|discord|linkedin|twitter|mastodon|embedly|iframely|preview|vkshare|pinterest|outbrain|bitly|curl\/|wget|python-requests|go-http-client|okhttp|java\//i;

/**
 * Whether a request comes from a link-preview robot or a speculative prefetch rather than a person.
 * Such requests see the page but never mark a request opened or count a card tap.
 */
export function isPreviewRobot(c: Context): boolean {
  if (c.req.method === 'HEAD') return true;
  const purpose = `${requestHeader(c, 'sec-purpose') ?? ''} ${requestHeader(c, 'purpose') ?? ''} ${requestHeader(c, 'x-purpose') ?? ''} ${requestHeader(c, 'x-moz') ?? ''}`;
  if (/prefetch|prerender|preview/i.test(purpose)) return true;
  const agent = requestHeader(c, 'user-agent');
  return !agent || PREVIEW_AGENTS.test(agent);
}
