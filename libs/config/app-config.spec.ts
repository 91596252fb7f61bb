import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

const server = { DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({ ...server });
    expect(c).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', MIGRATIONS_RUN: true, embedded: false, demoData: false, ACCESS_TOKEN_TTL_SECONDS: 900 });
    expect(c).toMatchObject({ REMINDER_DAYS_BEFORE: '7,1', REMINDER_ESCALATE_AFTER_DAYS: '7,14', REMINDER_HOUR: 8 });
  });

  it('parses numbers and booleans from strings', () => {
    const c = loadConfig({ ...server, PORT: '8080', MIGRATIONS_RUN: 'false', DEMO_DATA: 'yes' });
    expect(c).toMatchObject({ PORT: 8080, MIGRATIONS_RUN: false, demoData: true });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: .*got "eighty"/],
    [{ PORT: '70000' }, /PORT: .*must not be greater than 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must be a postgres:\/\/ URL/],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET: must be at least 32 characters \(got "\*\*\*"\)/],
    [{ MIGRATIONS_RUN: 'maybe' }, /MIGRATIONS_RUN: /],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: /],
    [{ CITY_MIN_LAT: '52', CITY_MAX_LAT: '51' }, /CITY_MIN_LAT: must be below CITY_MAX_LAT/],
    [{ SMTP_URL: 'mail.example.de:25' }, /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL \(got "\*\*\*"\)/],
    [{ SMTP_URL: 'smtp://mail.example.de', MAIL_OUTBOX: 'true' }, /MAIL_OUTBOX: cannot be true together with SMTP_URL/],
    [{ PUBLIC_URL: 'drogenrapport.example.de' }, /PUBLIC_URL: must be an http:\/\/ or https:\/\/ URL/],
    [{ WEBHOOK_TIMEOUT_SECONDS: '0' }, /WEBHOOK_TIMEOUT_SECONDS: /],
    [{ REMINDER_HOUR: '24' }, /REMINDER_HOUR: /],
    [{ REMINDER_DAYS_BEFORE: '7,0' }, /REMINDER_DAYS_BEFORE: must be comma-separated whole days from 1/],
    [{ REMINDER_ESCALATE_AFTER_DAYS: '14' }, /REMINDER_ESCALATE_AFTER_DAYS: must be two different/],
    [{ REMINDER_ESCALATE_AFTER_DAYS: '7,7' }, /REMINDER_ESCALATE_AFTER_DAYS: the two values must differ/],
  ])('names the variable and what it expects: %j', (env, message) => {
    expect(() => loadConfig({ ...server, ...env })).toThrow(message);
  });

  it('requires a JWT secret with a server database, and a server database for the split apps', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toThrow(/JWT_SECRET: required/);
    expect(() => loadConfig({}, { requireServerDatabase: true })).toThrow(ConfigError);
  });

  it('embedded mode: demo data on by default and a signing key kept under DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(a).toMatchObject({ embedded: true, demoData: true });
    expect(a.jwtSecret).toBe(b.jwtSecret);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(a.jwtSecret);
  });

  it('mail: SMTP when SMTP_URL is set; else the .eml outbox in the embedded mode (or with MAIL_OUTBOX), else none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    expect(loadConfig({ ...server, SMTP_URL: 'smtp://u:p@mail.example.de:587' })).toMatchObject({ mailDelivery: 'smtp' });
    expect(loadConfig({ DATA_DIR: dir })).toMatchObject({ mailDelivery: 'outbox', mailOutboxDir: join(dir, 'outbox-mail') });
    expect(loadConfig({ DATA_DIR: dir, SMTP_URL: 'smtp://127.0.0.1:1025' })).toMatchObject({ mailDelivery: 'smtp' });
    expect(loadConfig({ ...server })).toMatchObject({ mailDelivery: 'none', PUBLIC_URL: 'http://127.0.0.1:3000', MAIL_FROM: 'Drogenrapport <drogenrapport@localhost>' });
    expect(loadConfig({ ...server, MAIL_OUTBOX: 'true' })).toMatchObject({ mailDelivery: 'outbox' });
    expect(loadConfig({ DATA_DIR: dir, MAIL_OUTBOX: 'false' })).toMatchObject({ mailDelivery: 'none' });
    expect(loadConfig({ ...server, PUBLIC_URL: 'https://drogenrapport.example.de/' }).PUBLIC_URL).toBe('https://drogenrapport.example.de');
  });

  it('production: refuses demo data, naming the variable, and keeps the API docs off unless API_DOCS=true', () => {
    expect(() => loadConfig({ ...server, NODE_ENV: 'production', DEMO_DATA: 'true' })).toThrow(/DEMO_DATA: must not be true when NODE_ENV=production/);
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    // Embedded production start: no demo city unless asked for (and asking is refused above).
    expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: dir })).toMatchObject({ demoData: false, apiDocs: false });
    expect(loadConfig({ ...server, NODE_ENV: 'production' })).toMatchObject({ demoData: false, apiDocs: false });
    expect(loadConfig({ ...server, NODE_ENV: 'production', API_DOCS: 'true' })).toMatchObject({ apiDocs: true });
    expect(loadConfig({ ...server })).toMatchObject({ apiDocs: true });
    expect(loadConfig({ ...server, API_DOCS: 'off' })).toMatchObject({ apiDocs: false });
    expect(() => loadConfig({ ...server, API_DOCS: 'sometimes' })).toThrow(/API_DOCS: /);
  });
});
