import autocannon from 'autocannon';
import type { LoadOptions, LoadResult } from './load';

// Runs in its own process (see load.ts): reads the options on stdin, prints the result as JSON.
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const options = JSON.parse(Buffer.concat(chunks).toString()) as LoadOptions;
const paths = options.paths;
let next = 0;
const pick = (all: string[]) =>
  options.order === 'sequential' ? all[next++ % all.length] : all[Math.floor(Math.random() * all.length)];

const run = (duration: number) =>
  autocannon({
    url: options.url,
    connections: options.connections,
    duration,
    requests: [
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        body: options.body,
        setupRequest: (request) => (paths?.length ? { ...request, path: pick(paths) } : request),
      },
    ],
  });

// Reads are measured warm, as a server runs after its first seconds: a 2 s run first lets V8 compile the
// hot paths (the bare baseline gets the same). Writes are not repeated: their rows are counted afterwards.
if ((options.method ?? 'GET') === 'GET' && options.warmup !== false) await run(2);
const result = await run(options.duration);
const summary: LoadResult = {
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  total: result.requests.total,
  status2xx: result['2xx'],
  status3xx: result['3xx'],
  non2xx: result.non2xx,
  errors: result.errors,
};
process.stdout.write(JSON.stringify(summary));
