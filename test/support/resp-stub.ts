import { listenTracked, readAndIgnore, type TrackedTcpServer } from './net.js';

/**
 * A small RESP2 server on loopback that answers the commands the graph check sends the way
 * FalkorDB does (FalkorDB cannot be installed here). Graph replies follow FalkorDB's result
 * set: an array [header, rows, statistics]; with `--compact` the header cells are
 * [ColumnType, name] and the values [ValueType, value] (3 = integer), as official clients expect.
 */
export type RespStubMode = 'healthy' | 'hang';

export interface RespStubOptions {
  mode?: RespStubMode;
  /** When set, every command but AUTH/HELLO/QUIT answers NOAUTH until AUTH succeeds. */
  password?: string;
  /** ACL user that owns the password; AUTH <user> <pass> must name it (default "default"). */
  username?: string;
  /** Graph name → node count; GRAPH.LIST lists these names. */
  graphs?: Record<string, number>;
  /** Graph name → edge count (`MATCH ()-[r]->() RETURN count(r)`); default 0. */
  edges?: Record<string, number>;
  /**
   * How BGSAVE goes: `ok` finishes after `bgsavePolls` INFO persistence reads, `fail` ends
   * with rdb_last_bgsave_status:err, `never` stays in progress, `refuse` answers an error.
   */
  bgsave?: 'ok' | 'fail' | 'never' | 'refuse';
  bgsavePolls?: number;
  /** CONFIG GET answers NOPERM, as for an ACL user without +config. */
  configDenied?: boolean;
  /** RESTORE brings back this many nodes fewer than were dumped (a damaged copy). */
  restoreLosesNodes?: number;
}

export interface RespStub extends TrackedTcpServer {
  url(userinfo?: string): string;
  /** Every command received, upper-cased name first; AUTH arguments are not kept. */
  commands: string[][];
}

type Reply =
  | { t: 'simple'; v: string }
  | { t: 'error'; v: string }
  | { t: 'int'; v: number }
  | { t: 'bulk'; v: string | null }
  | { t: 'array'; v: Reply[] };

const simple = (v: string): Reply => ({ t: 'simple', v });
const error = (v: string): Reply => ({ t: 'error', v });
const int = (v: number): Reply => ({ t: 'int', v });
const bulk = (v: string | null): Reply => ({ t: 'bulk', v });
const array = (v: Reply[]): Reply => ({ t: 'array', v });

function encode(r: Reply): string {
  switch (r.t) {
    case 'simple':
      return `+${r.v}\r\n`;
    case 'error':
      return `-${r.v}\r\n`;
    case 'int':
      return `:${r.v}\r\n`;
    case 'bulk':
      return r.v === null ? '$-1\r\n' : `$${Buffer.byteLength(r.v)}\r\n${r.v}\r\n`;
    case 'array':
      return `*${r.v.length}\r\n${r.v.map(encode).join('')}`;
  }
}

/** Parses as many complete RESP arrays of bulk strings (or inline commands) as the buffer holds. */
function parseCommands(buf: Buffer): { commands: string[][]; rest: Buffer } {
  const commands: string[][] = [];
  let pos = 0;
  const line = (from: number): { text: string; next: number } | null => {
    const end = buf.indexOf('\r\n', from);
    return end < 0 ? null : { text: buf.toString('utf8', from, end), next: end + 2 };
  };
  for (;;) {
    if (pos >= buf.length) break;
    const head = line(pos);
    if (!head) break;
    if (!head.text.startsWith('*')) {
      commands.push(head.text.trim().split(/\s+/).filter(Boolean));
      pos = head.next;
      continue;
    }
    const n = Number(head.text.slice(1));
    let p = head.next;
    const args: string[] = [];
    let complete = true;
    for (let i = 0; i < n; i++) {
      const len = line(p);
      if (!len) {
        complete = false;
        break;
      }
      const size = Number(len.text.slice(1));
      if (buf.length < len.next + size + 2) {
        complete = false;
        break;
      }
      args.push(buf.toString('utf8', len.next, len.next + size));
      p = len.next + size + 2;
    }
    if (!complete) break;
    commands.push(args);
    pos = p;
  }
  return { commands, rest: buf.subarray(pos) };
}

