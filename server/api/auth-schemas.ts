import { z } from '@hono/zod-openapi';
import { PASSWORD_MAX, PASSWORD_MIN } from '../domain/passwords';
import { ROLES } from '../domain/roles';

export const emailField = z.email().max(254).openapi({ example: 'ana@example.com' });
export const passwordField = z
  .string()
  .min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `at most ${PASSWORD_MAX} characters`);
export const nameField = z.string().trim().min(1).max(100);
export const tokenField = z.string().min(16).max(200);
export const roleField = z.enum(ROLES);

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), instanceAdmin: z.boolean() })
  .openapi('User');
export const membershipSchema = z
  .object({ organizationId: z.string(), organizationName: z.string(), role: roleField })
  .openapi('Membership');
export const accountSchema = z
  .object({ user: userSchema, memberships: z.array(membershipSchema) })
  .openapi('Account');

export const loginBody = z
  .object({ email: emailField, password: z.string().min(1).max(PASSWORD_MAX) })
  .strict();
export const setupBody = z
  .object({ token: tokenField, name: nameField, email: emailField, password: passwordField })
  .strict();
export const signupBody = z
  .object({
    name: nameField,
    email: emailField,
    password: passwordField,
    organizationName: z.string().trim().min(1).max(200),
  })
  .strict();
export const forgotBody = z.object({ email: emailField }).strict();
export const resetBody = z.object({ token: tokenField, password: passwordField }).strict();
export const passwordChangeBody = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: passwordField })
  .strict();
export const invitationBody = z.object({ email: emailField, role: roleField }).strict();
export const acceptBody = z
  .object({
    token: tokenField,
    name: nameField.optional().openapi({ description: 'Required for a new account' }),
    password: z.string().min(1).max(PASSWORD_MAX).openapi({
      description: 'A new account’s password (10–200 characters), or an existing account’s current one',
    }),
  })
  .strict();
export const tokenQuery = z.object({ token: tokenField });

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleField,
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi('Invitation');
export const sessionSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('Session');
export const teamMemberSchema = z
  .object({ userId: z.string(), name: z.string(), email: z.string(), role: roleField, createdAt: z.string() })
  .openapi('TeamMember');

/** The error answers of the public sign-in routes (no key involved). */
const errorContent = { 'application/json': { schema: z.object({ error: z.string(), code: z.string() }) } };
export const publicErrorResponses = {
  400: { description: 'Validation error', content: errorContent },
  403: { description: 'Cross-site request refused', content: errorContent },
  404: { description: 'The link is unknown, used or expired', content: errorContent },
  429: { description: 'Too many attempts: wait Retry-After seconds', content: errorContent },
} as const;
