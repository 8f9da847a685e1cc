import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DeliveryProblem } from '../../src/contracts/services.js';
import { renderDoctor } from '../../src/doctor/render.js';
import { backupToolsItem, type BackupToolFacts } from '../../src/doctor/rules/backups.js';
import {
  channelItem,
  configuredChannels,
  type ChannelFacts,
  type ChannelUse,
} from '../../src/doctor/rules/channels.js';
import { clockItem, clockSkewMs } from '../../src/doctor/rules/clock.js';
import { deliveryItems } from '../../src/doctor/rules/delivery.js';
import { folderItem, type FolderFacts } from '../../src/doctor/rules/files.js';
import { groupItem } from '../../src/doctor/rules/groups.js';
import {
  appTokenItem,
  botTokenItem,
  scopeItems,
  scopeNeeds,
  signingItem,
  type AppTokenFacts,
  type BotTokenFacts,
} from '../../src/doctor/rules/slack.js';
import { storeGrants, storeItem, type StoreFacts, type StorePrivileges } from '../../src/doctor/rules/store.js';
import { overallOf, type DoctorItem, type DoctorReport, type DoctorStatus } from '../../src/doctor/types.js';
import { LIMITS } from '../../src/ui/limits.js';
import type { ClockSample } from '../../src/slack/slack-probe.js';
import { MANIFEST_SCOPES } from '../support/fake-slack.js';
import { buildConfig } from '../support/harness.js';

const at = (d: Date) => d.toISOString().slice(11, 16);
const identity = { userId: 'UBOT0001', userName: 'ctx-ops', botId: 'B0BOT', teamId: 'T0TEAM', team: 'Acme' };

describe('bot and app-level tokens', () => {
  it.each([
    [{ state: 'shell' }, 'skip', /local shell/],
    [{ state: 'ok', identity }, 'ok', /^valid: bot @ctx-ops \(UBOT0001\) in workspace Acme \(T0TEAM\)$/],
    [{ state: 'not-a-bot' }, 'fail', /belongs to a person/],
    [
      {
        state: 'failed',
        words: { seen: 'Slack rejected SLACK_BOT_TOKEN with invalid_auth (…)', fix: 'reinstall', config: true },
      },
      'fail',
      /invalid_auth/,
    ],
  ] as Array<[BotTokenFacts, DoctorStatus, RegExp]>)('bot token %j → %s', (f, status, seen) => {
    const i = botTokenItem(f);
    expect(i.status).toBe(status);
    expect(i.seen).toMatch(seen);
  });

  const since = new Date('2026-11-28T09:00:00Z');
  it.each([
    [{ mode: 'shell' }, 'skip', /local shell/],
    [{ mode: 'http' }, 'skip', /HTTP mode/],
    [
      { mode: 'socket', running: { state: 'connected', attempts: 1, failures: 0, connectedSince: since } },
      'ok',
      /^connected over Socket Mode since 09:00$/,
    ],
    [
      {
        mode: 'socket',
        running: {
          state: 'waiting',
          attempts: 4,
          failures: 4,
          lastFailure: { seen: 'Slack answered internal_error', fix: 'wait' },
        },
      },
      'fail',
      /^not connected \(4 failed attempts\): Slack answered internal_error$/,
    ],
    [{ mode: 'socket', running: { state: 'connecting', attempts: 1, failures: 0 } }, 'warn', /not connected yet/],
    [{ mode: 'socket', probed: 'ok' }, 'ok', /did not connect/],
    [
      {
        mode: 'socket',
        probed: 'failed',
        words: { seen: 'SLACK_APP_TOKEN lacks the connections:write scope', fix: 'x', config: true },
      },
      'fail',
      /connections:write/,
    ],
  ] as Array<[AppTokenFacts, DoctorStatus, RegExp]>)('app token %j → %s', (f, status, seen) => {
    const i = appTokenItem(f, at);
    expect(i.status).toBe(status);
    expect(i.seen).toMatch(seen);
  });
});

