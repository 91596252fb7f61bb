import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { REFRESH_REUSE_GRACE_SECONDS } from '#domain/auth/sessions.service.js';
import { TEST_PASSWORD } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/** The web interface's sign-in: refresh token in an httpOnly cookie, CSRF-protected (issue 10). */
let t: TestApp;
const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const CSRF = { 'x-drogenrapport-csrf': '1' };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function refreshCookie(res: request.Response): { value: string; attributes: string } | undefined {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('drogenrapport_refresh='));
  if (!raw) return undefined;
  const [pair, ...attributes] = raw.split(';').map((s) => s.trim());
  return { value: pair!.slice('drogenrapport_refresh='.length), attributes: attributes.join('; ') };
}

function refresh(cookie: string) {
  return request(t.server).post('/api/v1/auth/session/refresh').set(CSRF).set('cookie', `drogenrapport_refresh=${cookie}`);
}

function browserLogin(email: string, headers: Record<string, string> = CSRF) {
  return request(t.server).post('/api/v1/auth/session').set('x-forwarded-for', ip()).set(headers).send({ email, password: TEST_PASSWORD });
}

describe('browser sign-in with the refresh cookie', () => {
  it('signs in: the access token in the body, the refresh token only in an httpOnly, SameSite=Strict cookie on the session path', async () => {
    const { person } = await t.make.person();
    const res = await browserLogin(person.email).expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    expect(res.body.refreshToken).toBeUndefined();
    const cookie = refreshCookie(res)!;
    expect(cookie.value.length).toBeGreaterThan(20);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Strict/);
    expect(cookie.attributes).toMatch(/Path=\/api\/v1\/auth\/session(;|$)/);
    expect(cookie.attributes).not.toMatch(/Secure/); // 127.0.0.1: browsers allow no https there
    await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
  });

  it('marks the cookie Secure outside localhost', async () => {
    const { person } = await t.make.person();
    const res = await request(t.server).post('/api/v1/auth/session').set('host', 'drogenrapport.example').set('origin', 'http://drogenrapport.example')
      .set('x-forwarded-for', ip()).set(CSRF).send({ email: person.email, password: TEST_PASSWORD }).expect(200);
    expect(refreshCookie(res)!.attributes).toMatch(/Secure/);
  });

  it('refreshes from the cookie (a reload): a new access token, the cookie rotated', async () => {
    const { person } = await t.make.person();
    const first = refreshCookie(await browserLogin(person.email).expect(200))!;
    const res = await refresh(first.value).expect(200);
    const me = await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.id).toBe(person.id);
    const second = refreshCookie(res)!;
    expect(second.value).not.toBe(first.value);
    expect(second.attributes).toMatch(/HttpOnly/);
    const third = refreshCookie(await refresh(second.value).expect(200))!;
    expect(third.value).not.toBe(second.value);
  });

  it('two tabs refreshing with the same cookie at the same moment both stay signed in, holding the same next cookie', async () => {
    const { person } = await t.make.person();
    const first = refreshCookie(await browserLogin(person.email).expect(200))!;
    const [a, b] = await Promise.all([refresh(first.value), refresh(first.value)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const next = refreshCookie(a)!.value;
    expect(refreshCookie(b)!.value).toBe(next);
    expect(next).not.toBe(first.value);
    for (const r of [a, b]) await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${r.body.accessToken}`).expect(200);
    // A tab that reloaded twice meanwhile moved the line on: the late request of the other tab gets its end.
    const after = refreshCookie(await refresh(next).expect(200))!.value;
    expect(refreshCookie(await refresh(first.value).expect(200))!.value).toBe(after);
    // The line goes on from there, the session alive.
    await refresh(after).expect(200);
  });

  it('a tab rotating its new cookie while another tab\'s late request still carries the old one: both answered, the session alive', async () => {
    const { person } = await t.make.person();
    let cookie = refreshCookie(await browserLogin(person.email).expect(200))!.value;
    for (let i = 0; i < 5; i++) {
      const next = refreshCookie(await refresh(cookie).expect(200))!.value;
      const [fresh, late] = await Promise.all([refresh(next), refresh(cookie)]);
      expect([fresh.status, late.status]).toEqual([200, 200]);
      cookie = refreshCookie(fresh)!.value;
    }
    await refresh(cookie).expect(200);
  });

  it('a cookie used again after the grace window ends the session (reuse detection), and every token of it', async () => {
    const { person } = await t.make.person();
    const first = refreshCookie(await browserLogin(person.email).expect(200))!;
    const rotated = await refresh(first.value).expect(200);
    // As if the first use were longer ago than the window.
    await t.db.query(`UPDATE refresh_tokens SET used_at = used_at - make_interval(secs => $2) WHERE id = $1`, [first.value.split('.')[0], REFRESH_REUSE_GRACE_SECONDS + 1]);
    const replay = await refresh(first.value).expect(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    expect(refreshCookie(replay)!.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await refresh(refreshCookie(rotated)!.value).expect(401)).body.code).toBe('SESSION_ENDED');
    await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${rotated.body.accessToken}`).expect(401);
  });

  it('the grace window is no way around the checks: a forged secret, a signed-out session, the JSON token API', async () => {
    const { person } = await t.make.person();
    const first = refreshCookie(await browserLogin(person.email).expect(200))!;
    await refresh(first.value).expect(200);
    const [id] = first.value.split('.') as [string];
    expect((await refresh(`${id}.${'A'.repeat(43)}`).expect(401)).body.code).toBe('REFRESH_TOKEN_INVALID');
    // The JSON token API keeps one use per token: its clients hold their token alone.
    const json = await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken: first.value }).expect(401);
    expect(json.body.code).toBe('REFRESH_TOKEN_REUSED');
    expect((await refresh(first.value).expect(401)).body.code).toBe('SESSION_ENDED');

    const other = refreshCookie(await browserLogin((await t.make.person()).person.email).expect(200))!;
    const next = await refresh(other.value).expect(200);
    await request(t.server).post('/api/v1/auth/session/logout').set(CSRF).set('Authorization', `Bearer ${next.body.accessToken}`).expect(204);
    expect((await refresh(other.value).expect(401)).body.code).toBe('SESSION_ENDED');
  });

  it('answers 401 NOT_SIGNED_IN without a cookie', async () => {
    const res = await request(t.server).post('/api/v1/auth/session/refresh').set(CSRF).expect(401);
    expect(res.body.code).toBe('NOT_SIGNED_IN');
  });

  it('refuses the cookie routes without the CSRF header, from another origin or another site (403 CSRF_REJECTED), and keeps the session', async () => {
    const { person } = await t.make.person();
    const cookie = refreshCookie(await browserLogin(person.email).expect(200))!;
    const send = (headers: Record<string, string>) =>
      request(t.server).post('/api/v1/auth/session/refresh').set('cookie', `drogenrapport_refresh=${cookie.value}`).set(headers);
    for (const headers of [{}, { 'x-drogenrapport-csrf': 'yes' }, { ...CSRF, origin: 'https://evil.example' }, { ...CSRF, 'sec-fetch-site': 'cross-site' }] as Array<Record<string, string>>) {
      const res = await send(headers).expect(403);
      expect(res.body).toMatchObject({ code: 'CSRF_REJECTED', field: 'x-drogenrapport-csrf' });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // Sign-in is protected the same way (login CSRF), before the password is even checked.
    expect((await browserLogin(person.email, {}).expect(403)).body.code).toBe('CSRF_REJECTED');
    // None of the refused requests used the token: it still works, from this origin.
    const host = 'drogenrapport.example';
    await send({ ...CSRF, host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' }).expect(200);
  });

  it('signs out: the session ends, the cookie is deleted, neither token works any more', async () => {
    const { person } = await t.make.person();
    const login = await browserLogin(person.email).expect(200);
    const cookie = refreshCookie(login)!;
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    expect((await request(t.server).post('/api/v1/auth/session/logout').set(auth).expect(403)).body.code).toBe('CSRF_REJECTED');
    const out = await request(t.server).post('/api/v1/auth/session/logout').set(auth).set(CSRF).set('cookie', `drogenrapport_refresh=${cookie.value}`).expect(204);
    const cleared = refreshCookie(out)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toMatch(/Path=\/api\/v1\/auth\/session/);
    expect(cleared.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    await request(t.server).get('/api/v1/me').set(auth).expect(401);
    await request(t.server).post('/api/v1/auth/session/refresh').set(CSRF).set('cookie', `drogenrapport_refresh=${cookie.value}`).expect(401);
  });

  it('leaves the JSON token API as it was: no cookie there', async () => {
    const { person } = await t.make.person();
    const res = await request(t.server).post('/api/v1/auth/login').set('x-forwarded-for', ip()).send({ email: person.email, password: TEST_PASSWORD }).expect(200);
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('web config', () => {
  it('tells the interface, before sign-in, whether there are map tiles and where the city is', async () => {
    const res = await request(t.server).get('/api/v1/web-config').expect(200);
    expect(res.body).toEqual({ mapTileUrl: null, mapTileAttribution: null, cityBounds: { minLat: expect.any(Number), maxLat: expect.any(Number), minLon: expect.any(Number), maxLon: expect.any(Number) } });
  });
});

describe('the web interface from the same origin', () => {
  it('serves index.html at / and at the interface\'s own paths, with a strict CSP and no caching', async () => {
    for (const path of ['/', '/meldungen', '/meldungen/0b6f7b0e-1d7a-4a53-9d0e-2f5d2c1f7e11', '/anmelden?x=1']) {
      const res = await request(t.server).get(path).expect(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  it('serves the hashed assets for a year and has no inline script in the page', async () => {
    const html = (await request(t.server).get('/').expect(200)).text;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const res = await request(t.server).get(script).expect(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the API\'s unknown paths a problem+json 404 with the API\'s CSP', async () => {
    for (const path of ['/api/v1/nothing-here', '/api/nothing', '/health/nothing']) {
      const res = await request(t.server).get(path).expect(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    const post = await request(t.server).post('/meldungen').send({}).expect(404);
    expect(post.headers['content-type']).toContain('application/problem+json');
  });

  it('adds the tile host to the CSP only when MAP_TILE_URL is set', async () => {
    const tiles = await createTestApp({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© Beispiel' });
    try {
      const res = await request(tiles.server).get('/').expect(200);
      expect(res.headers['content-security-policy']).toContain("img-src 'self' data: https://tiles.example.org");
      expect((await request(tiles.server).get('/api/v1/web-config').expect(200)).body).toMatchObject({ mapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', mapTileAttribution: '© Beispiel' });
    } finally {
      await tiles.close();
    }
    expect((await request(t.server).get('/').expect(200)).headers['content-security-policy']).toContain("img-src 'self' data:;");
  });
});
