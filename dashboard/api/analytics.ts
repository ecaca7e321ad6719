import type { z } from 'zod';
import type {
  cardsSchema,
  ratingsSchema,
  repliesSchema,
  requestsSchema,
} from '../../server/api/analytics-series';
import { call, qs } from '../api';

export type RatingsBySource = z.infer<typeof ratingsSchema>;
export type ReplyStats = z.infer<typeof repliesSchema>;
export type RequestFunnel = z.infer<typeof requestsSchema>;
export type CardFigures = z.infer<typeof cardsSchema>;
/** The range every chart shares: local dates (both included) in a time zone, and maybe one business. */
export type AnalyticsQuery = { dateFrom: string; dateTo: string; timeZone: string; businessId?: string };

const query = (q: AnalyticsQuery) =>
  qs({ dateFrom: q.dateFrom, dateTo: q.dateTo, timeZone: q.timeZone, businessId: q.businessId });

/** The analytics calls of the analytics screen. */
export const analyticsApi = {
  ratingsBySource: (q: AnalyticsQuery) =>
    call<RatingsBySource>('GET', `/analytics/ratings-by-source${query(q)}`),
  replies: (q: AnalyticsQuery) => call<ReplyStats>('GET', `/analytics/replies${query(q)}`),
  requests: (q: AnalyticsQuery) => call<RequestFunnel>('GET', `/analytics/requests${query(q)}`),
  cards: (q: AnalyticsQuery) => call<CardFigures>('GET', `/analytics/cards${query(q)}`),
};
