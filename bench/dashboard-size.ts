import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const DASHBOARD_DIR = 'dist/dashboard';
/** The dashboard's first screen, JS + CSS gzip (issue 14). */
export const DASHBOARD_FIRST_SCREEN_BUDGET = 60 * 1024;

type Chunk = {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
type Manifest = Record<string, Chunk>;

/** The screens a visitor can land on first: the inbox when signed in, the sign-in form when not. */
export const FIRST_SCREENS = {
  inbox: 'screens/inbox/InboxPage.tsx',
  login: 'screens/login/LoginPage.tsx',
} as const;

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'));
}

/** A chunk, every chunk it imports statically (transitively) and their CSS: what loads before it runs. */
function closure(manifest: Manifest, key: string, files = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, files);
  return files;
}

/**
 * The files of a first screen: the entry with its static imports and CSS, plus the screen's own lazy chunk
 * with its static imports (the router loads it before anything shows).
 */
export function firstScreenFiles(screen: keyof typeof FIRST_SCREENS, dir = DASHBOARD_DIR): string[] {
  const manifest = readManifest(dir);
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error(`no entry in ${dir}/.vite/manifest.json`);
  const files = closure(manifest, entry);
  closure(manifest, FIRST_SCREENS[screen], files);
  return [...files].sort();
}

/** Raw and gzip bytes of a first screen, each file compressed on its own as it is served. */
export function firstScreenSize(screen: keyof typeof FIRST_SCREENS, dir = DASHBOARD_DIR) {
  let raw = 0;
  let gzip = 0;
  const files = firstScreenFiles(screen, dir);
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/** Whether the dashboard has been built. */
export const dashboardBuilt = (dir = DASHBOARD_DIR) => existsSync(join(dir, '.vite', 'manifest.json'));
