import { listenTracked, readAndIgnore, type TrackedTcpServer } from './net.js';

/**
 * A scripted Bolt server on loopback that the real neo4j-driver talks to (no Neo4j or
 * Memgraph can be installed here). It negotiates Bolt 5.4, answers HELLO/LOGON, RUN/PULL
 * (auto-commit and inside BEGIN/COMMIT), RESET and GOODBYE, and knows one query:
 * `MATCH (n) RETURN count(n) [AS x]`, answered from `databases`. The PackStream codec below
 * is written independently of the driver's, so a bug in one is not cancelled by the other.
 */
export type BoltStubMode = 'healthy' | 'auth-failure' | 'hang' | 'hang-after-handshake';

export interface BoltStubOptions {
  mode?: BoltStubMode;
  /** Server agent sent in HELLO's SUCCESS. */
  agent?: string;
  user?: string;
  password?: string;
  /** Database name → node count. */
  databases?: Record<string, number>;
  /** Used when a RUN/BEGIN names no database (default "neo4j"). */
  defaultDatabase?: string;
  /**
   * Scripted answers by exact query text (trimmed), e.g. Memgraph's `CREATE SNAPSHOT` or
   * `CALL dbms.components() ...`: the records to stream, or the FAILURE to send.
   */
  queries?: Record<string, { fields: string[]; rows: unknown[][] } | { error: { code: string; message: string } }>;
}

export interface BoltStub extends TrackedTcpServer {
  url(scheme?: string): string;
  /** Message names received, in order (e.g. HELLO, LOGON, RUN db=org_a, PULL). */
  messages: string[];
}

// ---- PackStream (the subset Bolt messages here use) ------------------------------------

export class Struct {
  constructor(
    readonly tag: number,
    readonly fields: unknown[],
  ) {}
}

function pack(v: unknown, out: number[]): void {
  const u8 = (n: number) => out.push(n & 0xff);
  const u16 = (n: number) => out.push((n >> 8) & 0xff, n & 0xff);
  const u32 = (n: number) => out.push((n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  const sized = (n: number, tiny: number, b8: number, b16: number, b32: number) => {
    if (n < 16 && tiny >= 0) u8(tiny + n);
    else if (n < 0x100) u8(b8), u8(n);
    else if (n < 0x10000) u8(b16), u16(n);
    else u8(b32), u32(n);
  };
  if (v === null || v === undefined) return void u8(0xc0);
  if (v === true) return void u8(0xc3);
  if (v === false) return void u8(0xc2);
  if (typeof v === 'number' && Number.isInteger(v)) {
    if (v >= -16 && v <= 127) return void u8(v);
    if (v >= -128 && v <= 127) return void (u8(0xc8), u8(v));
    if (v >= -32768 && v <= 32767) return void (u8(0xc9), u16(v));
    if (v >= -2147483648 && v <= 2147483647) return void (u8(0xca), u32(v));
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(v));
    u8(0xcb);
    out.push(...b);
    return;
  }
  if (typeof v === 'number') {
    const b = Buffer.alloc(8);
    b.writeDoubleBE(v);
    u8(0xc1);
    out.push(...b);
    return;
  }
  if (typeof v === 'string') {
    const bytes = Buffer.from(v, 'utf8');
    sized(bytes.length, 0x80, 0xd0, 0xd1, 0xd2);
    out.push(...bytes);
    return;
  }
  if (Array.isArray(v)) {
    sized(v.length, 0x90, 0xd4, 0xd5, 0xd6);
    for (const x of v) pack(x, out);
    return;
  }
  if (v instanceof Struct) {
    u8(0xb0 + v.fields.length);
    u8(v.tag);
    for (const x of v.fields) pack(x, out);
    return;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  sized(entries.length, 0xa0, 0xd8, 0xd9, 0xda);
  for (const [k, x] of entries) {
    pack(k, out);
    pack(x, out);
  }
}

function unpack(buf: Buffer): unknown {
  let p = 0;
  const read = (): unknown => {
    const m = buf[p++]!;
    if (m <= 0x7f) return m;
    if (m >= 0xf0) return m - 0x100;
    const hi = m & 0xf0;
    const lo = m & 0x0f;
    const str = (n: number) => {
      const s = buf.toString('utf8', p, p + n);
      p += n;
      return s;
    };
    const list = (n: number) => Array.from({ length: n }, () => read());
    const map = (n: number) => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const k = read() as string;
        o[k] = read();
      }
      return o;
    };
    if (hi === 0x80) return str(lo);
    if (hi === 0x90) return list(lo);
    if (hi === 0xa0) return map(lo);
    if (hi === 0xb0) {
      const tag = buf[p++]!;
      return new Struct(tag, list(lo));
    }
    switch (m) {
      case 0xc0:
        return null;
      case 0xc1: {
        const d = buf.readDoubleBE(p);
        p += 8;
        return d;
      }
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc8:
        return buf.readInt8(p++);
      case 0xc9: {
        const n = buf.readInt16BE(p);
        p += 2;
        return n;
      }
      case 0xca: {
        const n = buf.readInt32BE(p);
        p += 4;
        return n;
      }
      case 0xcb: {
        const n = Number(buf.readBigInt64BE(p));
        p += 8;
        return n;
      }
      case 0xd0:
        return str(buf[p++]!);
      case 0xd1: {
        const n = buf.readUInt16BE(p);
        p += 2;
        return str(n);
      }
      case 0xd4:
        return list(buf[p++]!);
      case 0xd5: {
        const n = buf.readUInt16BE(p);
        p += 2;
        return list(n);
      }
      case 0xd8:
        return map(buf[p++]!);
      case 0xd9: {
        const n = buf.readUInt16BE(p);
        p += 2;
        return map(n);
      }
    }
    throw new Error(`bolt stub: unsupported PackStream marker 0x${m.toString(16)}`);
  };
  return read();
}

