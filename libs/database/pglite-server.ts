import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, Server, Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import type { AppLogger } from '#config/logger.js';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** PostgreSQL's own limit for a startup packet. */
const MAX_STARTUP_BYTES = 10_000;

const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);
/** CopyInResponse: text format, no per-column formats (clients do not need them for text COPY). */
const COPY_IN_RESPONSE = Buffer.from([0x47, 0, 0, 0, 7, 0, 0, 0]);
const AUTH_CLEARTEXT = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]);

export interface PGliteServerOptions {
  /** The password every client must send; the server refuses connections without it. */
  password: string;
  /** A connection inside a transaction (or mid-pipeline) that sends nothing for this long is rolled back and closed. */
  idleInTransactionMs?: number;
  /** Largest protocol message accepted; a larger one closes the connection (FATAL 08P01). */
  maxMessageBytes?: number;
  logger?: AppLogger;
}

interface Conn {
  socket: Socket;
  buffer: Buffer;
  state: 'startup' | 'password' | 'ready';
  startup?: Buffer;
  pending: Buffer[];
  /** After its last unit the session is not idle (transaction, COPY, unsynced pipeline): it keeps it. */
  holds: boolean;
  closed: boolean;
  /** Channels this connection LISTENs to (the session LISTENs to their union). */
  channels: Set<string>;
  idleTimer?: NodeJS.Timeout;
  /** A COPY FROM STDIN being received: its Query, then the data, sent to PGlite at CopyDone/CopyFail. */
  copyIn?: { messages: Buffer[]; bytes: number };
  /** Prefix of this connection's prepared statement names in the shared session. */
  prefix: string;
  /** Its named prepared statements (names as in the session), deallocated when it goes away. */
  statements: Set<string>;
}

interface Unit {
  conn: Conn;
  messages: Buffer[];
  /** Sent to the client in turn, without running anything (the CopyInResponse of a held COPY). */
  reply?: Buffer;
  /** PGlite's own CopyInResponse is dropped: the client had ours already. */
  dropCopyInResponse?: boolean;
}

/**
 * Serves one PGlite database over the Postgres wire protocol on a loopback port, for several client
 * connections at once.
 *
 * PGlite is a single session. @electric-sql/pglite-socket interleaves the *messages* of different
 * connections, so two extended-protocol queries (Parse/Bind/Execute/Sync from node-postgres) can
 * get mixed up — one connection's Bind landing on the other's Parse. Here a connection's messages up
 * to its Sync (or a simple Query, Flush, end of COPY) run as one exclusive unit, and a connection
 * keeps the session until PGlite reports it idle again (ReadyForQuery 'I'): inside a transaction,
 * during a COPY or mid-pipeline, the other connections wait their turn.
 *
 * Because all connections share that session, what Postgres would keep per connection is kept here:
 * - authentication: a password only this process knows (PGlite itself accepts anyone);
 * - LISTEN: NOTIFY arrives in the output of whichever connection happens to run; the server takes
 *   NotificationResponse messages out of every output and hands each to the connections that
 *   LISTEN to its channel (BullMQ's PostgreSQL backend waits for jobs this way);
 * - a connection that goes away or idles inside a transaction is rolled back, so it cannot hold
 *   the one session forever.
 */
export class PGliteServer {
  private server?: Server;
  private readonly queue: Unit[] = [];
  private owner: Conn | null = null;
  private pumping = false;
  private readonly conns = new Set<Conn>();
  private connCount = 0;
  private readonly passwordHash: Buffer;
  private readonly idleInTransactionMs: number;
  private readonly maxMessageBytes: number;

  constructor(private readonly db: PGlite, private readonly options: PGliteServerOptions) {
    this.passwordHash = sha256(options.password);
    this.idleInTransactionMs = options.idleInTransactionMs ?? 60_000;
    this.maxMessageBytes = options.maxMessageBytes ?? 32 * 1024 * 1024;
  }

