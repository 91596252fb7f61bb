import { AppConfig, loadConfig } from '#config/app-config.js';

/**
 * Config for tests: the local PostgreSQL test database and Redis that `npm test` prepared.
 * Refuses a database whose name lacks "test", so that no test can touch real data.
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_test';
  const dbName = new URL(databaseUrl).pathname.slice(1);
  if (!dbName.includes('test')) throw new Error(`Refusing to use database "${dbName}": its name must contain "test".`);
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    QUEUE_PREFIX: process.env.TEST_QUEUE_PREFIX ?? `drtest_${process.pid}`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: 'error',
    DEMO_DATA: 'false',
    // Tests send X-Forwarded-For to act from distinct client addresses.
    TRUST_PROXY_HOPS: '1',
    // scripts/test.mjs turns the check of the compiled response serializers on.
    ...(process.env.SERIALIZER_CHECK ? { SERIALIZER_CHECK: process.env.SERIALIZER_CHECK } : {}),
    ...overrides,
  });
}
