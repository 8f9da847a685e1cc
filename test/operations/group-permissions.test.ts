import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOperationsFeature } from '../../src/operations/feature.js';
import { decideConfirm, decideRequest, policyFor } from '../../src/operations/approvals/permissions.js';
import { describeGroupProblem, groupProblemOf, type GroupProblem } from '../../src/slack/user-groups.js';
import { createStore } from '../../src/store/store.js';
import { MANIFEST_SCOPES, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { silentLog, TOOL_ENV } from './helpers.js';

/**
 * When the members of a user group cannot be read, a refusal blames what is wrong (the
 * app's scopes, the workspace's plan, the id), not the person, who may be in the group.
 */
const policy = policyFor(
  { permissions: { prod: { request: ['S0ONCALL'], approve: ['S0LEADS'] } }, channels: {} } as never,
  { name: 'prod', production: true },
);
const problem = (kind: GroupProblem['kind'], code: string, group = 'S0ONCALL'): GroupProblem => ({ group, kind, code });

describe('refusals when user groups cannot be read (rules)', () => {
  it.each([
    ['missing_scope', 'missing-scope'],
    ['plan_upgrade_required', 'plan'],
    ['paid_only', 'plan'],
    ['no_such_subteam', 'not-found'],
    ['invalid_auth', 'other'],
  ])('Slack error %s is a %s problem', (code, kind) => {
    expect(groupProblemOf('S0X', { data: { error: code } }).kind).toBe(kind);
  });

  it.each([
    [
      'missing-scope',
      'missing_scope',
      /lacks the usergroups:read scope/,
      /add `usergroups:read` under OAuth & Permissions → Bot Token Scopes and reinstall the app/,
    ],
    [
      'plan',
      'plan_upgrade_required',
      /plan has no user groups \(Slack answered plan_upgrade_required\)/,
      /list Slack user ids \(U…\) in `permissions\.prod\.request` instead/,
    ],
    [
      'not-found',
      'no_such_subteam',
      /does not exist in this workspace/,
      /check the id in `permissions\.prod\.request`/,
    ],
  ] as Array<[GroupProblem['kind'], string, RegExp, RegExp]>)(
    'a %s problem: the request refusal says what is wrong and what to do',
    (kind, code, seen, fix) => {
      const r = decideRequest({
        policy,
        actor: { userId: 'U0ALICE01' },
        surface: 'slack',
        mayRequest: false,
        groupProblems: [problem(kind, code)],
      });
      expect(r?.code).toBe('groups-unavailable');
      expect(r?.message).toMatch(/^Could not check whether you may request operations on \*prod\*/);
      expect(r?.message).toMatch(seen);
      expect(r?.message).toMatch(fix);
      expect(r?.message).not.toMatch(/You may not/);
    },
  );

  it('confirmations too; and a "no" without any group problem still says who is allowed', () => {
    const approval = {
      state: 'requested' as const,
      expiresAt: new Date(Date.now() + 60_000),
      requesterId: 'U0ALICE01',
      hashOk: true,
    };
    const c = decideConfirm({
      policy,
      actor: { userId: 'U0BOB0001' },
      surface: 'slack',
      approval,
      now: new Date(),
      mayApprove: false,
      groupProblems: [problem('missing-scope', 'missing_scope', 'S0LEADS')],
    });
    expect(c?.message).toMatch(
      /^Could not check whether you may confirm operations on \*prod\*: the Slack app lacks the usergroups:read scope/,
    );
    expect(c?.message).toContain('`permissions.prod.approve`');
    const plain = decideRequest({
      policy,
      actor: { userId: 'U0ALICE01' },
      surface: 'slack',
      mayRequest: false,
      groupProblems: [],
    });
    expect(plain?.code).toBe('unauthorised');
  });

  it('names the group as a mention Slack renders', () => {
    expect(describeGroupProblem(problem('plan', 'paid_only'), 'permissions.prod.request').seen).toContain(
      '<!subteam^S0ONCALL>',
    );
  });
});

describe('/ctx backup by someone in a user group, through the real Bolt app', () => {
  let slack: FakeSlack;
  let db: TestDatabase;
  let bot: SlackHarness | undefined;
  beforeAll(async () => {
    [slack, db] = await Promise.all([startFakeSlack(), createTestDatabase('groups')]);
    slack.handle('usergroups.users.list', (args) => ({ users: args.usergroup === 'S0ONCALL' ? ['U0CAROL01'] : [] }));
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    slack.setScopes(MANIFEST_SCOPES);
    slack.clearFaults('usergroups.users.list');
  });
  afterAll(async () => {
    await Promise.all([slack.close(), db.drop()]);
  });

  const start = async () =>
    (bot = await startSlackBot(slack, {
      env: TOOL_ENV,
      yaml: `environments:\n  prod: { production: true, env: { DATABASE_URL: "${db.url}" } }\npermissions:\n  prod: { request: [S0ONCALL], approve: [S0LEADS] }\n`,
      app: {
        store: createStore(db.url, silentLog),
        features: [createOperationsFeature({ recoverEveryMs: 3_600_000 })],
      },
    }));
  async function ask(user: string): Promise<string> {
    const cmd = slack.slashCommand('backup prod', { user });
    const resp = await slack.waitFor(() => slack.responses.find((r) => r.id === cmd.responseUrl.split('/').pop()));
    expect(resp.body.response_type).toBe('ephemeral');
    return String(resp.body.text);
  }

  it('the app lacks usergroups:read: the answer names the scope to add', async () => {
    await start();
    slack.setScopes(MANIFEST_SCOPES.filter((s) => s !== 'usergroups:read'));
    const text = await ask('U0ALICE01');
    expect(text).toContain('Could not check whether you may request operations on *prod*');
    expect(text).toContain('the Slack app lacks the usergroups:read scope');
    expect(text).toContain('add `usergroups:read` under OAuth & Permissions → Bot Token Scopes and reinstall the app');
    expect(text).not.toContain('You may not request');
  });

  it('a workspace without user groups (plan_upgrade_required): the answer says so and suggests user ids', async () => {
    await start();
    slack.fail('usergroups.users.list', { error: 'plan_upgrade_required' }, 5);
    const text = await ask('U0ALICE01');
    expect(text).toContain("this Slack workspace's plan has no user groups (Slack answered plan_upgrade_required)");
    expect(text).toContain('list Slack user ids (U…) in `permissions.prod.request` instead of user-group ids');
  });

  it('the group is readable and the person is not in it: the usual answer', async () => {
    await start();
    const text = await ask('U0ALICE01');
    expect(text).toContain('You may not request operations on *prod*');
  });
});
