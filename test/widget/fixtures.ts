import type { Db } from '../../server/store/db';
import type { WidgetData, WidgetReview } from '../../widget/types';

let seq = 0;

/** Inserts an organization and a business straight into SQL (the widget only reads them). */
export function seedBusiness(
  db: Db,
  over: { id?: string; name?: string; slug?: string; archived?: boolean } = {},
) {
  seq += 1;
  const now = '2026-01-01T00:00:00.000Z';
  const orgId = `org_w${seq}`;
  const id = over.id ?? `biz_w${seq}`;
  db.prepare('INSERT INTO organizations (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    orgId,
    'Org',
    now,
    now,
  );
  db.prepare(
    `INSERT INTO businesses (id, organization_id, name, slug, archived_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    orgId,
    over.name ?? `Shop ${seq}`,
    over.slug ?? `shop-${seq}`,
    over.archived ? now : null,
    now,
    now,
  );
  return { id, orgId };
}

type ReviewSeed = {
  rating: number;
  show?: boolean;
  hidden?: boolean;
  source?: string;
  content?: string;
  publishedAt?: string;
  reply?: string;
};

/** Inserts a review row; returns its id. */
export function seedReview(db: Db, business: { id: string; orgId: string }, r: ReviewSeed): string {
  seq += 1;
  const id = `rev_w${seq}`;
  const now = '2026-01-01T00:00:00.000Z';
  db.prepare(
    `INSERT INTO reviews (id, organization_id, business_id, source, rating, content, author_name, published_at, reply,
       show_on_widget, hidden, sentiment, sentiment_score, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'neutral', 0, ?, ?)`,
  ).run(
    id,
    business.orgId,
    business.id,
    r.source ?? 'google',
    r.rating,
    r.content ?? `Review ${seq}`,
    `Author ${seq}`,
    r.publishedAt ?? `2026-01-${String((seq % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
    r.reply ?? null,
    r.show === false ? 0 : 1,
    r.hidden ? 1 : 0,
    now,
    now,
  );
  return id;
}

/** A widget review for component tests. */
export function review(over: Partial<WidgetReview> = {}): WidgetReview {
  seq += 1;
  return {
    id: `rev_${seq}`,
    rating: 5,
    title: null,
    content: `Lovely place ${seq}`,
    authorName: `Ann Lee ${seq}`,
    authorAvatarUrl: null,
    source: 'google',
    url: null,
    publishedAt: '2026-03-01T10:00:00.000Z',
    reply: null,
    repliedAt: null,
    verified: false,
    ...over,
  };
}

/** A widget document for component and embed tests. */
export function widgetData(
  over: Partial<WidgetData> = {},
  reviews = [review(), review({ rating: 4 }), review({ rating: 3 })],
): WidgetData {
  return {
    business: { id: 'biz_a', name: "Joe's Coffee", logoUrl: null, brandColor: null, locale: 'en' },
    summary: { averageRating: 4.6, totalReviews: 142, basis: 'all_visible_reviews' },
    reviewLink: 'http://plaudit.test/b/joes',
    reviews,
    ...over,
  };
}
