import { FEEDBACK_PII } from '../api/pii';
import type { Clock } from '../domain/clock';
import { redactDeep } from '../domain/redaction';
import { scopesOfRole } from '../domain/roles';
import type { Scope } from '../domain/scopes';
import { queueAccountEmail } from '../store/account-emails';
import { getBusiness } from '../store/businesses';
import type { Db } from '../store/db';
import type { NewFeedback } from '../store/feedback-writes';
import { type AlertRecipient, alertRecipients } from '../store/notification-preferences';
import type { Review } from '../store/reviews';
import { renderAlertEmail } from './alert-email';
import { ALERT_DESCRIPTIONS, type AlertKind, alertUnsubscribeUrl } from './alert-token';

/** Above this many matching reviews at once (a bulk import), a member gets one summary, not one email each. */
export const SUMMARY_OVER = 20;

type AlertDeps = { db: Db; clock: Clock; publicUrl: string };

/** `★★☆☆☆ (2/5)`: a rating readable in any mail client, HTML or text. */
export const stars = (rating: number) => `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)} (${rating}/5)`;

const may = (recipient: AlertRecipient, scope: Scope) => scopesOfRole(recipient.role).includes(scope);

/** Renders one alert for one member and queues it through the outbox (inside the caller's transaction). */
export function queueAlert(
  deps: AlertDeps,
  recipient: AlertRecipient,
  organizationId: string,
  kind: AlertKind,
  content: Omit<Parameters<typeof renderAlertEmail>[0], 'unsubscribe'>,
): void {
  const url = alertUnsubscribeUrl(deps.db, deps.clock, deps.publicUrl, {
    userId: recipient.userId,
    organizationId,
    kind,
  });
  queueAccountEmail(deps.db, deps.clock, {
    to: recipient.email,
    ...renderAlertEmail({ ...content, unsubscribe: { what: ALERT_DESCRIPTIONS[kind], url } }),
  });
}

function scoreText(type: NewFeedback['type'], score: number): string {
  if (type === 'star') return stars(score);
  if (type === 'nps') return `${score}/10`;
  return score === 1 ? 'thumbs up' : 'thumbs down';
}

/**
 * Queues a "new private feedback" email for each member who asked for one and may read feedback; the
 * customer's contact details follow the member's `pii:read`. Run inside the transaction storing the feedback.
 */
export function queueFeedbackAlerts(deps: AlertDeps, feedback: NewFeedback & { id: string }): number {
  const recipients = alertRecipients(deps.db, feedback.organizationId).filter(
    (r) => r.feedback && may(r, 'feedback:read'),
  );
  if (recipients.length === 0) return 0;
  const business = getBusiness(deps.db, feedback.organizationId, feedback.businessId);
  for (const recipient of recipients) {
    const shown = may(recipient, 'pii:read') ? feedback : redactDeep(feedback, FEEDBACK_PII);
    const contact = [shown.contactName, shown.contactEmail, shown.contactPhone].filter(Boolean).join(' · ');
    queueAlert(deps, recipient, feedback.organizationId, 'feedback', {
      subject: `New private feedback for ${business?.name ?? 'your business'}`,
      heading: 'New private feedback',
      facts: [
        ['Business', business?.name ?? feedback.businessId],
        ['Rating', scoreText(feedback.type, feedback.score)],
        ...(contact ? ([['Contact', contact]] as Array<[string, string]>) : []),
      ],
      quote: shown.comments || null,
      action: { label: 'Open it in Plaudit', url: `${deps.publicUrl}/dashboard/feedback/${feedback.id}` },
    });
  }
  return recipients.length;
}

/**
 * Queues alerts for new reviews at or below each member's threshold: one email per review, or one summary
 * when more than SUMMARY_OVER match at once. Backfill (old reviews brought in by an import) alerts nobody.
 * Run inside the transaction that wrote the reviews.
 */
export function queueReviewAlerts(
  deps: AlertDeps,
  organizationId: string,
  reviews: Review[],
  options: { backfill?: boolean } = {},
): number {
  if (options.backfill || reviews.length === 0) return 0;
  const names = new Map<string, string>();
  const nameOf = (businessId: string) => {
    if (!names.has(businessId))
      names.set(businessId, getBusiness(deps.db, organizationId, businessId)?.name ?? businessId);
    return names.get(businessId) as string;
  };
  let queued = 0;
  for (const recipient of alertRecipients(deps.db, organizationId)) {
    const threshold = recipient.lowRating;
    if (threshold === null || !may(recipient, 'reviews:read')) continue;
    const matching = reviews.filter((review) => review.rating <= threshold);
    if (matching.length > SUMMARY_OVER) {
      queueSummary(deps, recipient, organizationId, matching, threshold, nameOf);
      queued++;
      continue;
    }
    for (const review of matching) {
      const business = nameOf(review.businessId);
      queueAlert(deps, recipient, organizationId, 'lowRating', {
        subject: `New ${review.rating}★ review for ${business}`,
        heading: `New ${review.rating}★ review`,
        facts: [
          ['Business', business],
          ['Rating', stars(review.rating)],
          ['Author', review.authorName],
          ['Source', review.source],
        ],
        quote: [review.title, review.content].filter(Boolean).join('\n\n') || null,
        action: { label: 'Open it in Plaudit', url: `${deps.publicUrl}/dashboard/reviews/${review.id}` },
      });
      queued++;
    }
  }
  return queued;
}

function queueSummary(
  deps: AlertDeps,
  recipient: AlertRecipient,
  organizationId: string,
  matching: Review[],
  threshold: number,
  nameOf: (businessId: string) => string,
): void {
  const perBusiness = new Map<string, number>();
  for (const review of matching)
    perBusiness.set(nameOf(review.businessId), (perBusiness.get(nameOf(review.businessId)) ?? 0) + 1);
  const average = matching.reduce((sum, review) => sum + review.rating, 0) / matching.length;
  queueAlert(deps, recipient, organizationId, 'lowRating', {
    subject: `${matching.length} new reviews at or below ${threshold}★`,
    heading: `${matching.length} new reviews at or below ${threshold}★`,
    facts: [
      ...[...perBusiness].map(([name, count]): [string, string] => [name, `${count} reviews`]),
      ['Average rating', average.toFixed(1)],
    ],
    quote: null,
    action: { label: 'Read them in Plaudit', url: `${deps.publicUrl}/dashboard` },
  });
}
