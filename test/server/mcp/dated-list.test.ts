import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../../server/domain/scopes';
import { mcpHarness } from './mcp-harness';

describe('the MCP list tools’ shared filters', () => {
  it('list_feedback and list_review_requests: foreign business 404, date bounds, paging', async () => {
    const h = await mcpHarness();
    const client = await h.connect(h.keyWithScopes(DEFAULT_SCOPES));
    const elsewhere = h.otherOrg();
    const other = await h.call('POST', '/api/v1/businesses', {
      key: elsewhere.key,
      body: { name: 'Elsewhere' },
    });
    expect(other.status, other.text).toBe(201);
    const today = h.clock().toISOString().slice(0, 10);
    const yesterday = new Date(h.clock().getTime() - 86_400_000).toISOString().slice(0, 10);
    for (const tool of ['list_feedback', 'list_review_requests']) {
      const foreign = await h.callTool(client, tool, { businessId: other.json.id });
      expect(foreign.isError, tool).toBe(true);
      expect(foreign.json.code, tool).toBe('NOT_FOUND');
      const unknown = await h.callTool(client, tool, { businessId: 'biz_nope' });
      expect(unknown.json.code, tool).toBe('NOT_FOUND');
      expect((await h.callTool(client, tool, { dateFrom: today })).json.pagination.total, tool).toBe(1);
      expect((await h.callTool(client, tool, { dateTo: yesterday })).json.pagination.total, tool).toBe(0);
      const second = (await h.callTool(client, tool, { page: 2, perPage: 1 })).json;
      expect(second, tool).toMatchObject({ data: [], pagination: { page: 2, perPage: 1, total: 1 } });
    }
  });
});
