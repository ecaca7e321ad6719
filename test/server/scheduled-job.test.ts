import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { startScheduledJob } from '../../server/scheduled-job';

describe('a scheduled job', () => {
  it('runs at start and on its timer, logs a failed run and keeps going, and stops', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    let runs = 0;
    const job = startScheduledJob({ logger, failure: 'the job failed', everyMs: 10 }, () => {
      runs += 1;
      if (runs === 1) throw new Error('boom');
    });
    try {
      await expect.poll(() => runs).toBeGreaterThanOrEqual(3);
    } finally {
      job.stop();
    }
    const failures = lines.map((line) => JSON.parse(line)).filter((l) => l.msg === 'the job failed');
    expect(failures).toHaveLength(1);
    expect(failures[0].err.message).toBe('boom');
    const stoppedAt = runs;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(stoppedAt);
  });
});
