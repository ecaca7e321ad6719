import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  /** Everything written to stdout and stderr so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
};

/**
 * Starts the real server (`node --import tsx <entry> [...args]`) on port 0 and resolves once it logs
 * "Plaudit is listening", with the URL from that log line.
 */
export function startServerProcess(
  env: Record<string, string>,
  { entry = 'server/main.ts', args = [] as string[] } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? -1)),
  );
  return new Promise((resolvePromise, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.includes('"Plaudit is listening"'));
      if (line) {
        resolvePromise({ child, url: JSON.parse(line).url, output: () => ({ stdout, stderr }), exited });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    exited.then((code) => reject(new Error(`server exited (${code}) before listening: ${stderr || stdout}`)));
  });
}