  async listen(host = '127.0.0.1', port = 0): Promise<number> {
    this.server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
    const addr = this.server.address();
    return typeof addr === 'object' && addr ? addr.port : port;
  }

  async close(): Promise<void> {
    for (const c of this.conns) c.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const conn: Conn = {
      socket, buffer: Buffer.alloc(0), state: 'startup', pending: [], holds: false, closed: false, channels: new Set(),
      prefix: `c${++this.connCount}_`, statements: new Set(),
    };
    this.conns.add(conn);
    socket.on('data', (chunk) => {
      conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
      this.parse(conn);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => void this.drop(conn));
  }

  private parse(conn: Conn): void {
    while (!conn.closed && !conn.socket.destroyed) {
      if (conn.state === 'startup') {
        if (conn.buffer.length < 8) return;
        const len = conn.buffer.readInt32BE(0);
        if (len < 8 || len > MAX_STARTUP_BYTES) return this.fatal(conn, '08P01', 'invalid startup packet length');
        if (conn.buffer.length < len) return;
        const code = conn.buffer.readInt32BE(4);
        const msg = Buffer.from(conn.buffer.subarray(0, len));
        conn.buffer = conn.buffer.subarray(len);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          conn.socket.write('N');
          continue;
        }
        if (code !== PROTOCOL_3) {
          // CANCEL_REQUEST included: one session has no other backend to cancel.
          if (code === CANCEL_REQUEST) conn.socket.end();
          else conn.socket.destroy();
          return;
        }
        conn.startup = msg;
        conn.state = 'password';
        conn.socket.write(AUTH_CLEARTEXT);
        continue;
      }
      if (conn.buffer.length < 5) return;
      const len = conn.buffer.readInt32BE(1) + 1;
      if (len < 5 || len > this.maxMessageBytes) {
        this.options.logger?.warn({ bytes: len, limit: this.maxMessageBytes }, 'embedded database: message over the size limit, connection closed');
        return this.fatal(conn, '08P01', `message of ${len} bytes exceeds the limit of ${this.maxMessageBytes} bytes`);
      }
      if (conn.buffer.length < len) return;
      const msg = Buffer.from(conn.buffer.subarray(0, len));
      conn.buffer = conn.buffer.subarray(len);
      const type = String.fromCharCode(msg[0]!);
      if (conn.state === 'password') {
        if (type !== 'p' || !this.passwordMatches(msg)) return this.fatal(conn, '28P01', 'password authentication failed');
        conn.state = 'ready';
        this.submit({ conn, messages: [conn.startup!] });
        conn.startup = undefined;
        continue;
      }
      if (type === 'X') {
        conn.socket.end();
        return;
      }
      if (conn.copyIn) {
        conn.copyIn.messages.push(msg);
        conn.copyIn.bytes += msg.length;
        if (conn.copyIn.bytes > this.maxMessageBytes) {
          this.options.logger?.warn({ bytes: conn.copyIn.bytes, limit: this.maxMessageBytes }, 'embedded database: COPY over the size limit, connection closed');
          return this.fatal(conn, '08P01', `COPY data exceeds the limit of ${this.maxMessageBytes} bytes`);
        }
        if (type === 'c' || type === 'f') {
          this.submit({ conn, messages: [Buffer.concat(conn.copyIn.messages)], dropCopyInResponse: true });
          conn.copyIn = undefined;
        }
        continue;
      }
      // PGlite ends the whole process (WASM exit) when COPY FROM STDIN has to wait for its data, so
      // the Query is held, the client gets a CopyInResponse from here, and PGlite receives the
      // Query with all the data and the CopyDone in one piece.
      const copy = copyFromStdin(msg);
      if (copy === 'extended') return this.fatal(conn, '0A000', 'COPY FROM STDIN is supported in the simple query protocol only');
      if (copy === 'simple') {
        conn.copyIn = { messages: [...conn.pending.splice(0), msg], bytes: msg.length };
        this.submit({ conn, messages: [], reply: COPY_IN_RESPONSE });
        continue;
      }
      conn.pending.push(withSessionStatementName(conn, msg));
      // Sync and simple Query end a unit; Flush and the ends of COPY need an answer before the
      // client goes on, so they end one too (the connection keeps the session until it is idle).
      if (type === 'S' || type === 'Q' || type === 'H' || type === 'c' || type === 'f') {
        this.submit({ conn, messages: conn.pending.splice(0) });
      }
    }
  }

