import { useEffect, useState } from 'preact/hooks';
import {
  type AnalyticsQuery,
  analyticsApi,
  type CardFigures,
  type RatingsBySource,
  type ReplyStats,
  type RequestFunnel,
} from '../../api/analytics';
import { organizationId } from '../../state/organization';

export type AnalyticsData = {
  ratings: RatingsBySource;
  replies: ReplyStats;
  requests: RequestFunnel;
  cards: CardFigures;
};

/** Every figure of the analytics screen for one range, fetched together; a newer range wins over a slower older one. */
export function useAnalytics(query: AnalyticsQuery) {
  const [data, setData] = useState<AnalyticsData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(query);
  const org = organizationId.value;
  useEffect(() => {
    let current = true;
    setLoading(true);
    Promise.all([
      analyticsApi.ratingsBySource(query),
      analyticsApi.replies(query),
      analyticsApi.requests(query),
      analyticsApi.cards(query),
    ])
      .then(([ratings, replies, requests, cards]) => {
        if (!current) return;
        setData({ ratings, replies, requests, cards });
        setError(null);
      })
      .catch((e) => current && setError(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key, org]);
  return { data, error, loading };
}
