import type { ZodError } from 'zod';
import { printable } from './output';

/** Option names as the user typed them: `brandColor` → `--brand-color`. */
const flag = (path: string) => `--${path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Zod issues as one line: `--slug: lowercase letters, digits and dashes; --timezone: must be …`. */
export function oneLine(error: ZodError, names: (path: string) => string = flag): string {
  const seen = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!seen.has(path)) seen.set(path, issue.message);
  }
  return [...seen]
    .map(([path, message]) => (path ? `${names(path)}: ${printable(message)}` : printable(message)))
    .join('; ');
}

/** A refusal from shared domain validation as one line: each field's message, else the error's message. */
export function apiErrorLine(
  error: { message: string; details?: Record<string, string> },
  names: (path: string) => string = flag,
): string {
  const details = Object.entries(error.details ?? {}).map(
    ([field, message]) => `${names(field)}: ${message}`,
  );
  return printable(details.length ? details.join('; ') : error.message);
}
