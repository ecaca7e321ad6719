import type { Clock } from '../domain/clock';
import type { Db } from '../store/db';
import { postponeEndpointJobs } from '../store/outbox';
import { type Circuit, getEndpointById, setEndpointCircuit } from '../store/webhooks';

/** Attempts in a row without an answer (timeouts, refused connections) that open an endpoint's circuit. */
export const CIRCUIT_THRESHOLD = 5;
const FIRST_COOLDOWN_MS = 60_000;
const MAX_COOLDOWN_MS = 3_600_000;

export type CircuitState = 'closed' | 'open' | 'half_open';

/** Closed: deliveries go. Open: they wait until `openUntil`. Half-open: cooldown over, one trial goes. */
export function circuitState(circuit: Circuit, now: Date): CircuitState {
  if (!circuit.openUntil) return 'closed';
  return new Date(circuit.openUntil) > now ? 'open' : 'half_open';
}

/**
 * The circuit after one more attempt without an answer: it opens at the threshold for a minute; a failed
 * trial (half-open) opens it again for twice as long, up to an hour.
 */
export function afterNoAnswer(circuit: Circuit, now: Date): Circuit {
  const failures = circuit.failures + 1;
  const cooldownMs = circuit.openUntil
    ? Math.min(MAX_COOLDOWN_MS, Math.max(FIRST_COOLDOWN_MS, circuit.cooldownMs * 2))
    : failures >= CIRCUIT_THRESHOLD
      ? FIRST_COOLDOWN_MS
      : 0;
  if (!cooldownMs) return { failures, openUntil: null, cooldownMs: 0 };
  return { failures, openUntil: new Date(now.getTime() + cooldownMs).toISOString(), cooldownMs };
}

const CLOSED: Circuit = { failures: 0, openUntil: null, cooldownMs: 0 };

/**
 * Records that an attempt to the endpoint got no answer; when that opens the circuit, the endpoint's other
 * deliveries are moved to the end of the cooldown without spending their attempts.
 */
export function noteNoAnswer(db: Db, clock: Clock, endpointId: string): Circuit | undefined {
  return db.transaction(() => {
    const endpoint = getEndpointById(db, endpointId);
    if (!endpoint) return undefined;
    const next = afterNoAnswer(endpoint.circuit, clock());
    setEndpointCircuit(db, endpointId, next);
    if (next.openUntil) postponeEndpointJobs(db, clock, endpointId, next.openUntil);
    return next;
  })();
}

/**
 * Records that the endpoint answered (any HTTP status: it is reachable and answers in time, which is all
 * the breaker guards), closing its circuit.
 */
export function noteAnswer(db: Db, endpointId: string, circuit: Circuit): void {
  if (circuit.failures > 0 || circuit.openUntil) setEndpointCircuit(db, endpointId, CLOSED);
}
