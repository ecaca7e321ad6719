import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  LOGO_MAX_BYTES,
  looksLikeSvg,
  sniffLogo,
  uploadedLogoPath,
  uploadedLogoUrl,
} from '../domain/logo-image';
import { requireScope } from '../http/auth';
import { limitBody } from '../http/body-limit';
import { type AppDeps, orgIdOf } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { newRouter } from '../http/router';
import { deleteUploadedLogo, saveUploadedLogo } from '../store/business-logos';
import { getBusiness } from '../store/businesses';
import { businessSchema } from './business-schemas';
import { presentBusiness } from './business-writes';
import { errorContent, errorResponses, idParam, jsonResponse, security } from './common-schemas';

const tags = ['Businesses'];
const params = idParam('Business', 'biz_3kTz9QwErTyUiOpA');
const binary = z.string().openapi({ type: 'string', format: 'binary' });
// A plain OpenAPI schema, not zod: the handler reads and checks the part itself, since a raw image body
// goes through the same route and a zod form schema would refuse it before the handler runs.
const multipartSchema = {
  type: 'object' as const,
  properties: { file: { type: 'string' as const, format: 'binary' } },
  required: ['file'],
};
// A multipart envelope adds boundaries and part headers around the file; the file itself is checked exactly.
const MULTIPART_SLACK = 16 * 1024;
const tooLarge = () => new ApiError('PAYLOAD_TOO_LARGE', 'A logo may be at most 512 KB');

/** The uploaded bytes: the `file` part of a multipart form, or the raw body sent with an image type. */
async function uploadedBytes(c: Context): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) {
      throw new ApiError('VALIDATION_ERROR', 'Send the logo as the form field "file"', { file: 'required' });
    }
    if (file.size > LOGO_MAX_BYTES) throw tooLarge();
    return new Uint8Array(await file.arrayBuffer());
  }
  if (!type.startsWith('image/') && !type.startsWith('application/octet-stream')) {
    throw new ApiError('VALIDATION_ERROR', 'Send the logo as multipart/form-data or as an image body', {
      'content-type': 'must be multipart/form-data, image/png, image/jpeg or image/webp',
    });
  }
  return new Uint8Array(await c.req.arrayBuffer());
}

/** `/businesses/{id}/logo`: a logo file stored and served by Plaudit, so landing pages need no third party. */
export function businessLogoApi(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/businesses/{id}/logo',
      tags,
      security,
      summary: 'Upload a business’s logo',
      description:
        'PNG, JPEG or WebP, at most 512 KB, as `multipart/form-data` (field `file`) or as the raw body with its ' +
        'image Content-Type. The type is read from the file’s first bytes; SVG and anything else is refused. ' +
        'The logo is served from `/assets/logo/{id}.{ext}` and becomes the business’s `logoUrl`.',
      middleware: [
        requireScope('businesses:write'),
        limitBody(LOGO_MAX_BYTES + MULTIPART_SLACK, '512 KB'),
      ] as const,
      request: {
        params,
        body: {
          required: true,
          content: {
            'image/png': { schema: binary },
            'image/jpeg': { schema: binary },
            'image/webp': { schema: binary },
            'multipart/form-data': { schema: multipartSchema },
          },
        },
      },
      responses: {
        200: jsonResponse(businessSchema, 'The business with its new logoUrl'),
        413: { description: 'The logo is larger than 512 KB', content: errorContent },
        ...errorResponses,
      },
    }),
    async (c) => {
      const orgId = orgIdOf(c);
      const { id } = c.req.valid('param');
      const business = getBusiness(deps.db, orgId, id);
      if (!business || business.archivedAt) throw notFound('Business');
      const bytes = await uploadedBytes(c);
      if (bytes.length > LOGO_MAX_BYTES) throw tooLarge();
      const format = sniffLogo(bytes);
      if (!format) {
        throw new ApiError(
          'VALIDATION_ERROR',
          looksLikeSvg(bytes)
            ? 'SVG logos are not accepted (they can carry script); upload a PNG, JPEG or WebP'
            : 'The file is not a PNG, JPEG or WebP image',
          { file: 'must be a PNG, JPEG or WebP image' },
        );
      }
      const version = createHash('sha256').update(bytes).digest('base64url').slice(0, 12);
      const url = uploadedLogoUrl(deps.config.publicUrl, id, format.ext, version);
      if (!saveUploadedLogo(deps.db, deps.clock, orgId, id, { ...format, body: bytes, version, url })) {
        throw notFound('Business');
      }
      return c.json(presentBusiness(deps.config.publicUrl, getBusiness(deps.db, orgId, id)!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/businesses/{id}/logo',
      tags,
      security,
      summary: 'Remove a business’s uploaded logo',
      description: 'Deletes the stored file; `logoUrl` is cleared when it pointed at the upload.',
      middleware: [requireScope('businesses:write')] as const,
      request: { params },
      responses: { 200: jsonResponse(businessSchema, 'The business'), ...errorResponses },
    }),
    (c) => {
      const orgId = orgIdOf(c);
      const { id } = c.req.valid('param');
      const removed = deleteUploadedLogo(
        deps.db,
        deps.clock,
        orgId,
        id,
        (url) => uploadedLogoPath(url, id) !== undefined,
      );
      if (!removed) throw notFound('Business');
      return c.json(presentBusiness(deps.config.publicUrl, getBusiness(deps.db, orgId, id)!), 200);
    },
  );

  return app;
}
