import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectorEnv, connectorEnv } from './connector-env';
import { type GoogleStandIn, startGoogleStandIn } from './google-stand-in';

let google: GoogleStandIn;
let env: ConnectorEnv;
beforeEach(async () => {
  google = await startGoogleStandIn();
  env = connectorEnv({ platforms: { google: { baseUrl: google.url } } });
});
afterEach(async () => {
  await env.worker.stop();
  await google.close();
});

const html = { key: null, headers: { accept: 'text/html,application/xhtml+xml' } };
const connections = () => env.db.prepare('SELECT count(*) FROM connections').pluck().get();

describe('a failed consent, seen from a browser', () => {
  it('sends a wrong state back to the dashboard with error=expired, storing nothing', async () => {
    const start = await env.call('POST', '/api/v1/connections/google/authorize');
    const { code } = google.approve(start.json.url);
    const res = await env.call('GET', `/api/v1/connections/callback?code=${code}&state=not-the-state`, html);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://plaudit.test/dashboard/connections?error=expired');
    expect(connections()).toBe(0);
  });

  it('sends a refused consent back with error=refused', async () => {
    const res = await env.call('GET', '/api/v1/connections/callback?error=access_denied&state=x', html);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://plaudit.test/dashboard/connections?error=refused');
  });

  it('sends a code the provider refuses back with error=exchange_failed', async () => {
    const start = await env.call('POST', '/api/v1/connections/google/authorize');
    const { state } = google.approve(start.json.url);
    const res = await env.call('GET', `/api/v1/connections/callback?code=forged&state=${state}`, html);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      'http://plaudit.test/dashboard/connections?error=exchange_failed',
    );
    expect(connections()).toBe(0);
  });

  it('keeps answering JSON 400 to an API client', async () => {
    const res = await env.call('GET', '/api/v1/connections/callback?code=c&state=not-the-state', {
      key: null,
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'VALIDATION_ERROR', details: { state: expect.any(String) } });
    const refused = await env.call('GET', '/api/v1/connections/callback?error=access_denied', { key: null });
    expect(refused.status).toBe(400);
  });
});
