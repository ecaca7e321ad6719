import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

export type LoadOptions = {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** Each request picks one of these paths at random (default: the URL's own path)… */
  paths?: string[];
  /** …or takes them in order, each once until the list runs out (for writes that must not repeat). */
  order?: 'random' | 'sequential';
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** GET runs are preceded by an unmeasured 2 s run unless this is false (a cold-cache measurement). */
  warmup?: boolean;
};

export type LoadResult = {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  /** Responses by class: a form post that succeeds answers 303. */
  status2xx: number;
  status3xx: number;
  non2xx: number;
  errors: number;
};

/**
 * Drives `url` with autocannon from a separate process, so the load generator does not take CPU from the
 * server under test (on a 2-core box each gets a core): the figures are the server's, not the pair's.
 */
export function loadTest(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./load-worker.ts', import.meta.url).pathname],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load worker exited with ${code}`));
      resolve(JSON.parse(out) as LoadResult);
    });
    child.stdin.end(JSON.stringify(options));
  });
}

/** Serves a fetch handler on an ephemeral loopback port for the length of `run`. */
export async function withServer<T>(
  fetch: (request: Request) => Response | Promise<Response>,
  run: (url: string) => Promise<T>,
): Promise<T> {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((ready) => server.once('listening', ready));
  const { port } = server.address() as AddressInfo;
  try {
    return await run(`http://127.0.0.1:${port}`);
  } finally {
    await new Promise((closed) => server.close(closed));
  }
}

/** The baseline every ratio is taken against: Hono's hello world. */
export function bareHono(): Hono {
  const app = new Hono();
  app.get('/', (c) => c.text('Hello Hono!'));
  return app;
}

/** How many times each bench measures every load, baseline included: one run on a shared box can be off by 2×. */
export const ROUNDS = 3;

/**
 * Runs `round` ROUNDS times and keeps every figure of every load. A round measures the baseline and the
 * loads back to back, so a ratio taken within a round compares runs made under the same conditions.
 */
export async function inRounds<K extends string>(
  round: () => Promise<Record<K, LoadResult>>,
): Promise<Record<K, LoadResult[]>> {
  const all = {} as Record<K, LoadResult[]>;
  for (let i = 0; i < ROUNDS; i++) {
    for (const [key, result] of Object.entries(await round()) as Array<[K, LoadResult]>) {
      all[key] = [...(all[key] ?? []), result];
    }
  }
  return all;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * One aligned line for a load measured in rounds: median req/s, p50 and p99, and the median of the
 * per-round ratios to the baseline (bare Hono unless named) with their range.
 */
export function formatRounds(
  name: string,
  runs: LoadResult[],
  baseline?: LoadResult[],
  baselineName = 'bare',
): string {
  const line = `${name.padEnd(34)} ${Math.round(median(runs.map((r) => r.rps)))
    .toString()
    .padStart(7)} req/s  p50 ${median(runs.map((r) => r.p50))} ms  p99 ${median(runs.map((r) => r.p99))} ms`;
  if (!baseline) return `${line}  (medians of ${runs.length})`;
  const ratios = runs.map((r, i) => r.rps / baseline[i].rps);
  const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  return `${line}  ${median(ratios).toFixed(2)}× ${baselineName} (rounds ${range})`;
}

export type CapturedResponse = { status: number; headers: Array<[string, string]>; body: Uint8Array };

/** A response as the app answered it, kept to be replayed (minus Content-Length, which Node sets). */
export async function capture(response: Response): Promise<CapturedResponse> {
  return {
    status: response.status,
    headers: [...response.headers].filter(([name]) => name !== 'content-length'),
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

/**
 * The floor under a route: a one-route Hono app that answers every request with responses captured from
 * the real one (same status, headers and bytes) and computes nothing. A route cannot beat it, so a target
 * above the floor's ratio cannot be met by any handler that must send those bytes and headers.
 */
export function replayHono(responses: CapturedResponse[]): Hono {
  const app = new Hono();
  let next = 0;
  app.all('*', (c) => {
    const response = responses[next++ % responses.length];
    for (const [name, value] of response.headers) c.header(name, value, { append: name === 'set-cookie' });
    return c.body(response.body as Uint8Array<ArrayBuffer>, response.status as 200);
  });
  return app;
}
