import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ApiError, notFound } from '../http/errors';
import { businessStats, getBusiness, listBusinesses } from '../store/businesses';
import { presentBusiness } from './business-tools';
import { holds, type McpContext, orgOf } from './context';

/** `plaudit://businesses/{businessId}`: each business's profile and review summary, for a client to attach. */
export function registerResources(server: McpServer, ctx: McpContext): void {
  const allowed = () => {
    if (!holds(ctx, 'businesses:read'))
      throw new ApiError('FORBIDDEN', 'This API key lacks the businesses:read scope');
    return orgOf(ctx);
  };
  server.registerResource(
    'business',
    new ResourceTemplate('plaudit://businesses/{businessId}', {
      list: () => {
        const { items } = listBusinesses(
          ctx.deps.db,
          allowed(),
          { archived: false },
          { limit: 100, offset: 0 },
        );
        return {
          resources: items.map((b) => ({
            uri: `plaudit://businesses/${b.id}`,
            name: b.name,
            description: `Profile and review summary of ${b.name}`,
            mimeType: 'application/json',
          })),
        };
      },
    }),
    { title: 'Business profile and review summary', mimeType: 'application/json' },
    (uri, { businessId }) => {
      const orgId = allowed();
      const business = getBusiness(ctx.deps.db, orgId, String(businessId));
      if (!business) throw notFound('Business');
      const summary = businessStats(ctx.deps.db, orgId, business.id);
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: 'application/json',
            text: JSON.stringify(
              { profile: presentBusiness(ctx, business), reviewSummary: summary },
              null,
              2,
            ),
          },
        ],
      };
    },
  );
}
