import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server that accepts every request and, while `hang` is set, never answers it; otherwise
 * it answers 200 after `delayMs`. It counts the requests it holds per path, and the most it ever held.
 */
export async function startSilentPeer(options: { hang?: boolean; delayMs?: number } = {}) {
  const state = { hang: options.hang ?? true, delayMs: options.delayMs ?? 0 };
  const held = new Map<string, number>();
  const maxHeld = new Map<string, number>();
  const requests: string[] = [];
  const open = new Set<ServerResponse>();
  let maxTotal = 0;

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    held.set(path, (held.get(path) ?? 0) + 1);
    maxHeld.set(path, Math.max(maxHeld.get(path) ?? 0, held.get(path)!));
    open.add(res);
    maxTotal = Math.max(maxTotal, open.size);
    res.on('close', () => {
      held.set(path, held.get(path)! - 1);
      open.delete(res);
    });
    req.resume();
    if (state.hang) return;
    setTimeout(() => res.writeHead(200).end(), state.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    state,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    requests,
    /** Requests held now, on every path. */
    holding: () => open.size,
    /** The most requests held at once on `path`, or on all paths together. */
    maxHeld: (path?: string) => (path ? (maxHeld.get(path) ?? 0) : maxTotal),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
