import { describe, expect, it } from 'vitest';
import { landingSetup, PHONE_UA, PLATFORMS } from './landing-fixtures';

describe('landing pages: the request flow', () => {
  it('greets the customer, marks the request opened once, and completes it on a platform click', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    const rr = t.createRequest(biz.id);

    const first = await t.open(`/r/${rr.code}`);
    expect(first.res.status).toBe(200);
    expect(first.html).toContain('Hi Jessica — how was your visit to Joe’s Coffee?');
    expect(t.requestRow(rr.id).status).toBe('opened');

    const cookie = first.res.headers.get('set-cookie')!.split(';')[0];
    const reload = await t.open(`/r/${rr.code}`, { cookie });
    expect(reload.token).toBe(first.token);
    expect(t.events('opened')).toHaveLength(1);

    const rated = await t.post(`/v/${first.token}/rate`, { rating: '5' });
    expect(rated.res.status).toBe(303);
    expect(rated.res.headers.get('location')).toBe(`/v/${first.token}`);
    const step = await t.get(`/v/${first.token}`);
    expect(step.html).toContain(`href="/go/${first.token}/google"`);
    expect(step.html).not.toContain('search.google.com');
    expect(t.requestRow(rr.id).rating).toBe(5);

    const go = await t.get(`/go/${first.token}/google`);
    expect(go.res.status).toBe(302);
    expect(go.res.headers.get('location')).toBe(
      'https://search.google.com/local/writereview?placeid=ChIJ-test-place',
    );
    expect(t.requestRow(rr.id).status).toBe('completed');
    await t.get(`/go/${first.token}/google`);
    expect(t.events('platform_clicked')).toHaveLength(1);
    expect(t.events().map((e) => e.type)).toEqual(['opened', 'rated', 'platform_clicked']);
  });

  it('never moves a completed request backwards when the link is opened again', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    const rr = t.createRequest(biz.id, 'completed');
    await t.open(`/r/${rr.code}`);
    expect(t.requestRow(rr.id).status).toBe('completed');
    const pending = t.createRequest(biz.id, 'pending');
    await t.open(`/r/${pending.code}`);
    expect(t.requestRow(pending.id).status).toBe('opened');
  });

  it('sends a low rating to the private form, keeps platforms visible (soft), and stores feedback once', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    const rr = t.createRequest(biz.id);
    const { token } = await t.open(`/r/${rr.code}`);
    await t.post(`/v/${token}/rate`, { rating: '2' });
    const step = await t.get(`/v/${token}`);
    expect(step.html).toContain('Sorry to hear that');
    expect(step.html).toContain(`href="/go/${token}/google"`);

    const form = {
      rating: '2',
      comments: '<b>Cold</b> coffee & slow',
      email: 'jess@example.com',
      consent: 'yes',
    };
    const sent = await t.post(`/v/${token}/feedback`, form);
    expect(sent.res.status).toBe(303);
    await t.post(`/v/${token}/feedback`, form);
    expect(t.count('feedback')).toBe(1);
    const row = t.db.prepare('SELECT * FROM feedback').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      comments: '<b>Cold</b> coffee & slow',
      type: 'star',
      score: 2,
      origin: 'request',
      consent_to_contact: 1,
    });
    expect(t.requestRow(rr.id).status).toBe('completed');

    const thanks = await t.get(`/v/${token}`);
    expect(thanks.html).toContain('Your message was sent to');
    expect(thanks.html).toContain(`/go/${token}/google`);
    expect(t.events('feedback_submitted')).toHaveLength(1);
  });

  it('stores a double-tapped feedback form once: both posts answered, one row, one event', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    const rr = t.createRequest(biz.id);
    const { token } = await t.open(`/r/${rr.code}`);
    const form = { rating: '2', comments: 'Sent twice by a shaky thumb' };
    const [first, second] = await Promise.all([
      t.post(`/v/${token}/feedback`, form),
      t.post(`/v/${token}/feedback`, form),
    ]);
    expect([first.res.status, second.res.status]).toEqual([303, 303]);
    expect(t.count('feedback')).toBe(1);
    expect(t.events('feedback_submitted')).toHaveLength(1);
    expect(t.events('rated')).toMatchObject([{ rating: 2 }]);
  });

  it('takes feedback posted straight from the first page (no-JS, never rated): rating kept, thank-you shown', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS });
    const rr = t.createRequest(biz.id);
    const { token } = await t.open(`/r/${rr.code}`);
    const sent = await t.post(`/v/${token}/feedback`, { rating: '1', comments: 'Waited 40 minutes' });
    expect(sent.res.status).toBe(303);

    const thanks = await t.get(`/v/${token}`);
    expect(thanks.html).toContain('Your message was sent to');
    expect(t.events('rated')).toMatchObject([{ rating: 1 }]);
    expect(t.requestRow(rr.id)).toMatchObject({ status: 'completed', rating: 1 });
    // The visit holds the score as if it had been rated first (the rate step writes it there too).
    expect(t.db.prepare('SELECT rating FROM visits WHERE id = ?').get(token)).toEqual({ rating: 1 });
  });

  it('in strict mode shows a low rating only the private form, and the thank-you page no platforms', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({
      platforms: PLATFORMS,
      gating: { mode: 'strict', acknowledgePolicyRisk: true },
    });
    const { token } = await t.open(`/b/${biz.slug}`);
    await t.post(`/v/${token}/rate`, { rating: '1' });
    const step = (await t.get(`/v/${token}`)).html;
    expect(step).toContain('Sorry to hear that');
    expect(step).not.toContain('href="/go/');
    await t.post(`/v/${token}/feedback`, { comments: 'Bad' });
    const thanks = await t.get(`/v/${token}`);
    expect(thanks.html).toContain('Thank you!');
    expect(thanks.html).not.toContain('/go/');
    expect(t.count('feedback')).toBe(1);
  });

  it('in off mode offers the platforms first even to a low rating, with private feedback folded below', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ platforms: PLATFORMS, gating: { mode: 'off' } });
    const { token } = await t.open(`/b/${biz.slug}`);
    await t.post(`/v/${token}/rate`, { rating: '1' });
    const html = (await t.get(`/v/${token}`)).html;
    expect(html.indexOf('/go/')).toBeLessThan(html.indexOf('<details'));
    expect(html).toContain('Prefer to tell Joe’s Coffee privately?');
  });

  it('re-renders the feedback form with errors and the text typed, escaped (no-JS post)', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const { token } = await t.open(`/b/${biz.slug}`);
    const res = await t.post(`/v/${token}/feedback`, {
      rating: '2',
      comments: '<script>x</script>',
      email: 'nope',
      phone: '12',
    });
    expect(res.res.status).toBe(400);
    expect(res.html).toContain('Please enter a valid email address.');
    expect(res.html).toContain('Please enter a valid phone number.');
    expect(res.html).toContain('&lt;script>x&lt;/script>');
    expect(res.html).not.toContain('<script>x');
    expect(t.count('feedback')).toBe(0);
  });

  it('answers the island a JSON ack and refuses a score outside the scale', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ gating: { scale: 'nps' } });
    const { token } = await t.open(`/b/${biz.slug}`);
    const ok = await t.post(`/v/${token}/rate`, { rating: '10' }, { accept: 'application/json' });
    expect(JSON.parse(ok.html)).toEqual({ ok: true });
    const bad = await t.post(`/v/${token}/rate`, { rating: '11' }, { accept: 'application/json' });
    expect(bad.res.status).toBe(400);
    await t.post(`/v/${token}/rate`, { rating: '3' });
    expect(t.events('rated')).toEqual([expect.objectContaining({ rating: 3 })]);
  });

  it('stores a testimonial as a hidden direct review unless the business auto-publishes', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const { token } = await t.open(`/b/${biz.slug}`);
    await t.post(`/v/${token}/rate`, { rating: '5' });
    const missing = await t.post(`/v/${token}/testimonial`, {
      rating: '5',
      text: 'Great',
      displayName: 'Jess',
    });
    expect(missing.res.status).toBe(400);
    expect(missing.html).toContain('Please tick this box');
    await t.post(`/v/${token}/testimonial`, {
      rating: '5',
      text: 'Great <3',
      displayName: 'Jess',
      consent: 'yes',
    });
    await t.post(`/v/${token}/testimonial`, {
      rating: '5',
      text: 'Great <3',
      displayName: 'Jess',
      consent: 'yes',
    });
    const reviews = t.db.prepare('SELECT source, content, show_on_widget, rating FROM reviews').all();
    expect(reviews).toEqual([{ source: 'direct', content: 'Great <3', show_on_widget: 0, rating: 5 }]);
    expect(t.events('testimonial_submitted')).toHaveLength(1);
  });
});