describe('signing secret (HTTP mode)', () => {
  const hex = true;
  it.each([
    [
      { refusals: { signature: 3, stale: 0, lastAt: new Date('2026-11-28T10:02:00Z') }, looksLikeSecret: hex },
      'fail',
      /^3 requests to \/slack\/events refused since start: the signature does not match SLACK_SIGNING_SECRET, the last at 10:02$/,
      /Signing Secret from Basic Information → App Credentials/,
    ],
    [{ refusals: { signature: 0, stale: 2 }, looksLikeSecret: hex }, 'warn', /older than 5 minutes/, /NTP/],
    [{ refusals: { signature: 0, stale: 0 }, looksLikeSecret: false }, 'warn', /32 hexadecimal/, /Signing Secret/],
    [{ refusals: { signature: 0, stale: 0 }, looksLikeSecret: hex }, 'ok', /no request .* was refused/, undefined],
    [{ looksLikeSecret: hex }, 'ok', /shows when Slack sends a request/, undefined],
  ] as Array<[Parameters<typeof signingItem>[0], DoctorStatus, RegExp, RegExp | undefined]>)(
    '%j → %s',
    (f, status, seen, fix) => {
      const i = signingItem(f, at);
      expect(i.status).toBe(status);
      expect(i.seen).toMatch(seen);
      if (fix) expect(i.fix).toMatch(fix);
    },
  );
});

describe('scopes', () => {
  const noGroups = { permissions: { prod: { request: ['U0ALICE'], approve: ['local:*'] } } } as never;
  const groups = { permissions: { prod: { request: ['S0ONCALL'] } } } as never;
  it('usergroups:read is needed only when permissions name user groups; channels:read only with channels', () => {
    expect(scopeNeeds(noGroups, 2).map((n) => n.scope)).toEqual([
      'commands',
      'chat:write',
      'app_mentions:read',
      'channels:read',
      'chat:write.public',
    ]);
    expect(scopeNeeds(groups, 0).map((n) => n.scope)).toEqual([
      'commands',
      'chat:write',
      'app_mentions:read',
      'usergroups:read',
      'chat:write.public',
    ]);
  });
  it.each([
    ['chat:write', 'fail', /^missing: answers, digests, alerts and incident threads will not work$/],
    ['app_mentions:read', 'warn', /mentions in incident threads will not work/],
    ['usergroups:read', 'fail', /user groups/],
    ['channels:read', 'warn', /whether @ctx-ops is in each configured channel/],
    [
      'chat:write.public',
      'skip',
      /^not granted \(optional\): it would allow posting to public channels without an \/invite/,
    ],
  ] as Array<[string, DoctorStatus, RegExp]>)('without %s: %s', (missing, status, seen) => {
    const granted = [
      'commands',
      'chat:write',
      'app_mentions:read',
      'usergroups:read',
      'channels:read',
      'chat:write.public',
    ].filter((s) => s !== missing);
    const items = scopeItems(granted, scopeNeeds(groups, 1));
    const i = items.find((x) => x.id === `scope.${missing}`)!;
    expect(i.status).toBe(status);
    expect(i.seen).toMatch(seen);
    expect(i.fix).toMatch(
      new RegExp(
        `add \`${missing.replace('.', '\\.')}\` under OAuth & Permissions → Bot Token Scopes${status === 'skip' ? ' and' : ' \\(manifest\\.yml lists it\\)'}`,
      ),
    );
    expect(items.filter((x) => x.id !== i.id).every((x) => x.status === 'ok')).toBe(true);
  });
  it('manifest.yml asks for every scope a configuration can need, and the fake Slack installs exactly those', () => {
    const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
      oauth_config: { scopes: { bot: string[] } };
    };
    const bot = manifest.oauth_config.scopes.bot;
    for (const n of scopeNeeds(groups, 1)) expect(bot.includes(n.scope), n.scope).toBe(n.level !== 'optional');
    expect(bot).toEqual(MANIFEST_SCOPES);
  });

  it('Slack not saying which scopes: one item, skipped', () => {
    expect(scopeItems(undefined, scopeNeeds(groups, 1))).toEqual([
      expect.objectContaining({ status: 'skip', id: 'slack.scopes' }),
    ]);
  });
});