const EDGE_QUERY = /^\s*MATCH\s*\(\s*\)\s*-\s*\[\s*(\w+)\s*\]\s*->\s*\(\s*\)\s*RETURN\s+count\(\s*\1\s*\)\s*$/i;
const COUNT_QUERY = /^\s*MATCH\s*\(\s*(\w+)\s*\)\s*RETURN\s+count\(\s*\1\s*\)(?:\s+AS\s+(\w+))?\s*$/i;

function graphQuery(graphs: Record<string, number>, args: string[], edges: Record<string, number> = {}): Reply {
  const [, name, query, ...flags] = args;
  if (!name || query === undefined) return error("ERR wrong number of arguments for 'graph.ro_query' command");
  if (!(name in graphs)) return error('ERR Invalid graph operation on empty key');
  const e = EDGE_QUERY.exec(query);
  const m = COUNT_QUERY.exec(query);
  if (!m && !e) return error(`errMsg: this stub only answers MATCH (n) RETURN count(n), got: ${query}`);
  const column = m ? (m[2] ?? `count(${m[1]})`) : `count(${e![1]})`;
  const count = m ? graphs[name]! : (edges[name] ?? 0);
  const stats = array([bulk('Cached execution: 0'), bulk('Query internal execution time: 0.042 milliseconds')]);
  if (flags.some((f) => f.toLowerCase() === '--compact')) {
    // ColumnType 1 = COLUMN_SCALAR; ValueType 3 = VALUE_INTEGER.
    return array([array([array([int(1), bulk(column)])]), array([array([array([int(3), int(count)])])]), stats]);
  }
  return array([array([bulk(column)]), array([array([int(count)])]), stats]);
}

