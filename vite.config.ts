import { defineConfig, type UserConfig } from 'vite';

// Two self-contained classic scripts, each one file with its CSS inlined as a string:
//   dist/widget.js  — the embed third-party sites load with <script async> (budget: 10 KB gzip)
//   dist/landing.js — the landing-page island hydrator (part of the 14 KB first-view budget)
// and one ordinary app:
//   dist/dashboard/ — the owner's dashboard: index.html plus hashed, code-split ES modules under assets/
// `vite build` builds one per `--mode widget|landing|dashboard` (see the `build` script).
const jsx = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;

function bundle(name: 'widget' | 'landing', entry: string, emptyOutDir: boolean): UserConfig {
  return {
    oxc: jsx,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: 'dist',
      emptyOutDir,
      target: 'es2019',
      minify: true,
      sourcemap: false,
      lib: {
        entry,
        name: name === 'widget' ? 'PlauditWidget' : 'PlauditLanding',
        formats: ['iife'],
        fileName: () => `${name}.js`,
      },
    },
  };
}

// The dashboard is served under /dashboard/ (server/pages/dashboard.ts); the manifest tells the size
// budget (bench/sizes.ts) which chunks the entry loads before anything else.
const dashboard: UserConfig = {
  oxc: jsx,
  root: 'dashboard',
  base: '/dashboard/',
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: '../dist/dashboard',
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    manifest: true,
    assetsDir: 'assets',
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'dashboard') return dashboard;
  return mode === 'landing'
    ? bundle('landing', 'landing/client.ts', false)
    : bundle('widget', 'widget/embed.ts', false);
});