  private passwordMatches(msg: Buffer): boolean {
    const end = msg.indexOf(0, 5);
    return timingSafeEqual(sha256(msg.subarray(5, end < 0 ? msg.length : end)), this.passwordHash);
  }

  private submit(unit: Unit): void {
    clearTimeout(unit.conn.idleTimer);
    this.queue.push(unit);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const idx = this.owner ? this.queue.findIndex((u) => u.conn === this.owner) : 0;
        if (idx < 0 || this.queue.length === 0) return;
        const unit = this.queue.splice(idx, 1)[0]!;
        const { conn } = unit;
        if (unit.reply) {
          if (!conn.socket.destroyed) conn.socket.write(unit.reply);
          continue;
        }
        const changes = listenChanges(unit.messages);
        conn.holds = !(await this.run(unit));
        if (changes.length) await this.applyListen(conn, changes);
        if (conn.closed) {
          // It went away while its unit ran: free the session here (drop() left it to us).
          await this.reset(conn);
          continue;
        }
        this.owner = conn.holds ? conn : null;
        if (conn.holds && !this.queue.some((u) => u.conn === conn)) this.armIdleTimer(conn);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Runs the unit; true when PGlite ended it idle (ReadyForQuery 'I'). */
  private async run(unit: Unit): Promise<boolean> {
    const { socket } = unit.conn;
    let rest = Buffer.alloc(0);
    let lastType = 0;
    let lastStatus = 0;
    const onRawData = (data: Uint8Array) => {
      if (!data.length) return;
      // Copy: the view points into PGlite's memory, which the next message reuses.
      rest = rest.length ? Buffer.concat([rest, Buffer.from(data)]) : Buffer.from(data);
      const forward: Buffer[] = [];
      let pos = 0;
      while (rest.length - pos >= 5) {
        const len = rest.readInt32BE(pos + 1) + 1;
        if (rest.length - pos < len) break;
        const msg = rest.subarray(pos, pos + len);
        pos += len;
        if (msg[0] === 0x41) {
          this.deliverNotification(msg);
          continue;
        }
        if (msg[0] === 0x47 && unit.dropCopyInResponse) continue;
        forward.push(msg);
        lastType = msg[0]!;
        lastStatus = msg[0] === 0x5a ? msg[5]! : 0;
      }
      rest = rest.subarray(pos);
      if (forward.length && !socket.destroyed) socket.write(Buffer.concat(forward));
    };
    try {
      await this.db.runExclusive(async () => {
        for (const message of unit.messages) {
          await this.db.execProtocolRawStream(new Uint8Array(message), { onRawData });
        }
      });
    } catch (err) {
      this.options.logger?.error({ err }, 'embedded database: protocol error, connection closed');
      socket.destroy();
      return false;
    }
    return lastType === 0x5a && lastStatus === 0x49;
  }

  /** NotificationResponse: Int32 pid, channel\0, payload\0. Goes to every connection that LISTENs. */
  private deliverNotification(msg: Buffer): void {
    const end = msg.indexOf(0, 9);
    const channel = msg.subarray(9, end).toString('utf8');
    const copy = Buffer.from(msg);
    for (const c of this.conns) {
      if (!c.closed && c.channels.has(channel) && !c.socket.destroyed) c.socket.write(copy);
    }
  }

  /**
   * Applies a connection's LISTEN/UNLISTEN to its own set. The session's LISTEN is shared, so an
   * UNLISTEN by one connection is undone for the channels another connection still wants.
   */
  private async applyListen(conn: Conn, changes: ListenChange[]): Promise<void> {
    let unlistened = false;
    for (const { listen, channel } of changes) {
      if (listen) conn.channels.add(channel);
      else {
        unlistened = true;
        if (channel === '*') conn.channels.clear();
        else conn.channels.delete(channel);
      }
    }
    if (!unlistened) return;
    const wanted = new Set<string>();
    for (const c of this.conns) if (c !== conn && !c.closed) for (const ch of c.channels) wanted.add(ch);
    for (const ch of wanted) await this.db.exec(`LISTEN ${quoteIdent(ch)}`).catch(() => undefined);
  }

  private armIdleTimer(conn: Conn): void {
    clearTimeout(conn.idleTimer);
    conn.idleTimer = setTimeout(() => {
      if (this.owner !== conn || conn.closed) return;
      this.options.logger?.warn({ idleMs: this.idleInTransactionMs }, 'embedded database: a connection stayed idle inside a transaction for too long; its transaction was rolled back and the connection closed');
      this.fatal(conn, '25P03', 'terminating connection due to idle-in-transaction timeout');
    }, this.idleInTransactionMs);
    conn.idleTimer.unref();
  }

  /** Ends a connection with a FATAL ErrorResponse; drop() then frees what it held. */
  private fatal(conn: Conn, code: string, message: string): void {
    if (!conn.socket.destroyed) conn.socket.end(errorResponse(code, message));
    conn.socket.destroySoon();
    conn.closed = true;
    void this.drop(conn);
  }

  /** A client went away: forget its queued work, and end what it left open in the session. */
  private async drop(conn: Conn): Promise<void> {
    if (!this.conns.has(conn)) return;
    this.conns.delete(conn);
    conn.closed = true;
    clearTimeout(conn.idleTimer);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.conn === conn) this.queue.splice(i, 1);
    // Its prepared statements would stay in the session for good: deallocated in turn, like any
    // unit (the answers go to the closed socket, i.e. nowhere; one that never parsed just fails).
    if (conn.statements.size) {
      this.queue.push({ conn, messages: [...conn.statements].map((name) => query(`DEALLOCATE ${quoteIdent(name)}`)) });
      conn.statements.clear();
    }
    // If its unit is running right now, pump() sees `closed` afterwards and resets.
    if (this.owner === conn && !this.pumping) {
      await this.reset(conn);
      void this.pump();
    } else {
      if (!this.pumping && conn.channels.size) await this.unlistenUnwanted(conn);
      void this.pump();
    }
  }