describe('landing pages: cards', () => {
  it('counts a tap once per visit, never for a preview robot, and shows an inactive card’s friendly page', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const card = (await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id } })).json.data[0];
    const path = `/t/${card.code}`;

    await t.get(path, { 'user-agent': 'facebookexternalhit/1.1 Facebot Twitterbot/1.0' });
    await t.get(path, { 'user-agent': 'WhatsApp/2.23.20.0' });
    await t.app.request(path, { method: 'HEAD', headers: { 'user-agent': PHONE_UA } });
    await t.get(path, { 'sec-purpose': 'prefetch' });
    expect((await t.call('GET', `/api/v1/cards/${card.id}`)).json.taps).toBe(0);

    const tap = await t.open(path);
    await t.open(path, { cookie: tap.res.headers.get('set-cookie')!.split(';')[0] });
    const got = (await t.call('GET', `/api/v1/cards/${card.id}`)).json;
    expect(got.taps).toBe(1);
    // A view writes no event row: the tap is counted in the card's daily figures (issue 13).
    expect(t.db.prepare('SELECT sum(taps) FROM visit_daily WHERE card_id = ?').pluck().get(card.id)).toBe(1);
    expect(t.events('card_tapped')).toHaveLength(0);

    await t.post(`/v/${tap.token}/rate`, { rating: '2' });
    await t.post(`/v/${tap.token}/feedback`, { comments: 'Meh' });
    expect((await t.call('GET', `/api/v1/cards/${card.id}`)).json.stats).toEqual({
      ratings: 1,
      averageRating: 2,
      completions: 1,
    });

    await t.call('DELETE', `/api/v1/cards/${card.id}`);
    const inactive = await t.get(path);
    const unknown = await t.get('/t/doesNotExist1');
    expect(inactive.res.status).toBe(404);
    expect(unknown.res.status).toBe(404);
    expect(inactive.html).toContain('This link is no longer active');
    expect(inactive.html).toContain(`href="/b/${biz.slug}"`);
    expect(unknown.html).toContain('This link is no longer active');
  });

  it('a preview robot does not mark a request opened', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const rr = t.createRequest(biz.id);
    const preview = await t.get(`/r/${rr.code}`, {
      'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    });
    expect(preview.res.status).toBe(200);
    expect(t.requestRow(rr.id).status).toBe('sent');
    expect(t.count('visits')).toBe(0);
  });
});