/** One message as chunks of at most 0xffff bytes, ended by 00 00. */
function chunk(message: Struct): Buffer {
  const body: number[] = [];
  pack(message, body);
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += 0xffff) {
    const piece = Buffer.from(body.slice(i, i + 0xffff));
    const head = Buffer.alloc(2);
    head.writeUInt16BE(piece.length);
    parts.push(head, piece);
  }
  parts.push(Buffer.from([0, 0]));
  return Buffer.concat(parts);
}

// ---- the server ---------------------------------------------------------------------

const MSG = {
  HELLO: 0x01,
  GOODBYE: 0x02,
  RESET: 0x0f,
  RUN: 0x10,
  BEGIN: 0x11,
  COMMIT: 0x12,
  ROLLBACK: 0x13,
  PULL: 0x3f,
  DISCARD: 0x2f,
  TELEMETRY: 0x54,
  ROUTE: 0x66,
  LOGON: 0x6a,
  LOGOFF: 0x6b,
} as const;
const NAMES = Object.fromEntries(Object.entries(MSG).map(([k, v]) => [v, k]));
const SUCCESS = 0x70;
const RECORD = 0x71;
const IGNORED = 0x7e;
const FAILURE = 0x7f;
const MAGIC = 0x6060b017;
const COUNT_QUERY = /^\s*MATCH\s*\(\s*(\w+)\s*\)\s*RETURN\s+count\(\s*\1\s*\)(?:\s+AS\s+(\w+))?\s*$/i;

/** The version this stub speaks (5.4) if one of the client's four proposals covers it. */
function negotiate(proposals: number[]): boolean {
  return proposals.some((p) => {
    const major = p & 0xff;
    const minor = (p >> 8) & 0xff;
    const range = (p >> 16) & 0xff;
    return major === 5 && minor >= 4 && minor - range <= 4;
  });
}

