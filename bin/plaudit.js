#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so the installed `plaudit` command needs no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
