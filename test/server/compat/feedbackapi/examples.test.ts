import { describe, expect, it } from 'vitest';
import { setup } from '../../helpers';
import { expectDocumentedShape } from '../shape';
import { fapiClient, seed } from './fapi-helpers';
import { FIXTURES } from './fixtures';

const ADMIN_PATHS = /^\/accounts/;
const CREATES: Record<string, string> = {
  'Create a Location': 'location',
  'Send a Feedback Request': 'request',
  'Create an Account': 'account',
};

describe('FeedbackAPI: every documented request example, replayed', () => {
  it('answers each with the documented status and shape', async () => {
    const env = setup();
    const ids: Record<string, string> = await seed(env);
    const org = fapiClient(env, env.orgKey);
    const admin = fapiClient(env, env.admin);
    // Users are team management: a key holding the team scopes, as on /api/v1/team.
    const team = fapiClient(env, env.keyWithScopes(['team:read', 'team:admin']));
    for (const fixture of FIXTURES) {
      const fill = (text: string) =>
        text.replace(/\{(\w+)\}/g, (_, kind: string) => {
          if (!ids[kind]) throw new Error(`${fixture.name}: no ${kind} seeded`);
          return ids[kind];
        });
      const client = ADMIN_PATHS.test(fixture.path) ? admin : fixture.path.startsWith('/users') ? team : org;
      const res = await client(fixture.method, fill(fixture.path), {
        form: fixture.form?.map(([k, v]) => [k, fill(v)] as [string, string]),
      });
      if (fixture.refused) {
        expect(res.status, fixture.name).toBe(400);
        expect(res.json, fixture.name).toEqual({
          type: 'invalid_request_error',
          message: expect.stringMatching(/Plaudit/),
          param: fixture.refused.param,
        });
        continue;
      }
      expect(res.status, `${fixture.name}: ${JSON.stringify(res.json)}`).toBe(200);
      expect(res.headers.get('content-type'), fixture.name).toMatch(/application\/json/);
      expect(res.headers.get('x-ratelimit-limit'), fixture.name).toBeTruthy();
      expectDocumentedShape(res.json, fixture.response, { nullable: fixture.nullable });
      if (fixture.values) expect(res.json, fixture.name).toMatchObject(fixture.values);
      // Later examples act on what the earlier ones created, as a client following the reference would.
      const created = CREATES[fixture.name];
      if (created) ids[created] = res.json.id;
      if (fixture.name.startsWith('List') || fixture.name.startsWith('Pagination')) {
        expect(res.json.data.length, fixture.name).toBeGreaterThan(0);
      }
    }
  });
});