describe('channels', () => {
  it('collects every configured channel once, with every purpose', () => {
    const { config, cleanup } = buildConfig({
      env: { DATABASE_URL: 'postgres://x@127.0.0.1/x' },
      yaml: `channels: { alerts: C0ALERTS1, digest: C0DIGEST1, incidents: C0INCID01 }
schedules:
  - { name: weekly, cron: "0 9 * * 1", channel: C0WEEKLY1 }
operations: { restoreTest: { channel: alerts } }
permissions:
  default: { request: [U0ALICE01], channels: [C0OPS0001, alerts] }
`,
    });
    cleanup();
    expect(configuredChannels(config)).toEqual([
      { ref: 'C0ALERTS1', purposes: ['alerts', 'restore tests', 'operations on default'], postsOnItsOwn: true },
      { ref: 'C0DIGEST1', purposes: ['digest'], postsOnItsOwn: true },
      { ref: 'C0INCID01', purposes: ['incidents'], postsOnItsOwn: true },
      { ref: 'C0WEEKLY1', purposes: ['schedule "weekly"'], postsOnItsOwn: true },
      { ref: 'C0OPS0001', purposes: ['operations on default'], postsOnItsOwn: false },
    ]);
  });

  const alerts: ChannelUse = { ref: 'C0ALERTS1', purposes: ['alerts'], postsOnItsOwn: true };
  const ops: ChannelUse = { ref: 'C0OPS0001', purposes: ['operations on prod'], postsOnItsOwn: false };
  const found = (over: Partial<Extract<ChannelFacts, { state: 'found' }>> = {}): ChannelFacts => ({
    state: 'found',
    name: 'alerts',
    isMember: true,
    isArchived: false,
    isPrivate: false,
    ...over,
  });
  it.each([
    ['a member', alerts, found(), false, 'ok', /^@ctx-ops is a member \(alerts\)$/, undefined],
    [
      'not a member where it posts alerts',
      alerts,
      found({ isMember: false }),
      false,
      'fail',
      /^@ctx-ops is not in #alerts: what it posts there on its own \(alerts\) is refused by Slack \(not_in_channel\)$/,
      /^type `\/invite @ctx-ops` in #alerts$/,
    ],
    [
      'not a member where operations are allowed',
      ops,
      found({ name: 'ops', isMember: false }),
      false,
      'warn',
      /not in #ops/,
      /^type `\/invite @ctx-ops` in #ops$/,
    ],
    [
      'not a member of a public channel, with chat:write.public',
      alerts,
      found({ isMember: false }),
      true,
      'ok',
      /chat:write\.public lets it post/,
      undefined,
    ],
    [
      'not a member of a private channel, with chat:write.public',
      alerts,
      found({ isMember: false, isPrivate: true }),
      true,
      'fail',
      /not in #alerts/,
      /\/invite @ctx-ops/,
    ],
    ['archived', alerts, found({ isArchived: true }), false, 'fail', /is archived/, /unarchive/],
    [
      'not found (private, or a wrong id)',
      alerts,
      { state: 'not-found' },
      false,
      'fail',
      /^Slack cannot find channel C0ALERTS1 \(used for alerts\): it is private and @ctx-ops is not in it, or the id is wrong$/,
      /\/invite @ctx-ops/,
    ],
    [
      'a channel name where an id belongs',
      { ...alerts, ref: '#alerts' },
      { state: 'not-found' },
      false,
      'fail',
      /"#alerts" \(used for alerts\) is not a channel id/,
      /configured by id \(C…\)/,
    ],
    [
      'no channels:read',
      alerts,
      { state: 'missing-scope', needed: 'channels:read' },
      false,
      'warn',
      /lacks the channels:read scope/,
      /add `channels:read`/,
    ],
    ['without Slack', alerts, { state: 'no-slack' }, false, 'skip', /not checked without Slack/, undefined],
  ] as Array<[string, ChannelUse, ChannelFacts, boolean, DoctorStatus, RegExp, RegExp | undefined]>)(
    '%s',
    (_n, use, facts, publicPosting, status, seen, fix) => {
      const i = channelItem(use, facts, { botName: 'ctx-ops', publicPosting });
      expect(i.status).toBe(status);
      expect(i.seen).toMatch(seen);
      if (fix) expect(i.fix).toMatch(fix);
      else expect(i.fix).toBeUndefined();
    },
  );
});