export async function startRespStub(opts: RespStubOptions = {}): Promise<RespStub> {
  const mode = opts.mode ?? 'healthy';
  const graphs = { ...(opts.graphs ?? {}) };
  const edges = { ...(opts.edges ?? {}) };
  // Persistence as INFO persistence and LASTSAVE report it (seconds since the epoch).
  const persistence = { lastSave: 1_700_000_000, saves: 0, inProgress: false, status: 'ok', pollsLeft: 0 };
  const username = opts.username ?? 'default';
  const commands: string[][] = [];

  const tcp = await listenTracked((socket) => {
    if (mode === 'hang') {
      // Like FalkorDB with its query threads stuck: the connection is read, nothing is answered.
      readAndIgnore(socket);
      return;
    }
    let authed = opts.password === undefined;
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      const parsed = parseCommands(pending);
      pending = parsed.rest;
      for (const args of parsed.commands) {
        const name = (args[0] ?? '').toUpperCase();
        commands.push(name === 'AUTH' ? [name] : [name, ...args.slice(1)]);
        const reply = answer(name, args);
        socket.write(encode(reply));
        if (name === 'QUIT') socket.end();
      }
    });

    const persistenceInfo = () => {
      const p = persistence;
      if (p.inProgress && opts.bgsave !== 'never' && p.pollsLeft-- <= 0) {
        p.inProgress = false;
        if (opts.bgsave === 'fail') p.status = 'err';
        else {
          p.status = 'ok';
          p.lastSave += 60;
          p.saves++;
        }
      }
      return [
        '# Persistence',
        'loading:0',
        `rdb_changes_since_last_save:${p.inProgress ? 3 : 0}`,
        `rdb_bgsave_in_progress:${p.inProgress ? 1 : 0}`,
        `rdb_last_save_time:${p.lastSave}`,
        `rdb_last_bgsave_status:${p.status}`,
        'rdb_last_bgsave_time_sec:2',
        `rdb_current_bgsave_time_sec:${p.inProgress ? 1 : -1}`,
        `rdb_saves:${p.saves}`,
        'rdb_last_cow_size:1048576',
        'aof_enabled:0',
        '',
      ].join('\r\n');
    };
    const answer = (name: string, args: string[]): Reply => {
      if (name === 'AUTH') {
        const [user, pass] = args.length >= 3 ? [args[1], args[2]] : ['default', args[1]];
        if (opts.password === undefined) {
          // Like Redis 6+: the default user is "nopass", so AUTH default <anything> passes.
          if (args.length >= 3)
            return user === 'default'
              ? simple('OK')
              : error('WRONGPASS invalid username-password pair or user is disabled.');
          return error(
            'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
          );
        }
        if (user === username && pass === opts.password) {
          authed = true;
          return simple('OK');
        }
        return error('WRONGPASS invalid username-password pair or user is disabled.');
      }
      if (name === 'QUIT') return simple('OK');
      if (name === 'HELLO') {
        if (args[1] && args[1] !== '2') return error('NOPROTO unsupported protocol version');
        if (!authed)
          return error(
            'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time',
          );
        return array([
          bulk('server'),
          bulk('redis'),
          bulk('version'),
          bulk('7.2.4'),
          bulk('proto'),
          int(2),
          bulk('modules'),
          array([]),
        ]);
      }
      if (!authed) return error('NOAUTH Authentication required.');
      switch (name) {
        case 'PING':
          return args[1] !== undefined ? bulk(args[1]) : simple('PONG');
        case 'SELECT':
          return simple('OK');
        case 'CLIENT':
          return simple('OK');
        case 'INFO':
          if ((args[1] ?? '').toLowerCase() === 'persistence') return bulk(persistenceInfo());
          return bulk(
            '# Server\r\nredis_version:7.2.4\r\n\r\n# Modules\r\nmodule:name=graph,ver=41400,api=1,filters=0,usedby=[],using=[],options=[]\r\n',
          );
        case 'GRAPH.LIST':
          return array(Object.keys(graphs).map((g) => bulk(g)));
        case 'GRAPH.RO_QUERY':
        case 'GRAPH.QUERY':
          return graphQuery(graphs, args, edges);
        case 'LASTSAVE':
          return int(persistence.lastSave);
        case 'BGSAVE': {
          if (opts.bgsave === 'refuse') return error('ERR Background append only file rewriting in progress');
          if (persistence.inProgress) return error('ERR Background save already in progress');
          persistence.inProgress = true;
          persistence.pollsLeft = opts.bgsavePolls ?? 2;
          return simple('Background saving started');
        }
        case 'CONFIG':
          if (opts.configDenied) return error("NOPERM User ops has no permissions to run the 'config|get' command");
          return array([bulk(args[2] ?? ''), bulk(args[2] === 'dir' ? '/data' : 'dump.rdb')]);
        case 'DUMP':
          return args[1] !== undefined && args[1] in graphs
            ? bulk(`STUBDUMP:${graphs[args[1]]}:${edges[args[1]] ?? 0}`)
            : bulk(null);
        case 'RESTORE': {
          const [, key, , payload] = args;
          if (!key || payload === undefined) return error("ERR wrong number of arguments for 'restore' command");
          if (key in graphs) return error('BUSYKEY Target key name already exists.');
          const p = /^STUBDUMP:(\d+):(\d+)$/.exec(payload);
          if (!p) return error('ERR DUMP payload version or checksum are wrong');
          graphs[key] = Math.max(0, Number(p[1]) - (opts.restoreLosesNodes ?? 0));
          edges[key] = Number(p[2]);
          return simple('OK');
        }
        case 'DEL': {
          let n = 0;
          for (const k of args.slice(1))
            if (k in graphs) {
              delete graphs[k];
              delete edges[k];
              n++;
            }
          return int(n);
        }
        default:
          return error(`ERR unknown command '${args[0] ?? ''}', with args beginning with: `);
      }
    };
  });
  const { port } = tcp;
  return {
    ...tcp,
    url: (userinfo) => `redis://${userinfo ? `${userinfo}@` : ''}127.0.0.1:${port}`,
    commands,
  };
}