  /** Back to an idle session: end an unsynced pipeline, roll back an open transaction or COPY. */
  private async reset(conn: Conn): Promise<void> {
    if (this.owner === conn || conn.holds) {
      await this.db.runExclusive(() => this.db.execProtocolRawStream(new Uint8Array(SYNC), { onRawData: () => undefined })).catch(() => undefined);
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
    }
    if (this.owner === conn) this.owner = null;
    conn.holds = false;
    await this.unlistenUnwanted(conn);
  }

  private async unlistenUnwanted(conn: Conn): Promise<void> {
    for (const ch of conn.channels) {
      if (![...this.conns].some((c) => c.channels.has(ch))) await this.db.exec(`UNLISTEN ${quoteIdent(ch)}`).catch(() => undefined);
    }
    conn.channels.clear();
  }
}

interface ListenChange {
  listen: boolean;
  channel: string;
}

/**
 * LISTEN/UNLISTEN statements in a unit's Query and Parse messages. LISTEN takes no parameters, so
 * its channel is always literal SQL text; comments are stripped first.
 */
function listenChanges(messages: Buffer[]): ListenChange[] {
  const changes: ListenChange[] = [];
  for (const m of messages) {
    const type = m[0];
    let sql: string;
    if (type === 0x51) sql = m.subarray(5, m.indexOf(0, 5)).toString('utf8');
    else if (type === 0x50) {
      const nameEnd = m.indexOf(0, 5);
      sql = m.subarray(nameEnd + 1, m.indexOf(0, nameEnd + 1)).toString('utf8');
    } else continue;
    if (!/listen/i.test(sql)) continue;
    const clean = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
    const re = /(?:^|;)\s*(UNLISTEN|LISTEN)\s+("(?:[^"]|"")+"|\*|[A-Za-z_][A-Za-z0-9_$]*)/gi;
    for (let match = re.exec(clean); match; match = re.exec(clean)) {
      const raw = match[2]!;
      const channel = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw === '*' ? '*' : raw.toLowerCase();
      changes.push({ listen: match[1]!.toUpperCase() === 'LISTEN', channel });
    }
  }
  return changes;
}