describe('store', () => {
  const all: StorePrivileges = {
    databaseCreate: true,
    schemaExists: true,
    schemaUsage: true,
    schemaCreate: true,
    tablesWithoutDml: 0,
    sequencesWithoutUse: 0,
    otherOwners: [],
  };
  const reached = (over: Partial<Extract<StoreFacts, { state: 'reached' }>> = {}): StoreFacts => ({
    state: 'reached',
    target: 'db:5432/ctx',
    role: 'ctx_ops',
    database: 'ctx',
    standby: false,
    privileges: all,
    pending: [],
    write: { ok: true },
    ...over,
  });
  it.each([
    [
      'CONNECT and USAGE only',
      { ...all, databaseCreate: false, schemaCreate: false, tablesWithoutDml: 9, sequencesWithoutUse: 3 },
      [
        'GRANT CREATE ON DATABASE "ctx" TO "ctx_ops";',
        'GRANT USAGE, CREATE ON SCHEMA ctx_ops TO "ctx_ops";',
        'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ctx_ops TO "ctx_ops";',
        'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ctx_ops TO "ctx_ops";',
      ],
    ],
    [
      'no schema yet, no CREATE on the database',
      { ...all, databaseCreate: false, schemaExists: false, schemaUsage: false, schemaCreate: false },
      ['GRANT CREATE ON DATABASE "ctx" TO "ctx_ops";'],
    ],
    ['everything', all, []],
  ] as Array<[string, StorePrivileges, string[]]>)('GRANTs for %s', (_n, p, grants) =>
    expect(storeGrants('ctx_ops', 'ctx', p)).toEqual(grants),
  );

  it('quotes identifiers', () =>
    expect(storeGrants('we"ird', 'my db', { ...all, databaseCreate: false })).toEqual([
      'GRANT CREATE ON DATABASE "my db" TO "we""ird";',
    ]));

  it.each([
    ['none, under Slack', { state: 'none' }, true, 'warn', /no database is configured/, /CTX_OPS_DATABASE_URL/],
    ['none, in the shell', { state: 'none' }, false, 'skip', /no database/, /CTX_OPS_DATABASE_URL/],
    [
      'unreachable',
      { state: 'unreachable', target: 'db:5432/ctx', seen: 'TCP: connection refused' },
      true,
      'fail',
      /^cannot reach the store at db:5432\/ctx: TCP: connection refused$/,
      /CTX_OPS_DATABASE_URL/,
    ],
    ['a standby', reached({ standby: true }), true, 'fail', /read-only/, /primary/],
    [
      'permission denied',
      reached({
        privileges: { ...all, databaseCreate: false },
        write: { ok: false, code: '42501', message: 'permission denied for database ctx' },
      }),
      true,
      'fail',
      /cannot write its schema ctx_ops as role "ctx_ops" in database "ctx" \(db:5432\/ctx\): a test write failed .*: permission denied for database ctx/,
      /^run as the database's owner:\n {2}GRANT CREATE ON DATABASE "ctx" TO "ctx_ops";\nor give ctx-ops a database of its own: CTX_OPS_DATABASE_URL=/,
    ],
    [
      'another failure',
      reached({ write: { ok: false, code: '53100', message: 'could not extend file: No space left on device' } }),
      true,
      'fail',
      /No space left on device/,
      undefined,
    ],
    [
      'tables of another owner',
      reached({ privileges: { ...all, otherOwners: ['postgres'] } }),
      true,
      'warn',
      /belong to "postgres"/,
      /OWNER TO "ctx_ops"/,
    ],
    [
      'pending migrations',
      reached({ pending: ['0006_x'] }),
      true,
      'ok',
      /1 of ctx-ops' migrations will be applied when it starts \(0006_x\)/,
      undefined,
    ],
    [
      'no schema yet',
      reached({ privileges: { ...all, schemaExists: false, schemaUsage: false, schemaCreate: false } }),
      true,
      'ok',
      /does not exist yet; ctx-ops creates it when it starts/,
      undefined,
    ],
    ['all well', reached(), true, 'ok', /^schema ctx_ops is up to date and writable, as role "ctx_ops"/, undefined],
  ] as Array<[string, StoreFacts, boolean, DoctorStatus, RegExp, RegExp | undefined]>)(
    '%s',
    (_n, f, slack, status, seen, fix) => {
      const i = storeItem(f, { slack });
      expect(i.status).toBe(status);
      expect(i.seen).toMatch(seen);
      if (fix) expect(i.fix).toMatch(fix);
      else expect(i.fix).toBeUndefined();
    },
  );
});

