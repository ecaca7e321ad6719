import type { Webhook } from '../../api/settings';
import { formatDate } from '../../components/format';

/** The endpoint's state in words: disabled (and why), or what its circuit breaker is doing. */
export function webhookState(hook: Webhook): string {
  if (!hook.enabled) return hook.disabledReason ? `Disabled: ${hook.disabledReason}` : 'Disabled';
  const { state, openUntil, consecutiveFailures } = hook.circuit;
  if (state === 'open')
    return `Paused after ${consecutiveFailures} failures in a row, until ${openUntil ? new Date(openUntil).toLocaleTimeString() : 'later'}`;
  if (state === 'half_open') return 'Trying again after failures';
  return consecutiveFailures > 0 ? `Enabled · ${consecutiveFailures} recent failures` : 'Enabled · healthy';
}

/** A time as the reader's locale writes it, with the date. */
export const formatTime = (iso: string) => `${formatDate(iso)} ${new Date(iso).toLocaleTimeString()}`;
