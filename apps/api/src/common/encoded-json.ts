import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type ContentEncoding = 'br' | 'gzip';

/** What @fastify/compress leaves uncompressed (api-app.factory.ts): below 1 KB it is not worth it. */
const COMPRESS_THRESHOLD = 1024;

/**
 * An answer serialised once, with its br and gzip forms made once each when first asked for (off
 * the event loop, in zlib's thread pool). For large answers that many readers get unchanged: the
 * whole-city trends are 1.6 MB of JSON, and serialising and compressing them per request cost more
 * than everything else of the request (issue 11).
 */
export class EncodedJson {
  readonly identity: Buffer;
  private readonly encoded = new Map<ContentEncoding, Promise<Buffer>>();

  /** `json`: the answer's JSON text (a maker may serialise it cheaper than JSON.stringify can, see trendsAnswer). */
  constructor(json: string) {
    this.identity = Buffer.from(json, 'utf8');
  }

  body(encoding: ContentEncoding | null): Promise<Buffer> {
    if (!encoding || this.identity.length < COMPRESS_THRESHOLD) return Promise.resolve(this.identity);
    let made = this.encoded.get(encoding);
    if (!made) {
      // The fastest levels: the first reader of a new answer (right after a write) waits for this.
      // On 1.6 MB of trend JSON they take a fifth to a quarter of the time of brotli 4 and gzip 6
      // (@fastify/compress's levels) for about a fifth more bytes, on a local network.
      made = encoding === 'br'
        ? brotli(this.identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 1, [zlib.BROTLI_PARAM_SIZE_HINT]: this.identity.length } })
        : gzipAsync(this.identity, { level: 1 });
      this.encoded.set(encoding, made);
    }
    return made;
  }

  /** Sends it as the answer to `req` (Nest's passthrough reply): the encoding the client prefers, JSON otherwise. */
  async send(req: FastifyRequest, reply: FastifyReply): Promise<Buffer> {
    const encoding = this.identity.length < COMPRESS_THRESHOLD ? null : preferredEncoding(req.headers['accept-encoding']);
    const body = await this.body(encoding);
    void reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
    // A set Content-Encoding makes @fastify/compress leave the body alone.
    if (encoding) void reply.header('content-encoding', encoding);
    return body;
  }
}

/**
 * The encoding to answer in, from an Accept-Encoding header: br before gzip when both are
 * acceptable (as @fastify/compress chooses), none when neither is (q=0 refuses; `*` stands for both).
 */
export function preferredEncoding(header: string | string[] | undefined): ContentEncoding | null {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return null;
  const q = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: ContentEncoding) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/**
 * Encoded answers by tag, the least recently used dropped once they hold more than `maxBytes`;
 * one making per tag at a time (readers asking for the same answer at once wait for one).
 * A tag must name exactly what `make` returns (e.g. DevelopmentTrendsService.trendsAnswer's tag).
 */
export class EncodedJsonCache {
  private readonly entries = new Map<string, Promise<EncodedJson>>();
  private readonly sizes = new Map<string, number>();
  /** The tag of the newest version made per family. */
  private readonly newest = new Map<string, { tag: string; version: bigint }>();
  private held = 0;

  constructor(private readonly maxBytes: number) {}

  /**
   * The answer for `tag`; `make` returns its JSON text. Answers of one `family` (e.g. one view of
   * the trends, whose versions are the change counter) replace each other: a new version drops the
   * one made before, which nobody asks for once a newer one exists (after writes, instead of
   * filling the cache with 1.6 MB answers of earlier counters). An older version asked for late is
   * made and cached as any answer, and leaves the newest alone.
   */
  get(tag: string, make: () => string, family?: { name: string; version: bigint }): Promise<EncodedJson> {
    const hit = this.entries.get(tag);
    if (hit) {
      // Most recently used last.
      this.entries.delete(tag);
      this.entries.set(tag, hit);
      return hit;
    }
    const newest = family && this.newest.get(family.name);
    if (family && (!newest || newest.version <= family.version)) {
      if (newest) this.drop(newest.tag);
      this.newest.delete(family.name);
      this.newest.set(family.name, { tag, version: family.version });
      // Bounded: the families not asked for the longest are forgotten first (their answers age out by size).
      if (this.newest.size > 4096) this.newest.delete(this.newest.keys().next().value!);
    }
    const made = Promise.resolve().then(() => new EncodedJson(make()));
    this.entries.set(tag, made);
    made.then((json) => this.account(tag, made, json), () => this.entries.get(tag) === made && this.entries.delete(tag));
    return made;
  }

  private account(tag: string, made: Promise<EncodedJson>, json: EncodedJson): void {
    if (this.entries.get(tag) !== made) return;
    // Counted with room for its compressed forms (about a tenth of JSON each), which are made later.
    const size = Math.ceil(json.identity.length * 1.25);
    this.sizes.set(tag, size);
    this.held += size;
    for (const old of this.entries.keys()) {
      if (this.held <= this.maxBytes || old === tag) break;
      this.drop(old);
    }
  }

  private drop(tag: string): void {
    this.entries.delete(tag);
    this.held -= this.sizes.get(tag) ?? 0;
    this.sizes.delete(tag);
  }
}