describe('backup tools, folders, user groups', () => {
  it.each([
    [{ state: 'no-database' }, 'skip', /no DATABASE_URL/, undefined],
    [
      {
        state: 'ok',
        serverVersion: '17.2',
        pgDump: { version: '17.2', path: '/usr/bin/pg_dump' },
        pgRestore: { version: '17.2' },
      },
      'ok',
      /^pg_dump 17\.2 \(\/usr\/bin\/pg_dump\) and pg_restore 17\.2 fit PostgreSQL 17\.2$/,
      undefined,
    ],
    [
      {
        state: 'refused',
        reason:
          'pg_dump 15.20 (pg_dump) is older than the server (PostgreSQL 17.2) (major 17): pg_dump refuses to dump a server of a newer major version. Fix: install the PostgreSQL 17 client tools',
      },
      'warn',
      /^backups will be refused: pg_dump 15\.20 .* newer major version\.$/,
      /^install the PostgreSQL 17 client tools$/,
    ],
    [
      { state: 'refused', reason: 'cannot reach the database of prod: connect ECONNREFUSED' },
      'skip',
      /^cannot reach the database of prod/,
      undefined,
    ],
  ] as Array<[BackupToolFacts, DoctorStatus, RegExp, RegExp | undefined]>)(
    'pg_dump %j → %s',
    (f, status, seen, fix) => {
      const i = backupToolsItem('prod', f);
      expect(i.status).toBe(status);
      expect(i.seen).toMatch(seen);
      if (fix) expect(i.fix).toMatch(fix);
    },
  );

  it.each([
    [{ state: 'ok', entries: 3 }, 'ok', /readable \(3 entries\)/],
    [{ state: 'missing' }, 'fail', /does not exist: the runbooks cannot load/],
    [{ state: 'not-a-folder' }, 'fail', /is not a folder/],
    [{ state: 'unreadable', code: 'EACCES' }, 'fail', /cannot be read by this process \(EACCES\)/],
  ] as Array<[FolderFacts, DoctorStatus, RegExp]>)('folder %j → %s', (f, status, seen) => {
    const i = folderItem('runbooks.0', 'Runbooks folder', '/srv/runbooks', f, 'the runbooks cannot load');
    expect(i.status).toBe(status);
    expect(i.seen).toMatch(seen);
  });

  it.each([
    [{ state: 'ok', members: 4 }, 'ok', /^4 members \(named in `permissions\.prod\.request`\)$/],
    [{ state: 'ok', members: 0 }, 'warn', /^0 members/],
    [
      { state: 'problem', problem: { group: 'S0ONCALL', kind: 'missing-scope', code: 'missing_scope' } },
      'fail',
      /lacks the usergroups:read scope/,
    ],
    [
      { state: 'problem', problem: { group: 'S0ONCALL', kind: 'plan', code: 'plan_upgrade_required' } },
      'fail',
      /plan has no user groups/,
    ],
    [{ state: 'no-slack' }, 'skip', /not connected here/],
  ] as Array<[Parameters<typeof groupItem>[2], DoctorStatus, RegExp]>)('user group %j → %s', (f, status, seen) => {
    const i = groupItem('S0ONCALL', ['permissions.prod.request'], f);
    expect(i.status).toBe(status);
    expect(i.seen).toMatch(seen);
  });
});

