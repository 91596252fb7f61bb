import { createServer, Server, Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

interface Conn {
  socket: Socket;
  buffer: Buffer;
  started: boolean;
  pending: Buffer[];
  /** Messages since the last Sync: the connection owns the session until it syncs. */
  unsynced: boolean;
}

interface Unit {
  conn: Conn;
  messages: Buffer[];
  endsSynced: boolean;
}

/**
 * Serves one PGlite database over the Postgres wire protocol on a loopback port, for several client
 * connections at once.
 *
 * PGlite is a single session. @electric-sql/pglite-socket interleaves the *messages* of different
 * connections, so two extended-protocol queries (Parse/Bind/Execute/Sync from node-postgres) can
 * get mixed up — one connection's Bind landing on the other's Parse. Here a connection's messages up
 * to its Sync (or a simple Query) run as one exclusive unit, and a connection inside a transaction
 * keeps the session until the transaction ends; the other connections wait their turn.
 */
export class PGliteServer {
  private server?: Server;
  private readonly queue: Unit[] = [];
  private owner: Conn | null = null;
  private pumping = false;
  private readonly conns = new Set<Conn>();

  constructor(private readonly db: PGlite) {}

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
    const conn: Conn = { socket, buffer: Buffer.alloc(0), started: false, pending: [], unsynced: false };
    this.conns.add(conn);
    socket.on('data', (chunk) => {
      conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
      this.parse(conn);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => void this.drop(conn));
  }

  private parse(conn: Conn): void {
    for (;;) {
      if (!conn.started) {
        if (conn.buffer.length < 8) return;
        const len = conn.buffer.readInt32BE(0);
        if (conn.buffer.length < len) return;
        const code = conn.buffer.readInt32BE(4);
        const msg = conn.buffer.subarray(0, len);
        conn.buffer = conn.buffer.subarray(len);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          conn.socket.write('N');
          continue;
        }
        if (code === CANCEL_REQUEST) {
          conn.socket.end();
          return;
        }
        if (code !== PROTOCOL_3) {
          conn.socket.destroy();
          return;
        }
        conn.started = true;
        this.submit({ conn, messages: [Buffer.from(msg)], endsSynced: true });
        continue;
      }
      if (conn.buffer.length < 5) return;
      const len = conn.buffer.readInt32BE(1) + 1;
      if (conn.buffer.length < len) return;
      const msg = Buffer.from(conn.buffer.subarray(0, len));
      conn.buffer = conn.buffer.subarray(len);
      const type = String.fromCharCode(msg[0]!);
      if (type === 'X') {
        conn.socket.end();
        return;
      }
      conn.pending.push(msg);
      // Sync and simple Query end a unit; Flush and the ends of COPY need an answer before the
      // client goes on, so they end one too (the connection keeps the session until it syncs).
      if (type === 'S' || type === 'Q' || type === 'H' || type === 'c' || type === 'f') {
        this.submit({ conn, messages: conn.pending.splice(0), endsSynced: type === 'S' || type === 'Q' });
      }
    }
  }

  private submit(unit: Unit): void {
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
        await this.run(unit);
        unit.conn.unsynced = !unit.endsSynced;
        this.owner = this.db.isInTransaction() || unit.conn.unsynced ? unit.conn : null;
      }
    } finally {
      this.pumping = false;
    }
  }

  private async run(unit: Unit): Promise<void> {
    const { socket } = unit.conn;
    await this.db.runExclusive(async () => {
      for (const message of unit.messages) {
        await this.db.execProtocolRawStream(new Uint8Array(message), {
          onRawData: (data: Uint8Array) => {
            if (!socket.destroyed && data.length) socket.write(Buffer.from(data));
          },
        });
      }
    }).catch(() => socket.destroy());
  }

  /** A client went away: forget its queued work and end a transaction it left open. */
  private async drop(conn: Conn): Promise<void> {
    this.conns.delete(conn);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.conn === conn) this.queue.splice(i, 1);
    if (this.owner === conn) {
      this.owner = null;
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
      void this.pump();
    }
  }
}
