import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { TEST_PASSWORD } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
/**
 * Each test acts from its own client address, so the per-IP throttle of one does not hit another,
 * nor the failures an earlier run on the same database left in the window (random, not counted).
 */
const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

function signJwt(header: object, payload: object, secret: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const login = (email: string, password: string, from = ip()) =>
  request(t.server).post('/api/v1/auth/login').set('x-forwarded-for', from).send({ email, password });

/** Retry-After: whole seconds, at least 1, at most the lock window. */
function expectRetryAfter(res: request.Response, maxSeconds: number): void {
  expect(res.headers['retry-after']).toMatch(/^[1-9][0-9]*$/);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(maxSeconds);
}

describe('login', () => {
  it('signs in with e-mail and password and /me returns person, agency and roles', async () => {
    const { person, agency } = await t.make.person(['liaison', 'coordinator']);
    const res = await login(person.email.toUpperCase(), TEST_PASSWORD).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: person.id, email: person.email, agency: { id: agency.id, code: agency.code }, roles: ['liaison', 'coordinator'] });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    const { person } = await t.make.person();
    const wrong = await login(person.email, 'not-the-password').expect(401);
    const unknown = await login(`nobody-${randomUUID()}@test.invalid`, 'not-the-password').expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    // Letters whose lower case differs between JavaScript and the database are still just an unknown address.
    expect((await login(`İSTANBUL-${randomUUID()}@test.invalid`, 'not-the-password').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
  });

  it('names the missing or mistyped field instead of a vague 401', async () => {
    const res = await request(t.server).post('/api/v1/auth/login').send({ email: 42 }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('locks an account after 5 failures and says so, with Retry-After, even for the right password', async () => {
    const { person } = await t.make.person();
    for (let i = 0; i < 4; i++) expect((await login(person.email, 'wrong-password-x').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    const fifth = await login(person.email, 'wrong-password-x').expect(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    expectRetryAfter(fifth, t.config.LOGIN_LOCK_MINUTES * 60);
    const right = await login(person.email, TEST_PASSWORD).expect(423);
    expect(right.body.detail).toMatch(/paused/);
    expectRetryAfter(right, t.config.LOGIN_LOCK_MINUTES * 60);
  });

  it('an unknown address, a deactivated account and a wrong password answer byte for byte alike, before and after the lock', async () => {
    const { person } = await t.make.person();
    const { person: inactive } = await t.make.person(['liaison'], { active: false });
    const unknown = `nobody-${randomUUID()}@test.invalid`;
    // The deactivated account gets its right password: it must still look like a wrong one.
    const tries: Array<[string, string]> = [[person.email, 'wrong-password-x'], [unknown, 'wrong-password-x'], [inactive.email, TEST_PASSWORD]];
    const answers = async () => Promise.all(tries.map(([email, password]) => login(email, password)));
    const sameBytes = (rs: request.Response[]) => {
      const texts = rs.map((r) => r.text.replace(r.body.requestId, '<request-id>'));
      expect(new Set(texts).size).toBe(1);
      expect(new Set(rs.map((r) => `${r.status} ${r.headers['content-type']}`)).size).toBe(1);
    };
    for (let i = 0; i < 4; i++) {
      const rs = await answers();
      expect(rs.map((r) => r.status)).toEqual([401, 401, 401]);
      expect(rs[0]!.body.code).toBe('INVALID_CREDENTIALS');
      expect(rs.map((r) => r.headers['retry-after'])).toEqual([undefined, undefined, undefined]);
      sameBytes(rs);
    }
    // The fifth failure locks all three addresses alike, and the lock holds for the right password too.
    for (const rs of [await answers(), await Promise.all([login(person.email, TEST_PASSWORD), login(unknown, TEST_PASSWORD), login(inactive.email, TEST_PASSWORD)])]) {
      expect(rs.map((r) => r.status)).toEqual([423, 423, 423]);
      expect(rs[0]!.body.code).toBe('ACCOUNT_LOCKED');
      for (const r of rs) expectRetryAfter(r, t.config.LOGIN_LOCK_MINUTES * 60);
      sameBytes(rs);
    }
  });

  it('every refusal before the lock costs one password verification, whether the account exists or not', async () => {
    const { person } = await t.make.person();
    const { person: inactive } = await t.make.person(['liaison'], { active: false });
    const unknown = `nobody-${randomUUID()}@test.invalid`;
    const took = { wrong: [] as number[], unknown: [] as number[], inactive: [] as number[] };
    const time = async (email: string, password: string) => {
      const started = performance.now();
      await login(email, password).expect(401);
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) {
      took.wrong.push(await time(person.email, 'wrong-password-x'));
      took.unknown.push(await time(unknown, 'wrong-password-x'));
      took.inactive.push(await time(inactive.email, TEST_PASSWORD));
    }
    // The fastest of each: load on the machine only makes requests slower, never faster. Without
    // the verification an unknown address answers in a few ms against ~90 ms of argon2.
    const fastest = (xs: number[]) => Math.min(...xs);
    expect(fastest(took.unknown)).toBeGreaterThan(fastest(took.wrong) * 0.5);
    expect(fastest(took.inactive)).toBeGreaterThan(fastest(took.wrong) * 0.5);
  });

  it('parallel guesses cannot get past the limit', async () => {
    const { person } = await t.make.person();
    const rs = await Promise.all(Array.from({ length: 12 }, () => login(person.email, 'wrong-password-x')));
    expect(rs.filter((r) => r.status === 401)).toHaveLength(t.config.LOGIN_MAX_FAILURES_PER_ACCOUNT - 1);
    expect(rs.filter((r) => r.status === 423)).toHaveLength(12 - (t.config.LOGIN_MAX_FAILURES_PER_ACCOUNT - 1));
  });

  it('a successful sign-in clears the count of earlier failures', async () => {
    const { person } = await t.make.person();
    for (let i = 0; i < 4; i++) await login(person.email, 'wrong-password-x').expect(401);
    await login(person.email, TEST_PASSWORD).expect(200);
    for (let i = 0; i < 4; i++) await login(person.email, 'wrong-password-x').expect(401);
    await login(person.email, TEST_PASSWORD).expect(200);
  });

  it('an administrator\'s password reset lifts the lock', async () => {
    const admin = await t.make.person(['admin']);
    const { person } = await t.make.person();
    for (let i = 0; i < 5; i++) await login(person.email, 'wrong-password-x');
    await login(person.email, TEST_PASSWORD).expect(423);
    await request(t.server).post(`/api/v1/people/${person.id}/password`).set(admin.auth).send({ newPassword: 'A-Reset-Password-2026' }).expect(204);
    await login(person.email, 'A-Reset-Password-2026').expect(200);
  });

  it('throttles failed logins per client address', async () => {
    const from = ip();
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES_PER_IP; i++) await login(`nobody-${randomUUID()}@test.invalid`, 'x', from).expect(401);
    const { person } = await t.make.person();
    const res = await login(person.email, TEST_PASSWORD, from).expect(429);
    expect(res.body.code).toBe('TOO_MANY_ATTEMPTS');
    expectRetryAfter(res, t.config.LOGIN_LOCK_MINUTES * 60);
    await login(person.email, TEST_PASSWORD, ip()).expect(200);
  }, 120_000); // 32 deliberately slow password verifications (argon2): over 30 s on a loaded 2-core machine

  it('refuses a deactivated account after a correct password as if the password were wrong', async () => {
    const { person } = await t.make.person(['liaison'], { active: false });
    expect((await login(person.email, TEST_PASSWORD).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('access tokens', () => {
  it('refuses a token that expired after it was accepted (kept as verified only until its exp)', async () => {
    const { person, token } = await t.make.person();
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    const exp = Math.floor(Date.now() / 1000) + 2;
    const short = signJwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, sub: person.id, iat: exp - 60, exp }, t.config.jwtSecret);
    const get = () => request(t.server).get('/api/v1/me').set('authorization', `Bearer ${short}`);
    await get().expect(200);
    await get().expect(200);
    // Until the second after exp, then refused although it was verified before.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 50));
    expect((await get().expect(401)).body.code).toBe('TOKEN_EXPIRED');
    // The scheme in any case, as before; another scheme or none is no token at all.
    expect((await request(t.server).get('/api/v1/me').set('authorization', `bearer ${token}`).expect(200)).body.id).toBe(person.id);
    expect((await request(t.server).get('/api/v1/me').set('authorization', `Basic ${token}`).expect(401)).body.code).toBe('AUTH_REQUIRED');
    expect((await request(t.server).get('/api/v1/me').set('authorization', 'Bearer').expect(401)).body.code).toBe('AUTH_REQUIRED');
  });

  it('refuses a request without a token', async () => {
    expect((await request(t.server).get('/api/v1/me').expect(401)).body.code).toBe('AUTH_REQUIRED');
  });

  it('refuses tampered, expired, alg:none, foreign-key and wrong-audience tokens', async () => {
    const { person, token } = await t.make.person();
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${s}`;
    const now = Math.floor(Date.now() / 1000);
    const secret = t.config.jwtSecret;
    const base = { sub: person.id, sid: claims.sid, agency: person.agencyId, roles: ['admin'], iss: t.config.JWT_ISSUER, aud: t.config.JWT_AUDIENCE };
    const expired = signJwt({ alg: 'HS256', typ: 'JWT' }, { ...base, iat: now - 7200, exp: now - 3600 }, secret);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...base, exp: now + 600 })).toString('base64url')}.`;
    const otherKey = signJwt({ alg: 'HS256', typ: 'JWT' }, { ...base, exp: now + 600 }, 'another-key-another-key-another-key-000');
    const wrongAud = signJwt({ alg: 'HS256', typ: 'JWT' }, { ...base, aud: 'someone-else', exp: now + 600 }, secret);
    const hs512 = signJwt({ alg: 'HS512', typ: 'JWT' }, { ...base, exp: now + 600 }, secret);
    const get = (tk: string) => request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${tk}`);
    expect((await get(tampered).expect(401)).body.code).toBe('TOKEN_INVALID');
    expect((await get(expired).expect(401)).body.code).toBe('TOKEN_EXPIRED');
    expect((await get(none).expect(401)).body.code).toBe('TOKEN_INVALID');
    expect((await get(otherKey).expect(401)).body.code).toBe('TOKEN_INVALID');
    expect((await get(wrongAud).expect(401)).body.code).toBe('TOKEN_INVALID');
    expect((await get(hs512).expect(401)).body.code).toBe('TOKEN_INVALID');
    await get(token).expect(200);
  });
});

describe('refresh tokens and sessions', () => {
  it('rotates the refresh token on every use', async () => {
    const { refreshToken } = await t.make.person();
    const first = await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(refreshToken);
    const second = await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);
  });

  it('a refresh token used twice revokes the whole family', async () => {
    const { refreshToken, token } = await t.make.person();
    const rotated = await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
    const replay = await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    expect((await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401)).body.code).toBe('SESSION_ENDED');
    expect((await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${rotated.body.accessToken}`).expect(401)).body.code).toBe('SESSION_ENDED');
    expect((await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401)).body.code).toBe('SESSION_ENDED');
  });

  it('refuses a forged or malformed refresh token', async () => {
    const { refreshToken } = await t.make.person();
    const forged = `${refreshToken.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken: forged }).expect(401)).body.code).toBe('REFRESH_TOKEN_INVALID');
    expect((await request(t.server).post('/api/v1/auth/refresh').send({}).expect(400)).body.field).toBe('refreshToken');
  });

  it('a refresh token of the wrong shape is an invalid token (401), never a 500', async () => {
    const { refreshToken } = await t.make.person();
    const [id, secret] = refreshToken.split('.') as [string, string];
    const malformed = [
      'nonsense', `${'-'.repeat(36)}.${secret}`, `${'0'.repeat(36)}.${secret}`, `not-a-uuid.${secret}`, `.${secret}`, `${id}.`, id,
      `${id}.${secret}.extra`, `${id}..${secret}`, `${id}.${secret}.`, `${id.toUpperCase()}x.${secret}`, `${id}.${'é'.repeat(30)}`,
    ];
    for (const bad of malformed) {
      const res = await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken: bad });
      expect({ bad, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ bad, status: 401, code: 'REFRESH_TOKEN_INVALID', field: 'refreshToken' });
    }
    // None of them touched the real token's session.
    await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
  });

  it('logout ends the session at once', async () => {
    const { auth, refreshToken } = await t.make.person();
    await request(t.server).post('/api/v1/auth/logout').set(auth).expect(204);
    expect((await request(t.server).get('/api/v1/me').set(auth).expect(401)).body.code).toBe('SESSION_ENDED');
    await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
  });

  it('a password change ends the other sessions and keeps the current one', async () => {
    const { person, auth } = await t.make.person();
    const other = await login(person.email, TEST_PASSWORD).expect(200);
    await request(t.server).post('/api/v1/me/password').set(auth).send({ oldPassword: 'wrong-old-password', newPassword: 'A-New-Password-2026' }).expect(422);
    await request(t.server).post('/api/v1/me/password').set(auth).send({ oldPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
    await request(t.server).post('/api/v1/me/password').set(auth).send({ oldPassword: TEST_PASSWORD, newPassword: 'A-New-Password-2026' }).expect(204);
    await request(t.server).get('/api/v1/me').set(auth).expect(200);
    await request(t.server).get('/api/v1/me').set('Authorization', `Bearer ${other.body.accessToken}`).expect(401);
    await login(person.email, TEST_PASSWORD).expect(401);
    await login(person.email, 'A-New-Password-2026').expect(200);
  });

  it('the old-password check of a password change counts toward the sign-in lock', async () => {
    const { person, auth } = await t.make.person();
    const change = (oldPassword: string) => request(t.server).post('/api/v1/me/password').set(auth).set('x-forwarded-for', ip()).send({ oldPassword, newPassword: 'A-New-Password-2026' });
    await login(person.email, 'wrong-password-x').expect(401);
    await login(person.email, 'wrong-password-x').expect(401);
    for (let i = 0; i < 2; i++) expect((await change('wrong-old-password').expect(422)).body.code).toBe('OLD_PASSWORD_WRONG');
    const fifth = await change('wrong-old-password').expect(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    expectRetryAfter(fifth, t.config.LOGIN_LOCK_MINUTES * 60);
    // Locked for both ways of checking the password, even with the right one.
    expect((await change(TEST_PASSWORD).expect(423)).body.code).toBe('ACCOUNT_LOCKED');
    await login(person.email, TEST_PASSWORD).expect(423);
    // The session in hand stays usable.
    await request(t.server).get('/api/v1/me').set(auth).expect(200);
  });

  it('deactivating a person ends their sessions at once', async () => {
    const admin = await t.make.person(['admin']);
    const { person, auth } = await t.make.person();
    await request(t.server).get('/api/v1/me').set(auth).expect(200);
    await request(t.server).post(`/api/v1/people/${person.id}/deactivate`).set(admin.auth).expect(200);
    expect((await request(t.server).get('/api/v1/me').set(auth).expect(401)).body.code).toBe('ACCOUNT_DISABLED');
  });
});
