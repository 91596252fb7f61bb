import { connect, Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createLogger } from '#config/logger.js';
import { PGliteServer } from './pglite-server.js';

const PASSWORD = 'a-password-only-this-test-knows';

/** A minimal wire-protocol client, for what node-postgres cannot send (pipelines, COPY). */
class RawClient {
  private buf = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  readonly messages: Array<{ type: string; body: Buffer }> = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      while (this.buf.length >= 5 && this.buf.length >= this.buf.readInt32BE(1) + 1) {
        const len = this.buf.readInt32BE(1) + 1;
        this.messages.push({ type: String.fromCharCode(this.buf[0]!), body: this.buf.subarray(5, len) });
        this.buf = this.buf.subarray(len);
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(port: number): Promise<RawClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', () => r()));
    const c = new RawClient(socket);
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196608, 4);
    socket.write(Buffer.concat([startup, params]));
    await c.until((m) => m.type === 'R');
    socket.write(msg('p', cstr(PASSWORD)));
    await c.until((m) => m.type === 'Z');
    c.messages.length = 0;
    return c;
  }

  send(...parts: Buffer[]): void {
    this.socket.write(Buffer.concat(parts));
  }

  /** Waits for a message matching `pred` and returns everything received up to it (then forgets it). */
  async until(pred: (m: { type: string; body: Buffer }) => boolean): Promise<Array<{ type: string; body: Buffer }>> {
    for (;;) {
      const i = this.messages.findIndex(pred);
      if (i >= 0) return this.messages.splice(0, i + 1);
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

function cstr(s: string): Buffer {
  return Buffer.from(`${s}\0`, 'utf8');
}
function int16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
}
function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
function msg(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
}
const parse = (sql: string) => msg('P', Buffer.concat([cstr(''), cstr(sql), int16(0)]));
const bind = () => msg('B', Buffer.concat([cstr(''), cstr(''), int16(0), int16(0), int16(0)]));
const execute = () => msg('E', Buffer.concat([cstr(''), int32(0)]));
const sync = () => msg('S');
const query = (sql: string) => msg('Q', cstr(sql));

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms); });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('PGliteServer (the embedded database front)', () => {
  let db: PGlite;
  let server: PGliteServer;
  let port: number;
  const logLines: string[] = [];
  const clients: pg.Client[] = [];

  async function client(password = PASSWORD, p = port): Promise<pg.Client> {
    const c = new pg.Client({ host: '127.0.0.1', port: p, user: 'postgres', database: 'postgres', password });
    c.on('error', () => undefined);
    await c.connect();
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, note text)');
    const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
    server = new PGliteServer(db, { password: PASSWORD, idleInTransactionMs: 1500, maxMessageBytes: 4 * 1024 * 1024, logger: createLogger('info', 'pglite-test', sink) });
    port = await server.listen();
  });

  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => undefined);
    await server.close();
    await db.close();
  });

  it('refuses a connection without the password, or with a wrong one', async () => {
    await expect(client('')).rejects.toThrow();
    await expect(client('wrong')).rejects.toMatchObject({ code: '28P01' });
    const ok = await client();
    expect((await ok.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('keeps interleaved extended-protocol queries from several connections apart', async () => {
    const cs = await Promise.all([client(), client(), client(), client()]);
    const results = await Promise.all(cs.flatMap((c, ci) => Array.from({ length: 25 }, async (_, i) => {
      const { rows } = await c.query('SELECT $1::int + $2::int AS sum, $3::text AS tag', [ci, i, `c${ci}-q${i}`]);
      return rows[0].sum === ci + i && rows[0].tag === `c${ci}-q${i}`;
    })));
    expect(results.every(Boolean)).toBe(true);
  });

  it('keeps the named prepared statements of each connection apart (one session), and deallocates them when it goes away', async () => {
    const named = (c: pg.Client, text: string, v: number) => c.query({ name: 'same_name', text, values: [v] });
    const [a, b] = await Promise.all([client(), client()]);
    // The same name on two connections, even with different texts: each runs its own statement.
    expect((await named(a, 'SELECT $1::int + 1 AS x', 1)).rows).toEqual([{ x: 2 }]);
    expect((await named(b, 'SELECT $1::int * 10 AS x', 2)).rows).toEqual([{ x: 20 }]);
    expect((await named(a, 'SELECT $1::int + 1 AS x', 3)).rows).toEqual([{ x: 4 }]);
    expect((await named(b, 'SELECT $1::int * 10 AS x', 4)).rows).toEqual([{ x: 40 }]);
    const ofSession = async () => (await db.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE name LIKE '%same_name' ORDER BY name`)).rows.length;
    expect(await ofSession()).toBe(2);
    await a.end();
    for (let i = 0; i < 50 && (await ofSession()) > 1; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await ofSession()).toBe(1);
    // A new connection may use the name again.
    const c = await client();
    expect((await named(c, 'SELECT $1::int - 1 AS x', 5)).rows).toEqual([{ x: 4 }]);
    expect((await named(b, 'SELECT $1::int * 10 AS x', 6)).rows).toEqual([{ x: 60 }]);
  });

  it('rolls back and frees the session when a connection goes away inside a transaction', async () => {
    const a = await client();
    const b = await client();
    await a.query('BEGIN');
    await a.query('INSERT INTO t (id, note) VALUES (1, $1)', ['left open']);
    // While A holds the session, B waits; when A's socket dies, B goes on and A's row is gone.
    const waiting = b.query('SELECT count(*)::int AS n FROM t');
    (a as unknown as { connection: { stream: Socket } }).connection.stream.destroy();
    expect((await withTimeout(waiting, 5000, 'query after the disconnect')).rows[0].n).toBe(0);
    expect(db.isInTransaction()).toBe(false);
  });

  it('answers an error in the middle of a pipeline once, skips the rest up to Sync, and goes on', async () => {
    const raw = await RawClient.open(port);
    const other = await client();
    raw.send(parse('SELECT 1/0'), bind(), execute(), parse('SELECT 42'), bind(), execute(), sync());
    const [answer, meanwhile] = await Promise.all([raw.until((m) => m.type === 'Z'), other.query('SELECT 7 AS seven')]);
    // ParameterStatus ('S') may come at any time; the rest: the first Parse, its error, and nothing
    // of the second statement until ReadyForQuery.
    const types = answer.map((m) => m.type).filter((t) => t !== 'S');
    expect(types).toEqual(['1', 'E', 'Z']);
    expect(answer.find((m) => m.type === 'E')!.body.toString()).toContain('22012');
    expect(meanwhile.rows).toEqual([{ seven: 7 }]);
    raw.send(query('SELECT 5'));
    const next = await raw.until((m) => m.type === 'Z');
    expect(next.map((m) => m.type).filter((t) => t !== 'S')).toEqual(['T', 'D', 'C', 'Z']);
    raw.close();
  });

  it('passes a large message, and closes only the connection that sends one over the limit', async () => {
    const c = await client();
    const big = 'x'.repeat(3 * 1024 * 1024);
    expect((await c.query('SELECT length($1::text) AS n', [big])).rows).toEqual([{ n: big.length }]);
    const tooBig = 'y'.repeat(5 * 1024 * 1024);
    await expect(c.query('SELECT length($1::text) AS n', [tooBig])).rejects.toThrow();
    expect(logLines.some((l) => l.includes('over the size limit'))).toBe(true);
    const d = await client();
    expect((await d.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('runs COPY FROM STDIN and COPY TO STDOUT (PGlite alone dies on the former), others going on meanwhile', async () => {
    const raw = await RawClient.open(port);
    const other = await client();
    raw.send(query('COPY t (id, note) FROM STDIN'));
    await raw.until((m) => m.type === 'G');
    // While the client uploads, the other connections are served.
    expect((await withTimeout(other.query('SELECT 3 AS three'), 5000, 'query during a COPY')).rows).toEqual([{ three: 3 }]);
    raw.send(msg('d', Buffer.from('100\tcopied one\n')));
    raw.send(msg('d', Buffer.from('101\tcopied two\n')), msg('c'));
    const done = await raw.until((m) => m.type === 'Z');
    expect(done.map((m) => m.type).filter((t) => t !== 'S')).toEqual(['C', 'Z']);
    expect((await other.query('SELECT count(*)::int AS n FROM t WHERE id >= 100')).rows[0].n).toBe(2);

    // CopyFail: nothing stored, the connection goes on.
    raw.send(query('COPY t (id, note) FROM STDIN'));
    await raw.until((m) => m.type === 'G');
    raw.send(msg('d', Buffer.from('102\tnever\n')), msg('f', cstr('client gave up')));
    const failed = await raw.until((m) => m.type === 'Z');
    expect(failed.map((m) => m.type).filter((t) => t !== 'S')).toEqual(['E', 'Z']);
    expect((await other.query('SELECT count(*)::int AS n FROM t WHERE id = 102')).rows[0].n).toBe(0);

    raw.send(query('COPY (SELECT id, note FROM t WHERE id >= 100 ORDER BY id) TO STDOUT'));
    const out = await raw.until((m) => m.type === 'Z');
    expect(out.map((m) => m.type).filter((t) => t !== 'S')).toEqual(['H', 'd', 'd', 'c', 'C', 'Z']);
    expect(out.filter((m) => m.type === 'd').map((m) => m.body.toString())).toEqual(['100\tcopied one\n', '101\tcopied two\n']);
    raw.close();
  });

  it('delivers NOTIFY to the connections that LISTEN, across connections, also after another one UNLISTENs', async () => {
    const listener = await client();
    const quitter = await client();
    const sender = await client();
    const heard: string[] = [];
    const senderHeard: string[] = [];
    listener.on('notification', (n) => heard.push(`${n.channel}:${n.payload}`));
    sender.on('notification', (n) => senderHeard.push(`${n.channel}:${n.payload}`));
    await listener.query('LISTEN bullmq_jobs');
    await quitter.query('LISTEN bullmq_jobs');
    await quitter.query('UNLISTEN bullmq_jobs');
    await sender.query(`SELECT pg_notify('bullmq_jobs', 'maintenance')`);
    await sender.query(`NOTIFY bullmq_jobs, 'second'`);
    for (let i = 0; i < 50 && heard.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual(['bullmq_jobs:maintenance', 'bullmq_jobs:second']);
    expect(senderHeard).toEqual([]);
  });

  it('rolls back and closes a connection left idle inside a transaction, and says so in the log', async () => {
    const idle = await client();
    const other = await client();
    await idle.query('BEGIN');
    await idle.query(`INSERT INTO t (id, note) VALUES (2, 'never committed')`);
    const started = Date.now();
    const { rows } = await withTimeout(other.query('SELECT count(*)::int AS n FROM t WHERE id = 2'), 5000, 'query behind an idle transaction');
    expect(rows[0].n).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await expect(idle.query('SELECT 1')).rejects.toThrow();
    expect(logLines.some((l) => l.includes('idle inside a transaction'))).toBe(true);
  });
});
