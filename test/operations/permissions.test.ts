import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Surface } from '../../src/contracts/chat.js';
import {
  decideCancel,
  decideConfirm,
  decideRequest,
  matches,
  policyFor,
  type EnvPolicy,
  type RefusalCode,
} from '../../src/operations/approvals/permissions.js';
import { createGroupResolver } from '../../src/slack/user-groups.js';
import { buildConfig } from '../support/harness.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';

const prod = { name: 'prod', production: true };
const staging = { name: 'staging', production: false };
const cfg = (permissions: Record<string, unknown>) =>
  ({ permissions, channels: { alerts: 'C0ALERTS' } }) as Parameters<typeof policyFor>[0];

describe('policy defaults', () => {
  it('production without an entry: nobody, two-person rule on', () => {
    const p = policyFor(cfg({}), prod);
    expect(p).toMatchObject({
      configured: false,
      request: { mode: 'nobody' },
      approve: { mode: 'nobody' },
      twoPerson: true,
      channels: null,
    });
  });
  it('non-production without an entry: anyone, no two-person rule', () => {
    expect(policyFor(cfg({}), staging)).toMatchObject({
      request: { mode: 'anyone' },
      approve: { mode: 'anyone' },
      twoPerson: false,
    });
  });
  it('request falls back to approve and the other way round; channel roles resolve', () => {
    const p = policyFor(cfg({ prod: { approve: ['S0LEADS'], channels: ['alerts', 'C0OPS'] } }), prod);
    expect(p.request).toEqual({ mode: 'listed', principals: ['S0LEADS'] });
    expect(p.channels).toEqual(['C0ALERTS', 'C0OPS']);
    expect(policyFor(cfg({ staging: { request: ['U1'] } }), staging).approve).toEqual({
      mode: 'listed',
      principals: ['U1'],
    });
  });
  it('an entry with no lists: nobody in production, anyone elsewhere; twoPerson can be turned off', () => {
    expect(policyFor(cfg({ prod: { twoPerson: false } }), prod)).toMatchObject({
      approve: { mode: 'nobody' },
      twoPerson: false,
    });
    expect(policyFor(cfg({ staging: { twoPerson: true } }), staging)).toMatchObject({
      approve: { mode: 'anyone' },
      twoPerson: true,
    });
  });
});

const slackUser = (id: string, channelId = 'C0OPS'): Actor => ({ userId: id, channelId });
const local: Actor = { userId: 'local:alice' };
const listed = (request: string[], approve: string[], extra: Partial<EnvPolicy> = {}): EnvPolicy => ({
  env: 'prod',
  production: true,
  configured: true,
  request: { mode: 'listed', principals: request },
  approve: { mode: 'listed', principals: approve },
  channels: ['C0OPS'],
  twoPerson: true,
  ...extra,
});
const nobody: EnvPolicy = policyFor(cfg({}), prod);
const open: EnvPolicy = policyFor(cfg({}), staging);

describe('who may request', () => {
  it.each([
    ['listed Slack user in the right channel', listed(['U1'], ['U2']), slackUser('U1'), 'slack', true, null],
    ['not listed', listed(['U1'], ['U2']), slackUser('U3'), 'slack', false, 'unauthorised'],
    ['wrong channel', listed(['U1'], ['U2']), slackUser('U1', 'C0OTHER'), 'slack', true, 'wrong-channel'],
    ['production without permissions', nobody, slackUser('U1'), 'slack', false, 'no-policy'],
    ['the one-shot CLI', open, local, 'cli', true, 'cli'],
    ['shell user, non-production without an entry', open, local, 'shell', true, null],
    ['shell user not listed', listed(['U1'], ['U2']), local, 'shell', false, 'unauthorised'],
    [
      'shell user listed as local:*; channels do not apply to the shell',
      listed(['local:*'], ['U2']),
      local,
      'shell',
      true,
      null,
    ],
  ] as Array<[string, EnvPolicy, Actor, Surface, boolean, RefusalCode | null]>)(
    '%s',
    (_name, policy, actor, surface, mayRequest, code) => {
      const r = decideRequest({ policy, actor, surface, mayRequest });
      expect(r?.code ?? null).toBe(code);
    },
  );

  it('names the YAML to add for a production environment without permissions', () => {
    const r = decideRequest({ policy: nobody, actor: slackUser('U1'), surface: 'slack', mayRequest: false });
    expect(r!.message).toContain('permissions:\n  prod:\n    request:');
    expect(r!.message).toContain('marked production');
  });
});

