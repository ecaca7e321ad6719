import type { LeasedJob } from '../store/outbox';

/** The jobs one `runOnce()` (or the background loop) leased: counted, settled when none is left in flight. */
export type Round = { ran: number; inFlight: number; settle(): void };

/** Some kinds of jobs and how many of them run at once. */
export type PoolLane = { name: string; kinds: readonly string[]; concurrency: number };

export type PoolOptions = {
  lanes: readonly PoolLane[];
  /** Leases the next due job of the lane whose serial key is not in `busyKeys`. */
  lease(lane: PoolLane, busyKeys: string[]): LeasedJob | undefined;
  run(job: LeasedJob): Promise<void>;
  onError(error: unknown): void;
};

/**
 * Worker slots, per lane. `fill` leases due jobs into every free slot; as soon as a job finishes, its slot
 * takes the next due job of its lane for the same round, so nothing waits for the slowest job of a batch.
 * A job whose serial key (its webhook endpoint) is already in flight is skipped: one endpoint never holds
 * two slots. A finished job leases once, not a full fill: the one job its endpoint freed is the only one
 * that can have become leasable (jobs falling due are the next `fill`'s), and each lease that finds nothing
 * reads every due job it has to skip.
 */
export function createPool(options: PoolOptions) {
  const lanes = options.lanes.map((lane) => ({
    lane,
    running: new Set<Promise<void>>(),
    busyKeys: new Set<string>(),
  }));
  let refill = true;

  function start(slots: (typeof lanes)[number], job: LeasedJob, round: Round): void {
    const key = job.serialKey;
    if (key) slots.busyKeys.add(key);
    round.ran += 1;
    round.inFlight += 1;
    const task: Promise<void> = options
      .run(job)
      .catch(options.onError)
      .then(() => {
        slots.running.delete(task);
        if (key) slots.busyKeys.delete(key);
        round.inFlight -= 1;
        if (refill) take(slots, round);
        if (round.inFlight === 0) round.settle();
      });
    slots.running.add(task);
  }

  /** Leases one due job into a free slot of the lane; false when there is no slot or no job. */
  function take(slots: (typeof lanes)[number], round: Round): boolean {
    if (slots.running.size >= slots.lane.concurrency) return false;
    let job: LeasedJob | undefined;
    try {
      job = options.lease(slots.lane, [...slots.busyKeys]);
    } catch (error) {
      options.onError(error);
      return false;
    }
    if (job) start(slots, job, round);
    return job !== undefined;
  }

  /** Leases due jobs into the free slots of every lane, for `round`. */
  function fill(round: Round): void {
    for (const slots of lanes) while (take(slots, round));
  }

  return {
    fill,
    /** Stops taking new jobs and waits for those in flight (each bounded by its send timeout). */
    async drain(): Promise<void> {
      refill = false;
      try {
        for (let tasks = inFlight(); tasks.length > 0; tasks = inFlight()) await Promise.all(tasks);
      } finally {
        refill = true;
      }
    },
  };

  function inFlight(): Promise<void>[] {
    return lanes.flatMap((slots) => [...slots.running]);
  }
}
