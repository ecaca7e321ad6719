import type { OutboxKind } from '../store/outbox';

/** Lanes run apart, each with its own slots: a lane full of slow webhooks never delays a message. */
export type LaneName = 'messages' | 'webhooks' | 'connectors';

/** The lane of each kind; a kind not named here (a new kind of email…) runs in the messages lane. */
const LANE_OF_KIND: Partial<Record<OutboxKind, LaneName>> = {
  message: 'messages',
  webhook: 'webhooks',
  // Review platforms answer slowly and page through hundreds of reviews: they never hold a message's slot.
  connector_sync: 'connectors',
  connector_reply: 'connectors',
};

/** The lane a job of `kind` runs in. */
export const laneOf = (kind: OutboxKind): LaneName => LANE_OF_KIND[kind] ?? 'messages';

/** Jobs run at once in each lane unless the worker is told otherwise. */
export const DEFAULT_CONCURRENCY: Record<LaneName, number> = { messages: 8, webhooks: 8, connectors: 2 };
