import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  forgeConnectionVerdict,
  oauthVerdict,
  provisionErrorAdvice,
  syncTargetVerdict,
  type ForgeFacts,
  type SyncTargetFacts,
} from '../../../src/diagnostics/checks/confluence.js';
import {
  ago,
  createCtxTables,
  fromNow,
  insertForgeConnection,
  insertOrg,
  insertRepo,
  insertRun,
  insertStepAttempt,
  insertSyncTarget,
  truncateCtxTables,
  withRole,
  type ForgeConfig,
} from '../../support/ctx-schema.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort, startSilentTcp } from '../../support/net.js';
import { createTestDatabase, type TestDatabase } from '../../support/pg.js';

const MIN = 60_000;
const H = 60 * MIN;
const WEBHOOK = 'https://ctx.example.com/api/v1/webhook/atlassian/forge';

/** The ten codes upstream's forge-provision-error-map.ts defines, plus one it might add later. */
const CODES: Array<[string | null, RegExp, RegExp]> = [
  [
    'forge_missing_operator_email',
    /no operator e-mail/,
    /e-mail of the Atlassian account that created the Forge API token/,
  ],
  ['forge_auth_failed', /rejected the Forge API token/, /new scoped API token \(App: Forge\) at id\.atlassian\.com/],
  ['forge_developer_space_noninteractive', /Developer Space interactively/, /hosted Forge install URL/],
  ['forge_developer_space_ensure_failed', /"ctxpipe" Developer Space/, /owns the Forge API token/],
  ['forge_lint_failed', /lint or bundling/, /AUTH_BASE_URL .* public https origin/],
  ['forge_deploy_forbidden', /may not deploy this Forge app/, /account that registered the app/],
  ['confluence_install_forbidden', /site admin rights/, /token of a Confluence site admin/],
  [
    'confluence_install_site',
    /site was not found, or the connection lacks its site host/,
    /bare site host \(your-site\.atlassian\.net/,
  ],
  ['network', /could not reach Atlassian/, /outbound HTTPS to api\.atlassian\.com/],
  ['unknown', /output ctx\| does not recognise/, /forge-provision\.failed log line/],
  [null, /output ctx\| does not recognise/, /forge-provision\.failed log line/],
  [
    'forge_new_thing',
    /code "forge_new_thing", which this bot does not know/,
    /worker's forge-provision\.failed log line/,
  ],
];

describe('Forge provisioning codes and connection state', () => {
  it.each(CODES)('provisionErrorCode %s has a meaning and a next step', (code, meaning, next) => {
    const a = provisionErrorAdvice(code);
    expect(a.meaning).toMatch(meaning);
    expect(a.next).toMatch(next);
  });

  const facts = (f: Partial<ForgeFacts>): ForgeFacts => ({
    status: 'pending',
    provisionStatus: 'idle',
    provisionErrorCode: null,
    provisionAgeMs: null,
    ...f,
  });
  it.each<[string, Partial<ForgeFacts>, string, RegExp]>([
    [
      'installed and provisioned',
      { status: 'installed', provisionStatus: 'succeeded', provisionAgeMs: 3 * H },
      'ok',
      /^installed$/,
    ],
    ['installed via the install URL (never provisioned)', { status: 'installed' }, 'ok', /^installed$/],
    ['never provisioned', {}, 'warn', /^not provisioned$/],
    ['upstream default when fields are absent', { status: null, provisionStatus: null }, 'warn', /^not provisioned$/],
    ['provisioning for 10 min', { provisionStatus: 'running', provisionAgeMs: 10 * MIN }, 'info', /^provisioning$/],
    ['provisioning for 3 h', { provisionStatus: 'running', provisionAgeMs: 3 * H }, 'fail', /^provisioning stuck$/],
    [
      'provisioned 5 min ago, install event pending',
      { provisionStatus: 'succeeded', provisionAgeMs: 5 * MIN },
      'warn',
      /^awaiting the installed event$/,
    ],
    [
      'provisioned 3 h ago, install event never came',
      { provisionStatus: 'succeeded', provisionAgeMs: 3 * H },
      'fail',
      /^installed event never arrived$/,
    ],
    [
      'provisioning failed',
      { provisionStatus: 'failed', provisionErrorCode: 'network' },
      'fail',
      /^provisioning failed \(network\)$/,
    ],
    [
      'installed, re-provisioning failed',
      { status: 'installed', provisionStatus: 'failed', provisionErrorCode: 'forge_auth_failed' },
      'warn',
      /^re-provisioning failed \(forge_auth_failed\)$/,
    ],
  ])('%s', (_n, f, level, label) => {
    const v = forgeConnectionVerdict(facts(f), 2 * H, WEBHOOK);
    expect(v.level).toBe(level);
    expect(v.label).toMatch(label);
  });

  const target = (t: Partial<SyncTargetFacts>): SyncTargetFacts => ({
    setupPhase: 'live',
    enabled: true,
    prCreating: false,
    pullUrl: null,
    idleMs: MIN,
    ...t,
  });
  it.each<[string, SyncTargetFacts | null, boolean, string, string]>([
    ['live', target({}), true, 'ok', 'sync live'],
    ['no target on an installed connection', null, true, 'warn', 'no sync target'],
    ['no target before install', null, false, 'info', 'no sync target'],
    ['draft', target({ setupPhase: 'draft' }), true, 'warn', 'setup not finished'],
    [
      'creating the PR for 5 min',
      target({ setupPhase: 'awaiting_merge', prCreating: true, idleMs: 5 * MIN }),
      true,
      'info',
      'creating config PR',
    ],
    [
      'creating the PR for 3 h',
      target({ setupPhase: 'awaiting_merge', prCreating: true, idleMs: 3 * H }),
      true,
      'fail',
      'config PR never created',
    ],
    [
      'PR open',
      target({ setupPhase: 'awaiting_merge', pullUrl: 'https://github.com/acme/ctx/pull/7', idleMs: 3 * H }),
      true,
      'warn',
      'awaiting PR merge',
    ],
    ['awaiting merge without a PR', target({ setupPhase: 'awaiting_merge' }), true, 'warn', 'no config PR'],
    ['initial sync for 20 min', target({ setupPhase: 'initial_sync', idleMs: 20 * MIN }), true, 'info', 'initial sync'],
    ['initial sync for 5 h', target({ setupPhase: 'initial_sync', idleMs: 5 * H }), true, 'fail', 'initial sync stuck'],
    ['disabled', target({ enabled: false }), true, 'info', 'sync disabled'],
    ['unknown phase', target({ setupPhase: 'archived' }), true, 'warn', 'phase archived'],
  ])('sync target %s', (_n, t, installed, level, label) => {
    const v = syncTargetVerdict(t, installed, 2 * H);
    expect([v.level, v.label]).toEqual([level, label]);
  });

  it.each<[string, Parameters<typeof oauthVerdict>[0], string]>([
    ['client id and secret on the connection', { clientId: 'abc', hasSecret: true, globalOAuth: false }, 'ok'],
    ['global ATLASSIAN_CLIENT_ID/SECRET', { clientId: null, hasSecret: false, globalOAuth: true }, 'ok'],
    ['client id without secret', { clientId: 'abc', hasSecret: false, globalOAuth: false }, 'warn'],
    ['nothing', { clientId: null, hasSecret: false, globalOAuth: false }, 'warn'],
  ])('Atlassian OAuth: %s → %s', (_n, o, level) => expect(oauthVerdict(o).level).toBe(level));
});

describe("confluence check against ctx|'s tables (real Postgres)", () => {
  let db: TestDatabase;
  let h: Harness | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('confluence');
    await createCtxTables(db);
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
    await truncateCtxTables(db);
  });
  afterAll(() => db.drop());

  const BASE = { AUTH_BASE_URL: 'https://ctx.example.com' };
  const check = async (opts: { env?: Record<string, string>; yaml?: string; url?: string } = {}) => {
    h = buildBot({ env: { DATABASE_URL: opts.url ?? db.url, ...BASE, ...opts.env }, yaml: opts.yaml ?? '' });
    const report = await h.bot.core.diagnostics.run('default', { only: ['confluence'], maxAgeMs: 0 });
    return { r: report.checks.find((c) => c.id === 'confluence')!, report };
  };

  const SECRETS = {
    forgeScopedApiToken: 'ATATT3xFfGF0-forge-token-value-123456',
    atlassianOAuthClientSecret: 'ATOA-client-secret-value-987654',
    appSystemToken: 'eyJhbGciOiJSUzI1NiJ9.system-token-payload.signature',
    provisionStderr: 'Error: token ATATT3xFfGF0-forge-token-value-123456 rejected for ops@acme.example',
    forgeOperatorEmail: 'ops@acme.example',
  };
  const healthy: ForgeConfig = {
    ...SECRETS,
    status: 'installed',
    provisionStatus: 'succeeded',
    provisionErrorCode: null,
    lastProvisionAt: ago({ days: 2 }).toISOString(),
    confluenceSiteHost: 'acme.atlassian.net',
    atlassianOAuthClientId: 'oauth-client-id-42',
    installationId: 'ari:cloud:ecosystem::installation/1',
    cloudId: 'cloud-1',
    lastEventPayload: { installerAccountId: 'acc-1', secretish: SECRETS.appSystemToken },
  };

  async function forge(
    config: ForgeConfig,
    phase: Partial<Parameters<typeof insertSyncTarget>[1]> | null = { setupPhase: 'live' },
  ) {
    const org = await insertOrg(db, { slug: 'acme' });
    const repo = await insertRepo(db, { orgId: org, name: 'acme/knowledge' });
    const connectionId = await insertForgeConnection(db, { orgId: org, config });
    if (phase) await insertSyncTarget(db, { orgId: org, connectionId, repositoryId: repo, ...phase });
    return { org, connectionId };
  }

  it('skips when Confluence is not configured', async () => {
    const org = await insertOrg(db, { slug: 'acme' });
    await insertRepo(db, { orgId: org, name: 'acme/api' });
    const { r } = await check();
    expect(r.status).toBe('skip');
    expect(r.summary).toBe(
      'Confluence is not configured: no Forge connection, ATLASSIAN_CLIENT_ID and CONFLUENCE_FORGE_INSTALL_URL unset',
    );
  });

  it('with only the deployment settings, shows the callback URL to register and no secret', async () => {
    const { r } = await check({
      env: { ATLASSIAN_CLIENT_ID: 'client-id-1', ATLASSIAN_CLIENT_SECRET: 'deployment-secret-value' },
    });
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('configured; no Forge connection yet');
    expect(r.details).toContain('✓ ATLASSIAN_CLIENT_ID and ATLASSIAN_CLIENT_SECRET are set (secret not shown)');
    expect(r.details).toContain(
      '· Atlassian OAuth (3LO) callback URL to register: https://ctx.example.com/api/v1/integrations/atlassian/callback',
    );
    expect(JSON.stringify(r)).not.toContain('deployment-secret-value');
  });

  it('warns when only half of the Atlassian client is set', async () => {
    const { r } = await check({ env: { ATLASSIAN_CLIENT_ID: 'client-id-1' } });
    expect(r.status).toBe('warn');
    expect(r.runbook).toBe('confluence-stalls');
    expect(r.details).toContain(
      '⚠ ATLASSIAN_CLIENT_ID is set but ATLASSIAN_CLIENT_SECRET is not: upstream enables the Atlassian provider only with both',
    );
  });

  it('is ok for an installed connection with a live sync target, and never prints a secret from config', async () => {
    const { connectionId } = await forge(healthy);
    await insertRun(db, { workflowName: 'confluence-sync-content', status: 'completed' });
    const { r } = await check();
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('acme: installed, sync live');
    const who = `org acme, connection ${connectionId} (acme.atlassian.net)`;
    expect(r.details).toContain(`✓ ${who}: Forge app installed: ctx| received Atlassian's installed event`);
    expect(r.details).toContain(
      `✓ ${who}: Atlassian OAuth app saved on the connection: client id oauth-client-id-42, secret set`,
    );
    expect(r.details).toContain(
      `✓ ${who}: sync target live: the merged confluence/config.yaml drives the sync (repository acme/knowledge)`,
    );
    expect(r.details).toContain('✓ no forge-provision or confluence-sync-* run failed in the last 24 h');
    const everything = JSON.stringify(r) + h!.logs.join('');
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('installerAccountId');
  });

  it.each(CODES.filter(([c]) => c !== null))(
    'a failed provisioning with %s fails with its sentence and next step',
    async (code, meaning, next) => {
      await forge(
        {
          ...healthy,
          status: 'pending',
          provisionStatus: 'failed',
          provisionErrorCode: code,
          lastProvisionAt: ago({ minutes: 20 }).toISOString(),
        },
        null,
      );
      const { r } = await check();
      expect(r.status).toBe('fail');
      expect(r.runbook).toBe('confluence-stalls');
      expect(r.summary).toBe(`acme: provisioning failed (${code})`);
      const line = r.details.find((d) => d.includes('provisioning failed 20 min ago'))!;
      expect(line).toMatch(/^✗ org acme, connection /);
      expect(line).toMatch(meaning);
      expect(line).toMatch(/Next: /);
      expect(line).toMatch(next);
      expect(JSON.stringify(r)).not.toContain(SECRETS.forgeScopedApiToken);
    },
  );

  it('fails when provisioning has been running for longer than checks.confluence.stuckHours', async () => {
    await forge(
      { ...healthy, status: 'pending', provisionStatus: 'running', lastProvisionAt: ago({ hours: 3 }).toISOString() },
      null,
    );
    const { r } = await check();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('acme: provisioning stuck');
    expect(r.details.join('\n')).toMatch(
      /provisioning started 3 h ago and never finished: the worker died during forge-provision or never picked it up/,
    );
    await h!.close();
    const relaxed = await check({ yaml: 'checks:\n  confluence:\n    stuckHours: 4\n' });
    expect(relaxed.r.status).toBe('ok');
    expect(relaxed.r.summary).toBe('acme: provisioning, no sync target');
  });

  it('names the webhook Atlassian must reach when the installed event never arrived', async () => {
    await forge(
      { ...healthy, status: 'pending', provisionStatus: 'succeeded', lastProvisionAt: ago({ hours: 5 }).toISOString() },
      null,
    );
    const { r } = await check();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('acme: installed event never arrived');
    expect(r.details.join('\n')).toContain(
      'Atlassian must be able to reach https://ctx.example.com/api/v1/webhook/atlassian/forge',
    );
  });

  it('lists what a not-yet-provisioned connection still lacks, as presence only', async () => {
    await forge({ status: 'pending', provisionStatus: 'idle', forgeOperatorEmail: 'ops@acme.example' }, null);
    const { r } = await check();
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('acme: not provisioned');
    expect(r.details.join('\n')).toMatch(/not saved on the connection yet: Confluence site host, Forge API token$/m);
    expect(r.details.join('\n')).toContain(
      'no Atlassian OAuth app saved on the connection and ATLASSIAN_CLIENT_ID/SECRET unset',
    );
    expect(JSON.stringify(r)).not.toContain('ops@acme.example');
  });

  it.each<
    [string, Parameters<typeof insertSyncTarget>[1] extends infer T ? Partial<T> : never, string, string, RegExp]
  >([
    [
      'draft',
      { setupPhase: 'draft', updatedAt: ago({ hours: 1 }) },
      'warn',
      'acme: setup not finished',
      /setup phase draft for 60 min: pick the repository and branch/,
    ],
    [
      'PR open',
      {
        setupPhase: 'awaiting_merge',
        pendingConfigPullUrl: 'https://github.com/acme/knowledge/pull/12',
        updatedAt: ago({ hours: 3 }),
      },
      'warn',
      'acme: awaiting PR merge',
      /waiting 3 h for the config pull request to be merged: https:\/\/github\.com\/acme\/knowledge\/pull\/12/,
    ],
    [
      'PR never created',
      { setupPhase: 'awaiting_merge', pendingConfigPrCreating: true, updatedAt: ago({ hours: 3 }) },
      'fail',
      'acme: config PR never created',
      /confluence-sync-config never finished/,
    ],
    [
      'initial sync stuck',
      { setupPhase: 'initial_sync', updatedAt: ago({ hours: 6 }) },
      'fail',
      'acme: initial sync stuck',
      /initial sync running for 6 h without finishing/,
    ],
    [
      'initial sync running',
      { setupPhase: 'initial_sync', updatedAt: ago({ minutes: 15 }) },
      'ok',
      'acme: installed, initial sync',
      /initial sync in progress \(for 15 min\)/,
    ],
  ])("reports the sync target's setup phase: %s", async (_n, phase, status, summary, detail) => {
    await forge(healthy, phase);
    const { r } = await check();
    expect(r.status).toBe(status);
    expect(r.summary).toBe(summary);
    expect(r.details.join('\n')).toMatch(detail);
  });

  it('warns when an installed connection has no sync target', async () => {
    await forge(healthy, null);
    const { r } = await check();
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('acme: no sync target');
  });

  it('reports failed and stuck forge-provision / confluence-sync-* runs, and ignores other workflows', async () => {
    await forge(healthy);
    await insertRun(db, {
      workflowName: 'forge-provision',
      status: 'failed',
      finishedAt: ago({ hours: 2 }),
      error: { message: 'Unknown forge connection for org' },
    });
    await insertRun(db, {
      workflowName: 'confluence-sync-content',
      status: 'failed',
      finishedAt: ago({ hours: 3 }),
      error: { message: 'Confluence API 401 for https://svc:pw123@acme.atlassian.net/wiki' },
    });
    const stuck = await insertRun(db, {
      workflowName: 'confluence-sync-space',
      status: 'pending',
      availableAt: ago({ hours: 3 }),
    });
    await insertRun(db, {
      workflowName: 'repository-ingestion',
      status: 'failed',
      error: { message: 'not a Confluence job' },
    });
    await insertRun(db, { workflowName: 'repository-ingestion', status: 'pending', availableAt: ago({ hours: 5 }) });
    const { r } = await check();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('acme: installed, sync live; 2 job failure(s) in 24 h; 1 stuck job(s)');
    const details = r.details.join('\n');
    expect(details).toContain('⚠ forge-provision: 1 failed in 24 h; latest 2 h ago: Unknown forge connection for org');
    expect(details).toContain(
      '⚠ confluence-sync-content: 1 failed in 24 h; latest 3 h ago: Confluence API 401 for https://acme.atlassian.net/wiki',
    );
    expect(details).toContain(`✗ confluence-sync-space run ${stuck.slice(0, 8)} waiting to be picked up for 3 h`);
    expect(details).not.toContain('not a Confluence job');
    expect(details).not.toContain('repository-ingestion');
    expect(details).not.toContain('pw123');
  });

  it('warns about a Confluence job that keeps failing while OpenWorkflow retries it (not failed yet)', async () => {
    await forge(healthy);
    const run = await insertRun(db, {
      workflowName: 'confluence-sync-content',
      status: 'pending',
      availableAt: fromNow({ minutes: 3 }),
      error: { message: 'Confluence API 503' },
    });
    for (const minutes of [20, 12, 4])
      await insertStepAttempt(db, {
        workflowRunId: run,
        stepName: 'sync-content',
        status: 'failed',
        error: { message: 'Confluence API 503' },
        createdAt: ago({ minutes }),
      });
    const ingest = await insertRun(db, {
      workflowName: 'repository-ingestion',
      status: 'pending',
      availableAt: fromNow({ minutes: 3 }),
    });
    await insertStepAttempt(db, {
      workflowRunId: ingest,
      stepName: 'resolve-ref',
      status: 'failed',
      error: { message: 'not a Confluence job' },
    });
    const { r } = await check();
    expect(r.status).toBe('warn');
    expect(r.runbook).toBe('confluence-stalls');
    expect(r.summary).toBe('acme: installed, sync live; 1 job(s) retrying after failed steps');
    const details = r.details.join('\n');
    expect(details).toContain(
      `⚠ confluence-sync-content run ${run.slice(0, 8)} keeps failing and is being retried: 3 failed step attempts in the last 60 min (first 20 min ago, latest 4 min ago, step sync-content): Confluence API 503; the run is pending, next attempt in 2 min`,
    );
    expect(details).not.toContain('not a Confluence job');
  });

  it('warns that it cannot see the jobs when the OpenWorkflow schema is missing', async () => {
    const bare = await createTestDatabase('confluence_bare');
    try {
      await createCtxTables(bare, { openworkflowSchema: false });
      const org = await insertOrg(bare, { slug: 'acme' });
      await insertForgeConnection(bare, {
        orgId: org,
        config: {
          status: 'installed',
          provisionStatus: 'succeeded',
          atlassianOAuthClientId: 'x',
          atlassianOAuthClientSecret: 'y',
        },
      });
      const { r } = await check({ url: bare.url });
      expect(r.status).toBe('warn');
      expect(r.details.join('\n')).toContain(
        "⚠ cannot see the worker's Confluence jobs: OpenWorkflow schema openworkflow is missing (see the worker check)",
      );
    } finally {
      await h?.close();
      h = undefined;
      await bare.drop();
    }
  });

  it("still reports the connections when the role may not read OpenWorkflow's runs, naming the missing GRANT", async () => {
    await forge(healthy);
    const grants = [
      'GRANT CONNECT ON DATABASE {db} TO {role}',
      'GRANT USAGE ON SCHEMA public TO {role}',
      'GRANT SELECT ON public.organizations, public.repositories, public.connections, public.confluence_sync_targets TO {role}',
    ];
    const r = await withRole(db, grants, async (url) => {
      h = buildBot({ env: { DATABASE_URL: url, ...BASE } });
      try {
        const report = await h.bot.core.diagnostics.run('default', { only: ['confluence'], maxAgeMs: 0 });
        return report.checks.find((c) => c.id === 'confluence')!;
      } finally {
        await h.close();
        h = undefined;
      }
    });
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('acme: installed, sync live');
    expect(r.details.join('\n')).toMatch(
      /⚠ cannot see the worker's Confluence jobs: permission denied reading OpenWorkflow's runs in schema openworkflow .*grant the bot's role SELECT/,
    );
  });

  it('carries rootCause postgres when Postgres is down', async () => {
    const port = await closedPort();
    const { r, report } = await check({
      url: `postgres://postgres@127.0.0.1:${port}/ctx`,
      env: { CONFLUENCE_FORGE_INSTALL_URL: 'https://developer.atlassian.com/console/install/abc' },
    });
    expect(report.checks.map((c) => c.id)).toEqual(['postgres', 'confluence']);
    expect(r.status).toBe('fail');
    expect(r.rootCause).toBe('postgres');
  });

  it('times out against a server that never answers', async () => {
    const silent = await startSilentTcp();
    try {
      const started = Date.now();
      const { r } = await check({
        url: `postgres://postgres@127.0.0.1:${silent.port}/ctx`,
        env: { ATLASSIAN_CLIENT_ID: 'id', ATLASSIAN_CLIENT_SECRET: 'secret-value-xyz' },
        yaml: 'checks:\n  postgres:\n    timeoutMs: 300\n  confluence:\n    timeoutMs: 300\n',
      });
      expect(Date.now() - started).toBeLessThan(4000);
      expect(r.status).toBe('fail');
      expect(r.summary).toMatch(/timed out: no answer within 300 ms/);
      expect(r.rootCause).toBe('postgres');
    } finally {
      await silent.close();
    }
  });
});
