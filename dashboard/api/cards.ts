import type { z } from 'zod';
import type {
  cardSchema,
  cardStatsSchema,
  cardWithStatsSchema,
  createCardsBody,
  updateCardBody,
} from '../../server/api/card-schemas';
import { actingOrganization, call, type Pagination, qs } from '../api';

export type Card = z.infer<typeof cardSchema>;
export type CardWithStats = z.infer<typeof cardWithStatsSchema>;
export type CardStats = z.infer<typeof cardStatsSchema>;
export type NewCards = z.input<typeof createCardsBody>;
export type CardPatch = z.input<typeof updateCardBody>;

const one = (id: string) => `/cards/${encodeURIComponent(id)}`;

/** The card calls of the cards screens; each is an ordinary API call. */
export const cardsApi = {
  list: (filter: { businessId?: string; active?: string; page?: string }) =>
    call<{ data: Card[]; pagination: Pagination }>('GET', `/cards${qs({ perPage: '100', ...filter })}`),
  get: (id: string) => call<CardWithStats>('GET', one(id)),
  create: (body: NewCards) => call<{ data: Card[] }>('POST', '/cards', body),
  update: (id: string, patch: CardPatch) => call<Card>('PATCH', one(id), patch),
  deactivate: (id: string) => call<Card>('DELETE', one(id)),
  stats: (groupBy: 'card' | 'staff', businessId?: string) =>
    call<CardStats>('GET', `/cards/stats${qs({ groupBy, businessId })}`),
};

/**
 * A same-origin link to an API page a browser opens by itself (the print sheet, a QR download): the session
 * cookie goes with it, and the acting organization rides in the query because a link cannot send headers.
 */
export function apiLink(path: string, params: Record<string, string | undefined> = {}): string {
  return `/api/v1${path}${qs({ ...params, organization: actingOrganization() ?? undefined })}`;
}

/** The printable sheet of some cards (or every active card of a business). */
export const sheetLink = (options: { ids?: string[]; businessId?: string; columns?: number }) =>
  apiLink('/cards/sheet', {
    ids: options.ids?.join(','),
    businessId: options.businessId,
    columns: options.columns ? String(options.columns) : undefined,
  });

/** A card's QR code as a file to save. */
export const qrLink = (id: string, format: 'png' | 'svg', download = true) =>
  apiLink(`${one(id)}/qr.${format}`, { size: '1024', download: download ? 'true' : undefined });