describe('landing pages: safety', () => {
  it('sends a CSP with a fresh nonce on every response, used by the inline style', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const { res, html } = await t.get(`/b/${biz.slug}`);
      const csp = res.headers.get('content-security-policy')!;
      for (const rule of [
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        expect(csp).toContain(rule);
      }
      const nonce = csp.match(/'nonce-([^']+)'/)![1];
      expect(html).toContain(`<style nonce="${nonce}">`);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('refuses cross-site posts', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const { token } = await t.open(`/b/${biz.slug}`);
    const bySite = await t.post(
      `/v/${token}/feedback`,
      { rating: '1', comments: 'x' },
      { 'sec-fetch-site': 'cross-site' },
    );
    const byOrigin = await t.app.request(`/v/${token}/feedback`, {
      method: 'POST',
      body: new URLSearchParams({ rating: '1', comments: 'x' }),
      headers: {
        'user-agent': PHONE_UA,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
    });
    expect(bySite.res.status).toBe(403);
    expect(byOrigin.status).toBe(403);
    expect(t.count('feedback')).toBe(0);
  });

  it('silently drops a post whose honeypot is filled', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const { token } = await t.open(`/b/${biz.slug}`);
    const res = await t.post(`/v/${token}/feedback`, {
      rating: '1',
      comments: 'buy pills',
      website: 'http://spam',
    });
    expect(res.res.status).toBe(303);
    expect(t.count('feedback')).toBe(0);
  });

  it('rate-limits repeated misses and posts per IP', async () => {
    const t = landingSetup({ publicRateLimit: 3 });
    const biz = await t.createBusiness();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.get(`/r/unknown${i}`)).res.status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    t.clock.advance(61_000);
    const { token } = await t.open(`/b/${biz.slug}`);
    const posts = [];
    for (let i = 0; i < 4; i++) posts.push((await t.post(`/v/${token}/rate`, { rating: '4' })).res.status);
    expect(posts).toEqual([303, 303, 303, 429]);
  });

  it('makes expired request links look like unknown ones', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness();
    const rr = t.createRequest(biz.id);
    t.clock.advance(181 * 86_400_000);
    const expired = await t.get(`/r/${rr.code}`);
    const unknown = await t.get('/r/zzzzzzzzzzzz');
    expect(expired.res.status).toBe(404);
    expect(expired.html.replace(/nonce="[^"]+"/, '')).toBe(unknown.html.replace(/nonce="[^"]+"/, ''));
  });
});

describe('landing pages: languages', () => {
  it('picks ?lang= over Accept-Language over the business locale, and keeps it through the flow', async () => {
    const t = landingSetup();
    const biz = await t.createBusiness({ locale: 'de' });
    expect((await t.get(`/b/${biz.slug}`)).html).toContain('Wie war Ihr Besuch');
    expect((await t.get(`/b/${biz.slug}`, { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' })).html).toContain(
      'lang="fr"',
    );
    const es = await t.open(`/b/${biz.slug}?lang=es`, { 'accept-language': 'fr' });
    expect(es.html).toContain('¿Qué tal tu visita');
    await t.post(`/v/${es.token}/rate`, { rating: '5' });
    expect((await t.get(`/v/${es.token}`, { 'accept-language': 'fr' })).html).toContain('lang="es"');
    const ar = await t.get(`/b/${biz.slug}?lang=ar`);
    expect(ar.html).toContain('dir="rtl"');
  });
});