export async function startBoltStub(opts: BoltStubOptions = {}): Promise<BoltStub> {
  const mode = opts.mode ?? 'healthy';
  const agent = opts.agent ?? 'Neo4j/5.26.0';
  const databases = opts.databases ?? {};
  const defaultDb = opts.defaultDatabase ?? 'neo4j';
  const messages: string[] = [];
  let connectionIds = 0;

  const tcp = await listenTracked((socket) => {
    if (mode === 'hang') {
      // Accepts and reads, never answers (not even the version handshake).
      readAndIgnore(socket);
      return;
    }

    socket.setNoDelay(true); // as Neo4j does; otherwise Nagle adds ~40 ms per reply
    const connectionId = `bolt-${++connectionIds}`;
    let handshaken = false;
    let failed = false;
    let pending: Buffer = Buffer.alloc(0);
    let message: Buffer[] = [];
    // What the next PULL streams: set by RUN.
    let stream: { fields: string[]; rows: unknown[][]; db: string; qid?: number } | null = null;
    let txDb: string | null = null;

    const send = (tag: number, ...fields: unknown[]) => socket.write(chunk(new Struct(tag, fields)));
    const fail = (code: string, text: string) => {
      failed = true;
      send(FAILURE, { code, message: text });
    };

    const dbExists = (db: string) => db === defaultDb || db in databases || db === 'system';
    const handle = (msg: Struct) => {
      const name = NAMES[msg.tag] ?? `0x${msg.tag.toString(16)}`;
      const extra = (msg.tag === MSG.RUN ? msg.fields[2] : msg.tag === MSG.BEGIN ? msg.fields[0] : undefined) as
        | Record<string, unknown>
        | undefined;
      messages.push(extra?.db ? `${name} db=${String(extra.db)}` : name);
      if (msg.tag === MSG.GOODBYE) return void socket.end();
      if (msg.tag === MSG.RESET) {
        failed = false;
        stream = null;
        txDb = null;
        return send(SUCCESS, {});
      }
      if (failed) return send(IGNORED);
      switch (msg.tag) {
        case MSG.HELLO:
          return send(SUCCESS, { server: agent, connection_id: connectionId, hints: {} });
        case MSG.LOGON: {
          const auth = (msg.fields[0] ?? {}) as { scheme?: string; principal?: string; credentials?: string };
          const ok =
            mode !== 'auth-failure' &&
            (opts.user === undefined || (auth.principal === opts.user && auth.credentials === opts.password));
          if (ok) return send(SUCCESS, {});
          fail('Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.');
          // Neo4j closes the connection after a failed authentication.
          return void socket.end();
        }
        case MSG.LOGOFF:
        case MSG.TELEMETRY:
          return send(SUCCESS, {});
        case MSG.BEGIN: {
          const db = (extra?.db as string | undefined) ?? defaultDb;
          if (!dbExists(db))
            return fail(
              'Neo.ClientError.Database.DatabaseNotFound',
              `Database does not exist. Database name: '${db}'.`,
            );
          txDb = db;
          return send(SUCCESS, {});
        }
        case MSG.RUN: {
          const query = String(msg.fields[0] ?? '');
          const db = txDb ?? (extra?.db as string | undefined) ?? defaultDb;
          if (!dbExists(db))
            return fail(
              'Neo.ClientError.Database.DatabaseNotFound',
              `Database does not exist. Database name: '${db}'.`,
            );
          const scripted = opts.queries?.[query.trim()];
          if (scripted) {
            if ('error' in scripted) return fail(scripted.error.code, scripted.error.message);
            stream = { fields: scripted.fields, rows: scripted.rows, db, ...(txDb ? { qid: 0 } : {}) };
            return send(SUCCESS, { fields: scripted.fields, t_first: 1, ...(txDb ? { qid: 0 } : {}) });
          }
          const m = COUNT_QUERY.exec(query);
          if (!m)
            return fail(
              'Neo.ClientError.Statement.SyntaxError',
              `this stub only answers MATCH (n) RETURN count(n), got: ${query}`,
            );
          const fields = [m[2] ?? `count(${m[1]})`];
          stream = { fields, rows: [[databases[db] ?? 0]], db, ...(txDb ? { qid: 0 } : {}) };
          return send(SUCCESS, { fields, t_first: 1, ...(txDb ? { qid: 0 } : {}) });
        }
        case MSG.PULL:
        case MSG.DISCARD: {
          if (!stream) return fail('Neo.ClientError.Request.Invalid', 'nothing to pull');
          if (msg.tag === MSG.PULL) for (const row of stream.rows) send(RECORD, row);
          const done = { type: 'r', t_last: 1, db: stream.db, ...(txDb ? {} : { bookmark: `FB:${stream.db}:1` }) };
          stream = null;
          return send(SUCCESS, done);
        }
        case MSG.COMMIT: {
          const db = txDb ?? defaultDb;
          txDb = null;
          return send(SUCCESS, { bookmark: `FB:${db}:1` });
        }
        case MSG.ROLLBACK:
          txDb = null;
          return send(SUCCESS, {});
        case MSG.ROUTE:
          return fail('Neo.ClientError.Procedure.ProcedureNotFound', 'this stub does not route: use bolt://');
        default:
          return fail('Neo.ClientError.Request.Invalid', `unsupported message ${name}`);
      }
    };

    socket.on('data', (data) => {
      pending = Buffer.concat([pending, data]);
      if (!handshaken) {
        if (pending.length < 20) return;
        const magic = pending.readUInt32BE(0);
        const proposals = [4, 8, 12, 16].map((o) => pending.readUInt32BE(o));
        pending = pending.subarray(20);
        if (magic !== MAGIC || !negotiate(proposals)) {
          socket.end(Buffer.from([0, 0, 0, 0]));
          return;
        }
        handshaken = true;
        socket.write(Buffer.from([0x00, 0x00, 0x04, 0x05]));
      }
      if (mode === 'hang-after-handshake') {
        pending = Buffer.alloc(0); // a server stuck before it answers HELLO
        return;
      }
      while (pending.length >= 2) {
        const size = pending.readUInt16BE(0);
        if (size === 0) {
          pending = pending.subarray(2);
          if (message.length) {
            const body = Buffer.concat(message);
            message = [];
            handle(unpack(body) as Struct);
          }
          continue;
        }
        if (pending.length < 2 + size) break;
        message.push(pending.subarray(2, 2 + size));
        pending = pending.subarray(2 + size);
      }
    });
  });
  const { port } = tcp;
  return {
    ...tcp,
    url: (scheme = 'bolt') => `${scheme}://127.0.0.1:${port}`,
    messages,
  };
}
