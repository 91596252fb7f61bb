import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { EncodedJson, EncodedJsonCache, preferredEncoding } from './encoded-json.js';

describe('preferredEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['GZIP;Q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['deflate', null],
    ['br;q=abc, gzip', 'gzip'],
    [['gzip', 'br'], 'br'],
  ])('%j -> %s', (header, expected) => {
    expect(preferredEncoding(header as string | string[] | undefined)).toBe(expected);
  });
});

describe('EncodedJson', () => {
  const big = { items: Array.from({ length: 500 }, (_, i) => ({ i, name: `Bezirk ${i}`, when: new Date(Date.UTC(2026, 0, 1 + i)) })) };

  it('holds the JSON text as UTF-8, and compressed forms that decode to it', async () => {
    const json = new EncodedJson(JSON.stringify(big));
    expect(json.identity.toString('utf8')).toBe(JSON.stringify(big));
    expect(brotliDecompressSync(await json.body('br')).equals(json.identity)).toBe(true);
    expect(gunzipSync(await json.body('gzip')).equals(json.identity)).toBe(true);
    expect(await json.body(null)).toBe(json.identity);
  });

  it('compresses each encoding once', async () => {
    const json = new EncodedJson(JSON.stringify(big));
    expect(await json.body('gzip')).toBe(await json.body('gzip'));
  });

  it('leaves answers under 1 KB uncompressed', async () => {
    const json = new EncodedJson(JSON.stringify({ small: true }));
    expect(await json.body('br')).toBe(json.identity);
  });
});

describe('EncodedJsonCache', () => {
  const payload = (kb: number) => JSON.stringify({ text: 'x'.repeat(kb * 1024) });

  it('makes an answer once per tag, also for readers that ask at the same time', async () => {
    const cache = new EncodedJsonCache(10 * 1024 * 1024);
    let made = 0;
    const make = () => (made++, payload(1));
    const [a, b] = await Promise.all([cache.get('t', make), cache.get('t', make)]);
    expect(a).toBe(b);
    expect(await cache.get('t', make)).toBe(a);
    expect(made).toBe(1);
  });

  it('drops the least recently used answers beyond its size, never the one just made', async () => {
    const cache = new EncodedJsonCache(300 * 1024);
    const made: string[] = [];
    const get = (tag: string) => cache.get(tag, () => (made.push(tag), payload(100)));
    await get('a');
    await get('b');
    await get('a'); // a is now more recent than b
    await get('c'); // over 300 KB with room for compression: b goes
    await get('a');
    await get('b');
    expect(made).toEqual(['a', 'b', 'c', 'b']);
    const huge = new EncodedJsonCache(1024);
    const first = await huge.get('big', () => payload(10));
    expect(await huge.get('big', () => payload(10))).toBe(first);
  });

  it('keeps the newest version of a family only, and leaves it alone when an older one is asked for late', async () => {
    const cache = new EncodedJsonCache(10 * 1024 * 1024);
    const made: string[] = [];
    const get = (tag: string, version: bigint) => cache.get(tag, () => (made.push(tag), payload(1)), { name: 'view', version });
    await get('v1', 1n);
    await get('v2', 2n);
    await get('v2', 2n);
    await get('v1', 1n); // dropped when v2 came: made again, and v2 stays the newest
    await get('v2', 2n);
    await get('v3', 3n);
    await get('v2', 2n); // dropped by v3
    expect(made).toEqual(['v1', 'v2', 'v1', 'v3', 'v2']);
    // Another family is not touched.
    await cache.get('w1', () => (made.push('w1'), payload(1)), { name: 'other', version: 1n });
    await get('v3', 3n);
    expect(made).toEqual(['v1', 'v2', 'v1', 'v3', 'v2', 'w1']);
  });

  it('forgets a failed making, so that the next reader tries again', async () => {
    const cache = new EncodedJsonCache(1024 * 1024);
    await expect(cache.get('t', () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(cache.get('t', () => payload(1))).resolves.toBeInstanceOf(EncodedJson);
  });
});
