import { z } from '@hono/zod-openapi';
import { paginationQuery } from '../../http/pagination';

/** RatingsRise's `page` / `perPage` (25 by default, 100 at most): the same as Plaudit's. */
export const pageQuery = paginationQuery;

/** A Plaudit id as RatingsRise passes ids: an opaque string. */
export const idString = z.string().trim().min(1).max(64);

/** Query strings are parsed strictly: a misspelt filter is a 400 naming it, never an unfiltered list. */
export const strictQuery = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

/** A route that takes no query parameters refuses any. */
export const noQuery = z.object({}).strict();
