import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { createBusinessBody, updateBusinessBody } from '../../api/business-schemas';
import { archiveBusinessFor, createBusinessFor, updateBusinessFor } from '../../api/business-writes';
import type { AppDeps } from '../../http/context';
import { type Business, listBusinesses } from '../../store/businesses';
import { rowNumberOf, rowNumbersOf } from '../../store/row-numbers';
import { type EmrEnv, orgOf, requirePermissions } from './auth';
import { EmrError, invalidField } from './errors';
import { bodyOf, pageOf, parse, requireFields, textField } from './input';
import { businessOfNumber, integerOf } from './lookups';
import { paginatedEnvelope, windowOf } from './pagination';
import { presentOrganisation } from './presenters';

const nameBody = z.object({ name: textField(255).min(1, { message: 'is required' }) });
const ALL = { limit: 10_000, offset: 0 };

/** Plaudit keeps a business logo through its own upload route, which checks and serves the image. */
function refuseLogo(body: Record<string, unknown>): void {
  if (body.logo !== undefined) {
    throw invalidField(
      'logo',
      'The logo is uploaded through Plaudit’s PUT /api/v1/businesses/{id}/logo (multipart field "file"); this route takes the name only.',
    );
  }
}

/**
 * `/organizations`: the product's organisations are Plaudit's businesses (each is also its own location).
 * Deleting one archives the business: its reviews and history stay, its public pages stop answering.
 */
export function organizationsRoutes(deps: AppDeps) {
  const app = new Hono<EmrEnv>();
  const present = (business: Business) =>
    presentOrganisation(business, rowNumberOf(deps.db, 'businesses', business.id) ?? 0);
  const activeOf = (orgId: string, value: string | undefined) => {
    const business = businessOfNumber(deps, orgId, integerOf(value));
    if (!business || business.archivedAt) throw new EmrError(404, 'Organization not found.');
    return business;
  };
  const nameTaken = (orgId: string, name: string, exceptId?: string) =>
    listBusinesses(deps.db, orgId, { archived: false, q: name }, ALL).items.some(
      (b) => b.id !== exceptId && b.name.toLowerCase() === name.toLowerCase(),
    );
  const nativeName = <T extends z.ZodTypeAny>(schema: T, name: string | undefined): z.infer<T> => {
    const result = schema.safeParse(name === undefined ? {} : { name });
    if (!result.success) throw invalidField('name', `The name field ${result.error.issues[0]?.message}.`);
    return result.data;
  };

  app.get('/organizations', requirePermissions('organizations:read'), (c) => {
    const page = pageOf(c);
    const { items, total } = listBusinesses(deps.db, orgOf(c), { archived: false }, windowOf(page));
    const numbers = rowNumbersOf(
      deps.db,
      'businesses',
      items.map((b) => b.id),
    );
    const data = items.map((b) => presentOrganisation(b, numbers.get(b.id) ?? 0));
    return c.json(paginatedEnvelope(c, deps.config.publicUrl, data, total, page), 200);
  });

  app.post('/organizations', requirePermissions('organizations:create'), async (c) => {
    const orgId = orgOf(c);
    const body = await bodyOf(c);
    requireFields(body, ['name']);
    refuseLogo(body);
    const { name } = parse(nameBody, body);
    if (nameTaken(orgId, name)) throw invalidField('name', 'The name has already been taken.');
    const business = createBusinessFor(deps, orgId, nativeName(createBusinessBody, name));
    return c.json(present(business), 201);
  });

  app.get('/organizations/:id', requirePermissions('organizations:read'), (c) =>
    c.json(present(activeOf(orgOf(c), c.req.param('id'))), 200),
  );

  const update = async (c: Context<EmrEnv>) => {
    const orgId = orgOf(c);
    const current = activeOf(orgId, c.req.param('id'));
    const body = await bodyOf(c);
    refuseLogo(body);
    const { name } = parse(nameBody.partial(), body);
    if (name !== undefined && nameTaken(orgId, name, current.id)) {
      throw invalidField('name', 'The name has already been taken.');
    }
    const updated = updateBusinessFor(deps, orgId, current, nativeName(updateBusinessBody, name));
    return c.json(present(updated), 200);
  };
  app.put('/organizations/:id', requirePermissions('organizations:update'), update);
  app.patch('/organizations/:id', requirePermissions('organizations:update'), update);

  app.delete('/organizations/:id', requirePermissions('organizations:delete'), (c) => {
    const orgId = orgOf(c);
    const current = activeOf(orgId, c.req.param('id'));
    if (listBusinesses(deps.db, orgId, { archived: false }, { limit: 2, offset: 0 }).total < 2) {
      throw invalidField('organization', 'You must have at least one remaining organisation.');
    }
    archiveBusinessFor(deps, orgId, current);
    return c.json({ message: 'Organization deleted successfully.' }, 200);
  });

  return app;
}