const now = new Date('2026-08-23T12:00:00Z');
const pending = (over: Partial<NonNullable<Parameters<typeof decideConfirm>[0]['approval']>> = {}) => ({
  state: 'requested' as const,
  expiresAt: new Date(now.getTime() + 60_000),
  requesterId: 'U1',
  hashOk: true,
  ...over,
});

describe('who may confirm', () => {
  it.each([
    ['an approver other than the requester', listed(['U1'], ['U2']), slackUser('U2'), 'slack', pending(), true, null],
    [
      'an approver who also asked (two-person rule)',
      listed(['U1'], ['U1', 'U2']),
      slackUser('U1'),
      'slack',
      pending(),
      true,
      'same-person',
    ],
    [
      'the requester with the two-person rule off',
      listed(['U1'], ['U1'], { twoPerson: false }),
      slackUser('U1'),
      'slack',
      pending(),
      true,
      null,
    ],
    ['someone not in approve', listed(['U1'], ['U2']), slackUser('U3'), 'slack', pending(), false, 'unauthorised'],
    [
      'an expired request',
      listed(['U1'], ['U2']),
      slackUser('U2'),
      'slack',
      pending({ expiresAt: new Date(now.getTime() - 1) }),
      true,
      'expired',
    ],
    [
      'expiry is exclusive at the instant',
      listed(['U1'], ['U2']),
      slackUser('U2'),
      'slack',
      pending({ expiresAt: now }),
      true,
      'expired',
    ],
    [
      'an approval already confirmed',
      listed(['U1'], ['U2']),
      slackUser('U2'),
      'slack',
      pending({ state: 'running' }),
      true,
      'already-used',
    ],
    [
      'an approval already run',
      listed(['U1'], ['U2']),
      slackUser('U2'),
      'slack',
      pending({ state: 'succeeded' }),
      true,
      'already-used',
    ],
    [
      'a cancelled approval',
      listed(['U1'], ['U2']),
      slackUser('U2'),
      'slack',
      pending({ state: 'cancelled' }),
      true,
      'already-used',
    ],
    [
      'parameters that no longer match their hash',
      listed(['U1'], ['U2']),
      slackUser('U2'),
      'slack',
      pending({ hashOk: false }),
      true,
      'tampered',
    ],
    [
      'a click in another channel',
      listed(['U1'], ['U2']),
      slackUser('U2', 'C0ELSE'),
      'slack',
      pending(),
      true,
      'wrong-channel',
    ],
    ['production without permissions', nobody, slackUser('U2'), 'slack', pending(), false, 'no-policy'],
    [
      'one local user under the two-person rule',
      listed(['local:*'], ['local:*']),
      local,
      'shell',
      pending({ requesterId: 'local:alice' }),
      true,
      'same-person',
    ],
    [
      'another local user under the two-person rule',
      listed(['local:*'], ['local:*']),
      local,
      'shell',
      pending({ requesterId: 'local:bob' }),
      true,
      null,
    ],
    [
      'a local user on staging without an entry',
      open,
      local,
      'shell',
      pending({ requesterId: 'local:bob' }),
      true,
      null,
    ],
    [
      'a local user confirming their own staging request (no two-person rule there)',
      open,
      local,
      'shell',
      pending({ requesterId: 'local:alice' }),
      true,
      null,
    ],
  ] as Array<[string, EnvPolicy, Actor, Surface, ReturnType<typeof pending>, boolean, RefusalCode | null]>)(
    '%s',
    (_n, policy, actor, surface, approval, mayApprove, code) => {
      const r = decideConfirm({ policy, actor, surface, approval, now, mayApprove });
      expect(r?.code ?? null).toBe(code);
    },
  );

  it('an unknown approval is refused', () => {
    expect(
      decideConfirm({ policy: open, actor: local, surface: 'shell', approval: null, now, mayApprove: true })?.code,
    ).toBe('unknown');
  });

  it('a local user under the two-person rule is told one person cannot meet it', () => {
    const r = decideConfirm({
      policy: listed(['local:*'], ['local:*']),
      actor: local,
      surface: 'shell',
      approval: pending({ requesterId: 'local:alice' }),
      now,
      mayApprove: true,
    });
    expect(r?.code).toBe('same-person');
    expect(r?.message).toMatch(/One local user cannot meet it alone/);
  });
});

