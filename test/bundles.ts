import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export type BundleName = 'landing' | 'widget' | 'dashboard';

// Paths from the project root: vitest runs there, and some callers run under happy-dom (no file: import.meta.url).
const root = process.cwd();
const IMPORT =
  /\bfrom\s+['"](\.{1,2}\/[^'"?]+)(?:\?[^'"]*)?['"]|\bimport\s+['"](\.{1,2}\/[^'"?]+)(?:\?[^'"]*)?['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.tsx'];

/** The path of a built bundle, from the project root (for the dashboard app: its build manifest). */
export const bundlePath = (name: BundleName) =>
  name === 'dashboard'
    ? resolve(root, 'dist', 'dashboard', '.vite', 'manifest.json')
    : resolve(root, 'dist', `${name}.js`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return EXTENSIONS.map((ext) => base + ext).find((path) => existsSync(path) && statSync(path).isFile());
}

/**
 * Every source the bundle is built from: the files under its folder, the files outside it they import
 * relatively (the landing island uses `server/domain/gating.ts`), and the build configuration.
 */
export function bundleSources(name: BundleName): string[] {
  const seen = new Set<string>([resolve(root, 'vite.config.ts')]);
  const queue = filesUnder(resolve(root, name));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|tsx|js)$/.test(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, match[1] ?? match[2] ?? '');
      if (target && !relative(root, target).startsWith('node_modules')) queue.push(target);
    }
  }
  return [...seen].filter((path) => existsSync(path));
}

/** Whether `dist/<name>.js` (the dashboard's manifest) is missing or older than any of its sources. */
export function isStale(name: BundleName): boolean {
  const bundle = bundlePath(name);
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return bundleSources(name).some((source) => statSync(source).mtimeMs > built);
}

/**
 * The environment of `npm run build`: without what vitest sets (NODE_ENV=test makes vite resolve the
 * development builds of preact and @preact/signals, a bigger bundle than the one shipped).
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'NODE_ENV' || key === 'MODE' || key === 'TEST' || key.startsWith('VITEST')) delete env[key];
  }
  return env;
}

/** The bytes of `dist/<name>.js`, rebuilt first (`vite build --mode <name>`) when missing or stale. */
export function freshBundle(name: BundleName): Buffer {
  if (isStale(name)) {
    // A failed build throws with vite's output in the message.
    execFileSync('npx', ['vite', 'build', '--mode', name], {
      cwd: root,
      env: buildEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  return readFileSync(bundlePath(name));
}
