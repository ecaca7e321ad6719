import type { PendingAction } from '../../api/pending';
import { can } from '../settings/can';

/** The scopes that let a person decide each kind of action (server/api/pending-actions.ts checks them again). */
const DECIDER: Record<PendingAction['kind'], string[]> = {
  review_reply: ['reviews:write', 'reviews:reply'],
  review_request: ['requests:write'],
};

/** Whether the signed-in person may approve or reject actions of `kind` (of any kind when none is given). */
export function mayDecide(kind?: PendingAction['kind']): boolean {
  const kinds = kind ? [kind] : (Object.keys(DECIDER) as PendingAction['kind'][]);
  return kinds.some((k) => DECIDER[k].some(can));
}

/** Whether the person may list pending actions at all and decide some of them: who sees the inbox notice. */
export const seesPending = (): boolean => (can('reviews:read') || can('requests:read')) && mayDecide();
