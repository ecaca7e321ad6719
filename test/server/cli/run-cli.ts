import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { vi } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the real `plaudit` CLI in a child process (as `npm run plaudit --` does) on a data directory. */
export function runCli(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          PLAUDIT_DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
          PLAUDIT_BOOTSTRAP_KEY: '',
          ...env,
        },
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh temporary directory and a function that removes it. */
export function tempDir(prefix = 'plaudit-cli-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The non-empty lines of some output. */
export const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/**
 * Runs the CLI inside the test process (no tsx start-up): for the many error cases whose process-level
 * behaviour (one line, exit code) the child-process tests already show.
 */
export async function runCliInProcess(dataDir: string, args: string[]): Promise<CliResult> {
  const { runCli: run } = await import('../../../server/cli/program');
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(['node', 'plaudit', '--data-dir', dataDir, ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
