import { analyticsFunnel } from './analytics';
import { type Db, sql } from './db';

type Scope = { organizationId: string; businessId?: string };
type Range = { from: string; before: string };

export type RequestFunnel = {
  sent: number;
  opened: number;
  rated: number;
  platformClicked: number;
  privateFeedback: number;
};
export type CardFigures = {
  cardId: string;
  label: string | null;
  staffMember: string | null;
  taps: number;
  rated: number;
  completed: number;
};
export type StaffFigures = {
  staffMember: string | null;
  cards: number;
  taps: number;
  rated: number;
  completed: number;
};

const scoped = (statement: (scope: string) => string) => ({
  org: statement('r.organization_id = :org'),
  business: statement('r.business_id = :biz AND +r.organization_id = :org'),
});

// Each request counts once per step however often its link was used; a request's steps stay raw events
// (retention rolls up only anonymous visits), so the EXISTS probes see all of them.
const stepOf = (type: string) =>
  `total(EXISTS (SELECT 1 FROM events e WHERE e.request_id = r.id AND e.type = '${type}'))`;
const REQUEST_FUNNEL = scoped(
  (scope) => `SELECT count(*) AS sent, count(r.opened_at) AS opened,
    total(r.rating IS NOT NULL OR EXISTS (SELECT 1 FROM events e WHERE e.request_id = r.id AND e.type = 'rated')) AS rated,
    ${stepOf('platform_clicked')} AS clicked, ${stepOf('feedback_submitted')} AS feedback
  FROM review_requests r WHERE ${scope} AND r.sent_at >= :from AND r.sent_at < :before`,
);

const CARDS = scoped(
  (scope) =>
    `SELECT r.id, r.label, r.staff_member FROM cards r WHERE ${scope} ORDER BY r.created_at, r.rowid`,
);

const paramsOf = (s: Scope) =>
  s.businessId
    ? { kind: 'business' as const, params: { org: s.organizationId, biz: s.businessId } }
    : { kind: 'org' as const, params: { org: s.organizationId } };

/** Requests sent in the range, and how many of them were opened, rated, sent to a platform or answered privately. */
export function requestFunnel(db: Db, target: Scope, range: Range): RequestFunnel {
  const { kind, params } = paramsOf(target);
  const row = sql(db, REQUEST_FUNNEL[kind]).get({ ...params, ...range }) as {
    sent: number;
    opened: number;
    rated: number;
    clicked: number;
    feedback: number;
  };
  return {
    sent: row.sent,
    opened: row.opened,
    rated: row.rated,
    platformClicked: row.clicked,
    privateFeedback: row.feedback,
  };
}

/** Every card of the scope with its taps, ratings and completions in the range, and the same per staff member. */
export function cardAndStaffFigures(
  db: Db,
  target: Scope,
  range: Range,
): { cards: CardFigures[]; staff: StaffFigures[] } {
  const { kind, params } = paramsOf(target);
  const activity = new Map(analyticsFunnel(db, target, range).cards.map((c) => [c.cardId, c]));
  const rows = sql(db, CARDS[kind]).all(params) as Array<{
    id: string;
    label: string | null;
    staff_member: string | null;
  }>;
  const cards = rows.map((row) => {
    const a = activity.get(row.id);
    return {
      cardId: row.id,
      label: row.label,
      staffMember: row.staff_member,
      taps: a?.taps ?? 0,
      rated: a?.rated ?? 0,
      completed: a?.completed ?? 0,
    };
  });
  const staff = new Map<string | null, StaffFigures>();
  for (const card of cards) {
    const s = staff.get(card.staffMember) ?? {
      staffMember: card.staffMember,
      cards: 0,
      taps: 0,
      rated: 0,
      completed: 0,
    };
    s.cards += 1;
    s.taps += card.taps;
    s.rated += card.rated;
    s.completed += card.completed;
    staff.set(card.staffMember, s);
  }
  // Named staff alphabetically, the unassigned cards last.
  const ordered = [...staff.values()].sort((a, b) =>
    a.staffMember === null ? 1 : b.staffMember === null ? -1 : a.staffMember.localeCompare(b.staffMember),
  );
  return { cards, staff: ordered };
}
