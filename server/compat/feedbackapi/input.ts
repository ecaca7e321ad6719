import type { Context } from 'hono';
import { badParam } from './errors';

export type Params = Record<string, unknown>;

/** Form fields as FeedbackAPI's curl examples send them (`-d a=1 -d list[]=x`): `key[]` and repeats are lists. */
function formParams(text: string): Params {
  const out: Params = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const isList = rawKey.endsWith('[]');
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const current = out[key];
    if (isList || current !== undefined) {
      out[key] = [...(Array.isArray(current) ? current : current === undefined ? [] : [current]), value];
    } else out[key] = value;
  }
  return out;
}

/** The request's parameters: a JSON object (application/json or vnd.api+json) or form fields. */
export async function bodyParams(c: Context): Promise<Params> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  const type = c.req.header('content-type') ?? '';
  if (/json/i.test(type) || /^\s*\{/.test(text)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badParam('body', 'The body is not valid JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw badParam('body', 'The body must be a JSON object');
    }
    return parsed as Params;
  }
  return formParams(text);
}

/** The query string's parameters (list filters), with `key[]` lists as in forms. */
export function queryParams(c: Context): Params {
  return formParams(new URL(c.req.url).search.slice(1));
}

/** Refuses a parameter the route does not know, so a misspelt filter never silently returns everything. */
export function onlyKnown(params: Params, known: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (!known.includes(key)) throw badParam(key, `Unknown parameter: ${key}`);
  }
}

/** A text parameter (trimmed; empty is absent unless `allowNull`, where null/"" clears). */
export function text(params: Params, name: string, max = 200): string | null | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string' && typeof value !== 'number')
    throw badParam(name, `${name} must be a string`);
  const trimmed = String(value).trim();
  if (trimmed.length > max) throw badParam(name, `${name} must be at most ${max} characters`);
  return trimmed === '' ? null : trimmed;
}

/** A required text parameter. */
export function requiredText(params: Params, name: string, max = 200): string {
  const value = text(params, name, max);
  if (!value) throw badParam(name, `Missing required param: ${name}`);
  return value;
}

/** A boolean given as JSON true/false or the strings true/false/1/0 (forms and query strings). */
export function bool(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === true || value === 'true' || value === '1' || value === 1) return true;
  if (value === false || value === 'false' || value === '0' || value === 0) return false;
  throw badParam(name, `${name} must be true or false`);
}

/** A number within bounds, given as a JSON number or a decimal string. */
export function num(
  params: Params,
  name: string,
  min: number,
  max: number,
  integer = false,
): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(parsed) || parsed < min || parsed > max || (integer && !Number.isInteger(parsed))) {
    throw badParam(name, `${name} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}`);
  }
  return parsed;
}

/**
 * A time as FeedbackAPI takes it: unix seconds (its examples: `created_after=1483228800`) or an ISO 8601
 * timestamp (its prose); answered as ISO UTC.
 */
export function time(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const ms = /^\d{1,12}$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
  if (!raw || Number.isNaN(ms) || ms < 0 || ms > 253402300799000) {
    throw badParam(name, `${name} must be unix seconds or an ISO 8601 timestamp`);
  }
  return new Date(ms).toISOString();
}

/** A list of ids: a JSON array, repeated form fields, or one comma-separated string. */
export function idList(params: Params, name: string, max = 100): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!items || items.some((item) => typeof item !== 'string')) {
    throw badParam(name, `${name} must be an array of ids`);
  }
  const ids = [...new Set((items as string[]).map((item) => item.trim()).filter(Boolean))];
  if (ids.length > max) throw badParam(name, `${name} takes at most ${max} ids`);
  return ids;
}

/** Unix seconds of an ISO time (FeedbackAPI's timestamps, per its examples), or null. */
export const unix = (iso: string | null | undefined): number | null =>
  iso ? Math.floor(Date.parse(iso) / 1000) : null;

export type ListWindow = {
  limit: number;
  offset: number;
  page: number;
  ascending: boolean;
  sortField: string;
};

/** `limit` (1–100, default 10), `page` (from 0) and `sort_by` (`<field>-asc|-desc`, among `fields`). */
export function listWindow(params: Params, fields: readonly string[], defaultSort: string): ListWindow {
  const limit = num(params, 'limit', 1, 100, true) ?? 10;
  const page = num(params, 'page', 0, 1_000_000, true) ?? 0;
  const sort = text(params, 'sort_by', 60) ?? defaultSort;
  const match = /^([a-z_]+)(?:-(asc|desc))?$/.exec(sort);
  if (!match || !fields.includes(match[1])) {
    throw badParam(
      'sort_by',
      `sort_by must be one of ${fields.map((f) => `${f}-asc, ${f}-desc`).join(', ')}`,
    );
  }
  const ascending = (match[2] ?? defaultSort.split('-')[1]) === 'asc';
  return { limit, page, offset: page * limit, ascending, sortField: match[1] };
}

/** The parameters every list takes. */
export const LIST_PARAMS = ['limit', 'page', 'sort_by'] as const;

/** FeedbackAPI's list envelope. */
export const listBody = <T>(items: T[], total: number, window: ListWindow) => ({
  page: window.page,
  total_count: total,
  total_returned: items.length,
  data: items,
});