/**
 * Prepared statements belong to a session, and all connections share PGlite's one session. A
 * client keeps its own list of what it parsed (node-postgres parses a named statement once per
 * connection), so a second connection's Parse of the same name failed with 42P05 ("already
 * exists"), and its Bind could have run another connection's statement of that name. Each
 * connection's statement names therefore get its own prefix in Parse, Bind, Describe and Close;
 * the unnamed statement stays unnamed (it lives only within one unit, which runs exclusively).
 */
function withSessionStatementName(conn: Conn, msg: Buffer): Buffer {
  const type = msg[0];
  if (type === 0x50) return renameAt(conn, msg, 5, true); // Parse: name, query, ...
  if (type === 0x42) return renameAt(conn, msg, msg.indexOf(0, 5) + 1, false); // Bind: portal, statement, ...
  if ((type === 0x44 || type === 0x43) && msg[5] === 0x53) return renameAt(conn, msg, 6, false); // Describe / Close 'S'
  return msg;
}

function renameAt(conn: Conn, msg: Buffer, at: number, parsing: boolean): Buffer {
  const end = msg.indexOf(0, at);
  if (end <= at) return msg; // the unnamed statement (or a malformed message, left to PostgreSQL)
  const name = sessionStatementName(conn.prefix, msg.toString('utf8', at, end));
  if (parsing) conn.statements.add(name);
  const body = Buffer.concat([msg.subarray(1, at), Buffer.from(name, 'utf8'), msg.subarray(end)]);
  const out = Buffer.alloc(1 + body.length);
  out[0] = msg[0]!;
  body.copy(out, 1);
  out.writeInt32BE(body.length, 1);
  return out;
}

/** PostgreSQL truncates names to 63 bytes: a longer one is shortened by a hash, so two never meet. */
function sessionStatementName(prefix: string, name: string): string {
  const full = prefix + name;
  return Buffer.byteLength(full) <= 63 ? full : `${prefix}h${createHash('sha256').update(name).digest('hex').slice(0, 40)}`;
}

function query(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const head = Buffer.alloc(5);
  head[0] = 0x51;
  head.writeInt32BE(text.length + 4, 1);
  return Buffer.concat([head, text]);
}

/** Whether a Query ('simple') or Parse ('extended') message holds a COPY ... FROM STDIN. */
function copyFromStdin(m: Buffer): 'simple' | 'extended' | null {
  const type = m[0];
  if (type !== 0x51 && type !== 0x50) return null;
  const text = m.toString('utf8', 5);
  if (!/copy/i.test(text)) return null;
  const clean = text.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
  if (!/(?:^|;|\0)\s*COPY\b[^;]*\bFROM\s+STDIN\b/i.test(clean)) return null;
  return type === 0x51 ? 'simple' : 'extended';
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function sha256(v: string | Uint8Array): Buffer {
  return createHash('sha256').update(v).digest();
}

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0`, 'utf8'),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head[0] = 0x45;
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}
