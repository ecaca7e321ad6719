import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { Strings } from '../../landing/i18n/en';
import { normalizePhone } from '../domain/phone';
import { ApiError } from '../http/errors';
import { requestText } from '../http/request-body';
import { requestHeader } from '../http/request-header';

type ErrorKey = keyof Strings & `error${string}`;

const required = (max: number) =>
  z
    .string()
    .max(max, 'errorTooLong' satisfies ErrorKey)
    .refine((value) => value.trim().length > 0, 'errorRequired' satisfies ErrorKey);
const optional = (max: number) =>
  z
    .string()
    .max(max, 'errorTooLong' satisfies ErrorKey)
    .optional()
    .transform((value) => (value?.trim() ? value : null));

const email = z
  .string()
  .trim()
  .max(254, 'errorTooLong' satisfies ErrorKey)
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || z.email().safeParse(value).success, 'errorEmail' satisfies ErrorKey);

/**
 * A contact phone read as the business's customers write it (`020 7946 0958` in a GB shop), stored in
 * E.164 so the owner can call or text it back; a number that is not valid in the region is refused.
 */
const phoneIn = (region: string) =>
  z
    .string()
    .trim()
    .max(40, 'errorTooLong' satisfies ErrorKey)
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const phone = normalizePhone(value, region);
      if (!phone) ctx.addIssue({ code: 'custom', message: 'errorPhone' satisfies ErrorKey });
      return phone ?? null;
    });

const feedbackForms = new Map<string, ReturnType<typeof buildFeedbackForm>>();

function buildFeedbackForm(region: string) {
  return z.object({
    comments: required(5000),
    name: optional(200),
    email,
    phone: phoneIn(region),
    consent: z
      .string()
      .optional()
      .transform((value) => value === 'yes'),
  });
}

/** Customers' text is kept exactly as typed; only emptiness and length are judged (the phone is read in `region`). */
export function feedbackForm(region: string) {
  let form = feedbackForms.get(region);
  if (!form) {
    form = buildFeedbackForm(region);
    feedbackForms.set(region, form);
  }
  return form;
}

export const testimonialForm = z.object({
  text: required(2000),
  displayName: required(80),
  consent: z.preprocess(
    (value) => value ?? '',
    z.string().refine((value) => value === 'yes', 'errorConsent' satisfies ErrorKey),
  ),
});

/** `rating` as posted by a form or by the island's fetch. */
export const ratingField = z.object({ rating: z.coerce.number().int() });

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** Parses a form body; each failing field maps to a translated message. */
export function parseForm<T>(schema: z.ZodType<T>, body: Record<string, string>, t: Strings): FormResult<T> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_');
    const key = issue.message as keyof Strings;
    errors[field] ??= key in t ? t[key] : t.errorRequired;
  }
  return { ok: false, errors };
}

/** Only string fields of a urlencoded or multipart body (files are never expected here). */
export function textFields(body: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
  return fields;
}

/**
 * The text fields of a posted form, or undefined for a body that is not one (a malformed multipart body:
 * the caller answers 400 and writes nothing). A urlencoded body (what every landing form and the island
 * send) is parsed directly, as `parseBody` would (last value of a name wins, `name[]` lists are not text
 * fields); anything else goes through Hono's `parseBody`, which builds a whole `FormData` for it.
 */
export async function formFields(c: Context): Promise<Record<string, string> | undefined> {
  const type = requestHeader(c, 'content-type')?.split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    try {
      return textFields(await c.req.parseBody());
    } catch (error) {
      // Our own errors (a body over the size limit) keep their answer; undici's parse failure is the client's.
      if (error instanceof ApiError || error instanceof HTTPException) throw error;
      return undefined;
    }
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(await requestText(c)))
    if (!name.endsWith('[]')) fields[name] = value;
  return fields;
}