describe('clock', () => {
  const sample = (skewMs: number, source = 'Slack', rttMs = 40): ClockSample => ({
    source,
    remote: new Date(1_800_000_000_000 + skewMs),
    local: new Date(1_800_000_000_000),
    rttMs,
  });
  it.each([
    [0, 'Slack', 0],
    [900, 'Slack', 0], // within the Date header's second
    [-1_500, 'Slack', -480],
    [30_000, 'Postgres (store)', 29_980],
    [-30_000, 'Postgres (store)', -29_980],
  ])('remote %i ms from %s: %i ms of skew', (skew, source, expected) =>
    expect(clockSkewMs(sample(skew, source))).toBe(expected),
  );

  it.each([
    [[sample(400)], false, 'ok', /^Slack: in step$/],
    [
      [sample(-40_000), sample(20, 'Postgres (store)')],
      false,
      'warn',
      /^Slack: this machine is 39 s ahead; Postgres \(store\): in step: times in digests/,
    ],
    [[sample(-600_000)], false, 'warn', /10 min ahead/],
    [[sample(-600_000)], true, 'fail', /signed requests look older than 5 minutes/],
    [[], false, 'skip', /nothing to compare/],
  ] as Array<[ClockSample[], boolean, DoctorStatus, RegExp]>)('%#: %s', (samples, httpMode, status, seen) => {
    const i = clockItem(samples, { httpMode });
    expect(i.status).toBe(status);
    expect(i.seen).toMatch(seen);
  });
});

describe('delivery problems (from the delivery service)', () => {
  const p: DeliveryProblem = {
    channel: 'C0ALERTS1',
    purpose: 'alerts',
    error: 'not_in_channel',
    fix: 'type /invite @ctx-ops in #alerts',
    since: new Date('2026-11-28T09:00:00Z'),
    lastAttemptAt: new Date('2026-11-28T09:05:00Z'),
    waiting: 2,
  };
  const ctx = { channelName: (id: string) => (id === 'C0ALERTS1' ? '#alerts' : id), clock: at };
  it('absent service: nothing said; no problems: ok; each problem: fail with its fix', () => {
    expect(deliveryItems(undefined, ctx)).toEqual([]);
    expect(deliveryItems([], ctx)).toEqual([expect.objectContaining({ status: 'ok' })]);
    expect(deliveryItems([p], ctx)).toEqual([
      {
        id: 'delivery.C0ALERTS1.alerts',
        area: 'delivery',
        title: 'alerts → #alerts',
        status: 'fail',
        seen: 'Slack refused posting alerts to #alerts (not_in_channel) since 09:00, last tried 09:05; 2 posts waiting',
        fix: 'type /invite @ctx-ops in #alerts',
      },
    ]);
  });
});

describe('the report', () => {
  it.each([
    [['ok', 'skip'], 'ok'],
    [['ok', 'warn', 'skip'], 'warn'],
    [['warn', 'fail'], 'fail'],
    [[], 'ok'],
  ] as Array<[DoctorStatus[], string]>)('%j → %s', (statuses, overall) =>
    expect(overallOf(statuses.map((status) => ({ status })))).toBe(overall),
  );

  it('renders within Slack limits, with a text fallback and plain text, even with many items', () => {
    const items: DoctorItem[] = Array.from({ length: 120 }, (_, n) => ({
      id: `channel.C${n}`,
      area: 'channels',
      title: `#chan-${n}`,
      status: n % 3 ? 'ok' : 'fail',
      seen: `seen ${'x'.repeat(200)}`,
      fix: n % 3 ? undefined : 'type `/invite @ctx-ops` in #chan',
    }));
    items.push({
      id: 'store',
      area: 'store',
      title: 'Store',
      status: 'fail',
      seen: 'cannot write <ctx_ops> & more',
      fix: 'run as the database\'s owner:\n  GRANT CREATE ON DATABASE "ctx" TO "r";',
    });
    const r: DoctorReport = { checkedAt: '2026-11-28T09:00:00.000Z', durationMs: 12, overall: 'fail', items };
    const m = renderDoctor(r, { timeZone: 'UTC' });
    expect(m.blocks!.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    for (const b of m.blocks!)
      if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(m.text.split('\n')[0]).toBe('🔴 ctx-ops doctor: 41 problems (80 pass)');
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(JSON.stringify(m.blocks)).toContain('cannot write &lt;ctx_ops&gt; &amp; more');
    expect(JSON.stringify(m.blocks)).toContain('```  GRANT CREATE ON DATABASE');
    expect(m.plain).toContain("→ run as the database's owner:");
    expect(m.plain).toContain('    GRANT CREATE ON DATABASE "ctx" TO "r";');
    expect(m.json).toBe(r);
  });
});
