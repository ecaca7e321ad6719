import type { Db } from '../store/db';

type Pending = { work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

const queues = new WeakMap<Db, (work: () => unknown) => Promise<unknown>>();

/**
 * Group commit: the writes of the landing requests that arrive together run in ONE SQLite transaction,
 * each in its own savepoint (one failing rolls back only itself), committed before any of them is
 * answered. A commit is most of a small write's cost; sharing it keeps every acknowledged write durable
 * (the promise settles only after COMMIT returned) while paying for it once per batch, not per request.
 */
export function groupCommit(db: Db): <T>(work: () => T) => Promise<T> {
  let run = queues.get(db);
  if (!run) {
    run = createQueue(db);
    queues.set(db, run);
  }
  return run as <T>(work: () => T) => Promise<T>;
}

function createQueue(db: Db) {
  let queue: Pending[] = [];
  const savepoint = (work: () => unknown) => db.transaction(work)();

  function flush() {
    const batch = queue;
    queue = [];
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      db.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: savepoint(item.work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      // The commit itself failed: nothing in the batch was written, so every caller hears it.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  return (work: () => unknown) =>
    new Promise<unknown>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ work, resolve, reject });
    });
}
