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

/** One aligned line of figures, with the ratio to the baseline when given. */
export function formatLoad(name: string, result: LoadResult, baseline?: LoadResult): string {
  const ratio = baseline ? `  ${(result.rps / baseline.rps).toFixed(2)}× bare` : '';
  return `${name.padEnd(34)} ${Math.round(result.rps).toString().padStart(7)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms${ratio}`;
}
