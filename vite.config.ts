import { defineConfig, type UserConfig } from 'vite';

// Two self-contained classic scripts, each one file with its CSS inlined as a string:
//   dist/widget.js  — the embed third-party sites load with <script async> (budget: 10 KB gzip)
//   dist/landing.js — the landing-page island hydrator (part of the 14 KB first-view budget)
// `vite build` builds both (see the `build` script); `--mode widget|landing` builds one.
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

export default defineConfig(({ mode }) =>
  mode === 'landing'
    ? bundle('landing', 'landing/client.ts', false)
    : bundle('widget', 'widget/embed.ts', false),
);
