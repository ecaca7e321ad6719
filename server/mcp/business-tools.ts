import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { notFound } from '../http/errors';
import { type Business, businessStats, getBusiness, listBusinesses } from '../store/businesses';
import { campaignFunnel, listCampaigns } from '../store/campaigns';
import { cardStats, listCards } from '../store/cards';
import { type McpContext, orgOf, personal } from './context';
import { addTool } from './tool';

const id = z.string().min(1).max(64);
const page = {
  page: z.number().int().min(1).default(1),
  perPage: z.number().int().min(1).max(100).default(25),
};
const windowOf = (p: { page: number; perPage: number }) => ({
  limit: p.perPage,
  offset: (p.page - 1) * p.perPage,
});

/** A business with its public review link, as the API shows it. */
export const presentBusiness = (ctx: McpContext, b: Business) => ({
  ...b,
  reviewLink: `${ctx.deps.config.publicUrl}/b/${b.slug}`,
});

/** Business, campaign and card tools (all reads). */
export function registerBusinessTools(server: McpServer, ctx: McpContext, audited: WeakSet<object>): void {
  addTool(server, ctx, audited, {
    name: 'list_businesses',
    description: 'List the organization’s businesses (locations), with their ids for the other tools.',
    scopes: ['businesses:read'],
    readOnly: true,
    input: {
      archived: z.boolean().default(false),
      q: z.string().max(100).optional().describe('Name contains'),
      ...page,
    },
    run: ({ archived, q, ...p }) => {
      const { items, total } = listBusinesses(ctx.deps.db, orgOf(ctx), { archived, q }, windowOf(p));
      return { data: { data: items.map((b) => presentBusiness(ctx, b)), pagination: { ...p, total } } };
    },
  });

  addTool(server, ctx, audited, {
    name: 'get_business',
    description:
      'One business with its settings and review summary: average rating and counts by rating, sentiment and platform.',
    scopes: ['businesses:read'],
    readOnly: true,
    input: { businessId: id },
    run: ({ businessId }) => {
      const orgId = orgOf(ctx);
      const business = getBusiness(ctx.deps.db, orgId, businessId);
      if (!business) throw notFound('Business');
      return {
        data: { ...presentBusiness(ctx, business), ...businessStats(ctx.deps.db, orgId, business.id) },
      };
    },
  });

  addTool(server, ctx, audited, {
    name: 'list_campaigns',
    description:
      'List review request campaigns (a first message and reminders) with each one’s funnel: invited, delivered, opened, clicked, completed.',
    scopes: ['campaigns:read'],
    readOnly: true,
    input: page,
    run: (p) => {
      const { items, total } = listCampaigns(ctx.deps.db, orgOf(ctx), windowOf(p));
      const data = items.map((c) => ({
        id: c.id,
        businessId: c.businessId,
        name: c.name,
        status: c.status,
        steps: c.steps,
        createdAt: c.createdAt,
        funnel: campaignFunnel(ctx.deps.db, c.id),
      }));
      return { data: { data, pagination: { ...p, total } } };
    },
  });

  addTool(server, ctx, audited, {
    name: 'list_cards',
    description: 'List NFC/QR review cards with their taps and what the taps led to (ratings, completions).',
    scopes: ['cards:read'],
    readOnly: true,
    input: { businessId: id.optional(), active: z.boolean().optional(), ...page },
    run: ({ businessId, active, ...p }) => {
      const orgId = orgOf(ctx);
      const { items, total } = listCards(ctx.deps.db, orgId, { businessId, active }, windowOf(p));
      const data = items.map(({ organizationId: _org, ...card }) => ({
        ...card,
        url: `${ctx.deps.config.publicUrl}/t/${card.code}`,
        stats: cardStats(ctx.deps.db, orgId, card.id),
      }));
      return { data: { data: personal(ctx, data, { staffMember: 'name' }), pagination: { ...p, total } } };
    },
  });
}