describe('who may cancel', () => {
  it.each([
    ['the requester', 'U1', false, null],
    ['an approver', 'U2', true, null],
    ['anyone else', 'U3', false, 'unauthorised'],
  ] as Array<[string, string, boolean, RefusalCode | null]>)('%s', (_n, user, mayApprove, code) => {
    const r = decideCancel({
      actor: slackUser(user),
      approval: { state: 'requested', requesterId: 'U1' },
      mayApprove,
      policy: listed(['U1'], ['U2']),
    });
    expect(r?.code ?? null).toBe(code);
  });
  it('not once it has run', () => {
    expect(
      decideCancel({
        actor: slackUser('U1'),
        approval: { state: 'running', requesterId: 'U1' },
        mayApprove: true,
        policy: open,
      })?.code,
    ).toBe('already-used');
  });
});

describe('principals and user groups (usergroups.users.list through the real Web API client)', () => {
  let slack: FakeSlack;
  let calls = 0;
  beforeAll(async () => {
    slack = await startFakeSlack();
    slack.handle('usergroups.users.list', (args) => {
      calls++;
      return { users: args.usergroup === 'S0LEADS' ? ['U0LEAD01', 'U0LEAD02'] : [] };
    });
  });
  afterAll(() => slack.close());

  it('matches user ids, user-group members and local principals; caches group members briefly', async () => {
    let t = 0;
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const groups = createGroupResolver({
      client: () => client,
      log: pino({ level: 'silent' }),
      ttlMs: 1000,
      now: () => t,
    });
    const list = { mode: 'listed' as const, principals: ['U0DIRECT', 'S0LEADS', 'local:bob'] };
    expect(await matches(list, { userId: 'U0DIRECT' }, groups)).toBe(true);
    expect(calls).toBe(0); // a direct match needs no lookup
    expect(await matches(list, { userId: 'U0LEAD02' }, groups)).toBe(true);
    expect(await matches(list, { userId: 'U0OTHER' }, groups)).toBe(false);
    expect(calls).toBe(1);
    t = 2000;
    expect(await matches(list, { userId: 'U0LEAD01' }, groups)).toBe(true);
    expect(calls).toBe(2);
    expect(await matches(list, { userId: 'local:bob' }, groups)).toBe(true);
    expect(await matches(list, { userId: 'local:alice' }, groups)).toBe(false);
    expect(await matches({ mode: 'listed', principals: ['local:*'] }, { userId: 'local:alice' }, groups)).toBe(true);
    // A Slack user never matches local principals, a local user never a Slack id.
    expect(await matches({ mode: 'listed', principals: ['local:*'] }, { userId: 'U0LEAD01' }, groups)).toBe(false);
  });

  it('without Slack (the shell), a user group matches nobody', async () => {
    const groups = createGroupResolver({ client: () => null, log: pino({ level: 'silent' }) });
    expect(await matches({ mode: 'listed', principals: ['S0LEADS'] }, { userId: 'U0LEAD01' }, groups)).toBe(false);
  });
});

describe('YAML', () => {
  it('accepts Slack ids, user groups and local principals; rejects anything else', () => {
    const ok = buildConfig({
      env: { DATABASE_URL: 'postgres://x@127.0.0.1/x' },
      yaml: 'permissions:\n  default: { request: [U0ABC, "local:*"], approve: [S0LEADS, W0XYZ, local:alice], twoPerson: true, channels: [C0OPS] }\n',
    });
    expect(ok.config.permissions.default!.approve).toEqual(['S0LEADS', 'W0XYZ', 'local:alice']);
    ok.cleanup();
    expect(() =>
      buildConfig({
        env: { DATABASE_URL: 'postgres://x@127.0.0.1/x' },
        yaml: 'permissions:\n  default: { approve: [alice] }\n',
      }),
    ).toThrow(/invalid configuration/);
    expect(() =>
      buildConfig({
        env: { DATABASE_URL: 'postgres://x@127.0.0.1/x' },
        yaml: 'operations:\n  restoreTest: { cron: "every sunday" }\n',
      }),
    ).toThrow(/invalid configuration/);
  });
});
