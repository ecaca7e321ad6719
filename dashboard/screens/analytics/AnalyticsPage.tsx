import { useState } from 'preact/hooks';
import { ErrorNote } from '../../components/ErrorNote';
import { businesses, businessId } from '../../state/business';
import './analytics.css';
import { ChartFigure } from './ChartFigure';
import {
  averageRatingChart,
  cardsChart,
  funnelChart,
  repliesChart,
  reviewCountChart,
  staffChart,
} from './chart-data';
import { DateRangeControl } from './DateRangeControl';
import { type DateRange, presetRange, todayIn } from './date-range';
import { useAnalytics } from './use-analytics';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10} %`);
const hours = (h: number | null) =>
  h === null ? '–' : h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} days`;

/** Charts of what works: ratings and reviews by source, the request funnel, cards and staff, replies. */
export function AnalyticsPage() {
  const business = businesses.value.find((b) => b.id === businessId.value);
  // Days and months follow the business's clock when one is picked, else this browser's.
  const timeZone = business?.timezone ?? browserZone();
  const today = todayIn(timeZone);
  const [range, setRange] = useState<DateRange>(() => presetRange('12m', today));
  const { data, error, loading } = useAnalytics({ ...range, timeZone, businessId: business?.id });
  const file = (what: string) => `plaudit-${what}-${range.dateFrom}-to-${range.dateTo}.csv`;

  return (
    <section class="analytics" aria-labelledby="analytics-title">
      <h1 id="analytics-title">Analytics</h1>
      <p class="muted">
        {business ? business.name : 'All businesses'} · days and months in {timeZone}
      </p>
      <DateRangeControl range={range} today={today} onChange={setRange} />
      <ErrorNote error={error} />
      <p role="status" class="sr-only">
        {loading ? 'Loading figures…' : data ? `Figures from ${range.dateFrom} to ${range.dateTo}.` : ''}
      </p>
      {data && (
        <div class="charts" aria-busy={loading}>
          <ChartFigure
            id="chart-rating"
            title="Average rating by month and source"
            spec={averageRatingChart(data.ratings)}
            filename={file('average-rating')}
          />
          <ChartFigure
            id="chart-count"
            title="Reviews by month and source"
            spec={reviewCountChart(data.ratings)}
            filename={file('review-count')}
          />
          <ChartFigure
            id="chart-funnel"
            title="Request funnel"
            spec={funnelChart(data.requests)}
            filename={file('request-funnel')}
          />
          <ChartFigure
            id="chart-replies"
            title="Reply rate and median reply time"
            spec={repliesChart(data.replies)}
            filename={file('replies')}
          >
            <dl class="figures">
              <div>
                <dt>Reply rate</dt>
                <dd>{percent(data.replies.replyRate)}</dd>
              </div>
              <div>
                <dt>Median reply time</dt>
                <dd>{hours(data.replies.medianReplyHours)}</dd>
              </div>
              <div>
                <dt>Reviews</dt>
                <dd>{data.replies.reviews}</dd>
              </div>
            </dl>
          </ChartFigure>
          <ChartFigure
            id="chart-cards"
            title="Taps and conversions per card"
            spec={cardsChart(data.cards)}
            filename={file('cards')}
          />
          <ChartFigure
            id="chart-staff"
            title="Taps and conversions per staff member"
            spec={staffChart(data.cards)}
            filename={file('staff')}
          />
        </div>
      )}
    </section>
  );
}
