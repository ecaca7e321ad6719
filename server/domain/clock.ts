/** Injected time source so tests can move the clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** ISO 8601 UTC timestamp for storage and the API. */
export function isoNow(clock: Clock): string {
  return clock().toISOString();
}
