import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './cli/run-cli';
import { type ServerProcess, startServerProcess } from './server-process';

const temp = tempDir('plaudit-first-account-');
const running: ServerProcess[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
  temp.remove();
});

describe('first start of the real server', { timeout: 60_000 }, () => {
  it('prints the setup link beside the admin key; following it makes the owner of the demo, signed in', async () => {
    const server = await startServerProcess({
      PLAUDIT_DATA_DIR: temp.dir,
      PLAUDIT_BOOTSTRAP_KEY: '',
      PLAUDIT_PUBLIC_URL: 'http://plaudit.test',
    });
    running.push(server);
    const { stdout } = server.output();
    expect(stdout).toMatch(/Admin API key \(shown once/);
    const link = stdout.match(
      /Set up the first account: (http:\/\/plaudit\.test\/dashboard\/setup\?token=([\w-]+))/,
    );
    expect(link).toBeTruthy();

    const post = (body: unknown) =>
      fetch(`${server.url}/api/v1/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://plaudit.test', 'x-plaudit-csrf': '1' },
        body: JSON.stringify(body),
      });
    const body = { token: link![2], name: 'Owner', email: 'owner@example.com', password: 'first owner pass' };
    const created = await post(body);
    expect(created.status).toBe(201);
    const cookie = created.headers.get('set-cookie')!.split(';')[0];
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie } });
    const json = (await me.json()) as {
      user: { instanceAdmin: boolean };
      role: string;
      organization: { name: string };
    };
    expect(json).toMatchObject({ user: { instanceAdmin: true }, role: 'owner' });
    expect((await post(body)).status).toBe(404);
    server.child.kill('SIGTERM');
    await server.exited;
  });
});
