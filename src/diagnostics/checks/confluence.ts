import * as z from 'zod';
import type { Environment } from '../../config/types.js';
import { describeReadError, isStatementError, missingTables } from '../ctx-tables.js';
import { findings, skipped, type Findings } from '../findings.js';
import {
  describeProblemRun,
  describeRetries,
  failuresByWorkflow,
  openWorkflowSchemaState,
  problemRuns,
  retryingRuns,
  type ActiveRun,
  type FailureGroup,
  type RetryingRun,
  type RunProblem,
  type SchemaState,
} from '../openworkflow-runs.js';
import { excerpt } from '../../util/text.js';
import { roughDuration } from '../../util/format.js';
import type { Check } from '../types.js';

export interface ConfluenceOptions {
  stuckHours: number;
  failureWindowHours: number;
}

type Level = 'ok' | 'warn' | 'fail' | 'info';

export interface Advice {
  /** What the code means, in one sentence. */
  meaning: string;
  /** What to do about it. */
  next: string;
}

/**
 * `connections.config.provisionErrorCode`, as upstream's forge-provision workflow sets it
 * (lib/forge-provision-error-map.ts matches the Forge CLI's output against patterns, in
 * this order: network, developer space, auth, deploy, install, site, lint). The upstream
 * list has ten codes; a code this bot does not know still gets a sentence.
 */
export function provisionErrorAdvice(code: string | null): Advice {
  switch (code) {
    case 'forge_missing_operator_email':
      return {
        meaning: 'the connection has no operator e-mail, which the Forge CLI needs beside the API token',
        next: 'enter the e-mail of the Atlassian account that created the Forge API token on the provisioning form, then provision again',
      };
    case 'forge_auth_failed':
      return {
        meaning: 'Atlassian rejected the Forge API token (401, unauthorized or expired token)',
        next: "create a new scoped API token (App: Forge) at id.atlassian.com with the operator e-mail's account, save it on the connection, then provision again",
      };
    case 'forge_developer_space_noninteractive':
      return {
        meaning: 'the Forge CLI asked to pick a Developer Space interactively, which the worker cannot answer',
        next: 'install through the hosted Forge install URL (CONFLUENCE_FORGE_INSTALL_URL), or register the app once locally and store its app id, then provision again',
      };
    case 'forge_developer_space_ensure_failed':
      return {
        meaning: 'ctx| could not find or create its "ctxpipe" Developer Space with the token and operator e-mail',
        next: 'check that the operator e-mail is the account that owns the Forge API token and that the token has Forge scopes, then provision again',
      };
    case 'forge_lint_failed':
      return {
        meaning: "the Forge app ctx| generated failed the Forge CLI's lint or bundling (invalid manifest)",
        next: "check that AUTH_BASE_URL (the manifest's remote) is the public https origin; otherwise report the forge-provision.failed worker log line (stderr preview) to ctx| with the job id",
      };
    case 'forge_deploy_forbidden':
      return {
        meaning: 'the Atlassian account behind the token may not deploy this Forge app',
        next: 'provision with a token of the account that registered the app (or a contributor to it)',
      };
    case 'confluence_install_forbidden':
      return {
        meaning: 'the account may not install apps on the Confluence site (site admin rights are needed)',
        next: 'provision with a token of a Confluence site admin, or have a site admin install the app',
      };
    case 'confluence_install_site':
      return {
        meaning: 'the Confluence site was not found, or the connection lacks its site host or Forge API token',
        next: 'enter the bare site host (your-site.atlassian.net, without https://) of a site that has Confluence, make sure the Forge API token is saved, then provision again',
      };
    case 'network':
      return {
        meaning: 'the worker could not reach Atlassian (DNS failure, timeout, refused connection)',
        next: 'allow the worker outbound HTTPS to api.atlassian.com and your *.atlassian.net site (proxy, firewall, DNS), then provision again',
      };
    case 'unknown':
    case null:
      return {
        meaning: 'the Forge CLI failed with output ctx| does not recognise',
        next: "read the worker's forge-provision.failed log line (stderrPreview) for the Forge CLI's own message, fix that, then provision again",
      };
    default:
      return {
        meaning: `provisioning failed with code ${JSON.stringify(code)}, which this bot does not know`,
        next: "read the worker's forge-provision.failed log line for the Forge CLI output",
      };
  }
}

export interface ForgeFacts {
  /** config.status: pending until Atlassian's installed event reaches the backend. */
  status: string | null;
  /** config.provisionStatus: idle | running | succeeded | failed (upstream default idle). */
  provisionStatus: string | null;
  provisionErrorCode: string | null;
  /** now - config.lastProvisionAt, null when never provisioned. */
  provisionAgeMs: number | null;
}

export interface Verdict {
  level: Level;
  /** Short label for the summary line. */
  label: string;
  text: string;
}

/** The Forge connection's install and provisioning state as one sentence and a next step. */
export function forgeConnectionVerdict(c: ForgeFacts, stuckMs: number, webhookUrl: string): Verdict {
  const status = c.status ?? 'pending';
  const provision = c.provisionStatus ?? 'idle';
  const age = c.provisionAgeMs === null ? '' : ` ${roughDuration(c.provisionAgeMs)} ago`;
  if (provision === 'failed') {
    const a = provisionErrorAdvice(c.provisionErrorCode);
    const code = c.provisionErrorCode ?? 'no code';
    if (status === 'installed') {
      return {
        level: 'warn',
        label: `re-provisioning failed (${code})`,
        text: `installed, but the latest provisioning${age} failed (${code}): ${a.meaning}. Next: ${a.next}`,
      };
    }
    return {
      level: 'fail',
      label: `provisioning failed (${code})`,
      text: `provisioning failed${age} (${code}): ${a.meaning}. Next: ${a.next}`,
    };
  }
  if (provision === 'running') {
    if (c.provisionAgeMs !== null && c.provisionAgeMs >= stuckMs) {
      return {
        level: 'fail',
        label: 'provisioning stuck',
        text: `provisioning started${age} and never finished: the worker died during forge-provision or never picked it up (see the worker check); provision again once the worker runs`,
      };
    }
    return {
      level: 'info',
      label: 'provisioning',
      text: `provisioning in progress (started${age || ' at an unknown time'})`,
    };
  }
  if (status === 'installed')
    return { level: 'ok', label: 'installed', text: "Forge app installed: ctx| received Atlassian's installed event" };
  if (provision === 'succeeded') {
    const text = `provisioning succeeded${age}, but ctx| has not received the app's installed event: Atlassian must be able to reach ${webhookUrl} (the backend's public origin)`;
    if (c.provisionAgeMs !== null && c.provisionAgeMs < stuckMs)
      return { level: 'warn', label: 'awaiting the installed event', text };
    return { level: 'fail', label: 'installed event never arrived', text };
  }
  if (provision === 'idle') {
    return {
      level: 'warn',
      label: 'not provisioned',
      text: 'not provisioned yet (pending): an org admin has to enter the Confluence site host, a Forge API token and the operator e-mail under Connectors and provision, or install from the Forge install URL',
    };
  }
  return {
    level: 'warn',
    label: `provisioning ${provision}`,
    text: `unknown provisionStatus ${JSON.stringify(provision)} with status ${status}`,
  };
}

export interface SyncTargetFacts {
  setupPhase: string;
  enabled: boolean;
  prCreating: boolean;
  pullUrl: string | null;
  /** now - confluence_sync_targets.updated_at (upstream writes it on every phase change). */
  idleMs: number;
}

/** confluence_sync_targets.setup_phase: draft → awaiting_merge → initial_sync → live. */
export function syncTargetVerdict(t: SyncTargetFacts | null, installed: boolean, stuckMs: number): Verdict {
  if (!t) {
    return installed
      ? {
          level: 'warn',
          label: 'no sync target',
          text: 'no sync target: choose the repository and branch Confluence content goes to (Connectors → Confluence)',
        }
      : { level: 'info', label: 'no sync target', text: 'no sync target yet (set up after the app is installed)' };
  }
  const idle = roughDuration(t.idleMs);
  const stuck = t.idleMs >= stuckMs;
  let v: Verdict;
  switch (t.setupPhase) {
    case 'live':
      v = {
        level: 'ok',
        label: 'sync live',
        text: 'sync target live: the merged confluence/config.yaml drives the sync',
      };
      break;
    case 'draft':
      v = {
        level: 'warn',
        label: 'setup not finished',
        text: `setup phase draft for ${idle}: pick the repository and branch and save; ctx| then opens the config pull request`,
      };
      break;
    case 'awaiting_merge':
      if (t.prCreating) {
        v = stuck
          ? {
              level: 'fail',
              label: 'config PR never created',
              text: `the config pull request has been "being created" for ${idle}: confluence-sync-config never finished (see the jobs below and the worker check)`,
            }
          : {
              level: 'info',
              label: 'creating config PR',
              text: `creating the config pull request (since ${idle} ago)`,
            };
      } else if (t.pullUrl) {
        v = {
          level: 'warn',
          label: 'awaiting PR merge',
          text: `waiting ${idle} for the config pull request to be merged: ${excerpt(t.pullUrl, 200)}`,
        };
      } else {
        v = {
          level: 'warn',
          label: 'no config PR',
          text: 'awaiting merge, but no pull request is recorded: save the sync setup again to reopen it',
        };
      }
      break;
    case 'initial_sync':
      v = stuck
        ? {
            level: 'fail',
            label: 'initial sync stuck',
            text: `initial sync running for ${idle} without finishing: confluence-sync-content failed or never ran (see the jobs below)`,
          }
        : { level: 'info', label: 'initial sync', text: `initial sync in progress (for ${idle})` };
      break;
    default:
      v = {
        level: 'warn',
        label: `phase ${t.setupPhase}`,
        text: `unknown setup phase ${JSON.stringify(t.setupPhase)}`,
      };
  }
  if (!t.enabled && v.level !== 'fail')
    return { level: 'info', label: 'sync disabled', text: `sync disabled on the target (phase ${t.setupPhase})` };
  return v;
}

export interface OAuthFacts {
  /** config.atlassianOAuthClientId (upstream: non-secret). */
  clientId: string | null;
  hasSecret: boolean;
  /** ATLASSIAN_CLIENT_ID and ATLASSIAN_CLIENT_SECRET both set. */
  globalOAuth: boolean;
}

/**
 * Linking Atlassian accounts (3LO). With ATLASSIAN_CLIENT_ID/SECRET set, upstream's UI links
 * through the Better Auth sign-in provider; otherwise it uses the OAuth app saved on the
 * connection and the callback /api/v1/integrations/atlassian/callback.
 */
export function oauthVerdict(o: OAuthFacts): Verdict {
  if (o.globalOAuth)
    return {
      level: 'ok',
      label: 'oauth global',
      text: 'Atlassian accounts link through the sign-in provider (ATLASSIAN_CLIENT_ID / ATLASSIAN_CLIENT_SECRET)',
    };
  if (o.clientId && o.hasSecret)
    return {
      level: 'ok',
      label: 'oauth app',
      text: `Atlassian OAuth app saved on the connection: client id ${o.clientId}, secret set`,
    };
  if (o.clientId) {
    return {
      level: 'warn',
      label: 'oauth secret missing',
      text: `Atlassian OAuth app client id ${o.clientId} saved without its secret: the token exchange at the callback cannot succeed; save the secret again`,
    };
  }
  return {
    level: 'warn',
    label: 'no oauth app',
    text: 'no Atlassian OAuth app saved on the connection and ATLASSIAN_CLIENT_ID/SECRET unset: people cannot link their Atlassian accounts (upstream answers 400 forge_atlassian_oauth_missing)',
  };
}

/** Where Atlassian delivers Forge lifecycle events: the manifest's remote is the backend's public origin. */
export function forgeWebhookUrl(env: Environment): string {
  const base = env.ctx.raw.CTXPIPE_PUBLIC_APP_URL?.trim() || env.ctx.AUTH_BASE_URL;
  return `${base.replace(/\/+$/, '')}/api/v1/webhook/atlassian/forge`;
}

/** Upstream builds it with new URL(path, AUTH_BASE_URL), so that is what Atlassian must have registered. */
export function atlassianCallbackUrl(env: Environment): string {
  return new URL('/api/v1/integrations/atlassian/callback', env.ctx.AUTH_BASE_URL).toString();
}

interface ForgeRow {
  id: string;
  org: string;
  status: string | null;
  provision_status: string | null;
  provision_error_code: string | null;
  /** ISO string as upstream writes it; parsed here so a malformed value cannot break the query. */
  last_provision_at: string | null;
  db_now: Date;
  site_host: string | null;
  oauth_client_id: string | null;
  has_oauth_secret: boolean;
  has_forge_token: boolean;
  has_operator_email: boolean;
  setup_phase: string | null;
  enabled: boolean | null;
  pr_creating: boolean | null;
  pull_url: string | null;
  target_idle_ms: string | null;
  repo_name: string | null;
}

const JOBS = { names: ['forge-provision'], patterns: ['confluence-sync-%'] };
/** Failed step attempts of active jobs are reported from this window (as the worker check's default). */
const RETRY_WINDOW_MINUTES = 60;

interface Jobs {
  state?: SchemaState;
  /** Set when reading the runs was refused. */
  error?: string;
  failures: FailureGroup[];
  problems: Array<ActiveRun & { problem: RunProblem }>;
  retrying: RetryingRun[];
}

/** now (the database's) - an ISO timestamp from config; null when absent or unparsable. */
function ageFrom(iso: string | null, now: Date): number | null {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? null : now.getTime() - t;
}

function emit(f: Findings, level: Level, text: string) {
  f[level](text);
}

export const confluenceCheck: Check<ConfluenceOptions> = {
  id: 'confluence',
  title: 'Confluence',
  dependsOn: ['postgres'],
  options: {
    stuckHours: z.number().positive().default(2),
    failureWindowHours: z.number().positive().default(24),
  },
  async run(ctx, signal) {
    const f = findings();
    const env = ctx.env.ctx;
    const envConfigured = Boolean(env.ATLASSIAN_CLIENT_ID || env.CONFLUENCE_FORGE_INSTALL_URL);
    if (!ctx.pg) {
      if (!envConfigured) return skipped('Confluence is not configured (and DATABASE_URL is not set)');
      f.fail("DATABASE_URL is not set: Forge connections live in ctx|'s Postgres");
      return f.done('DATABASE_URL is not set');
    }
    const pg = ctx.pg;
    const stuckMs = ctx.options.stuckHours * 3_600_000;

    let read: { missing: string[]; rows: ForgeRow[]; jobs: Jobs | null };
    try {
      read = await pg.withClient(signal, async (client) => {
        const missing = await missingTables(client, [
          'connections',
          'organizations',
          'confluence_sync_targets',
          'repositories',
        ]);
        if (missing.includes('connections')) return { missing, rows: [], jobs: null };
        const hasOrgs = !missing.includes('organizations');
        const hasTargets = !missing.includes('confluence_sync_targets') && !missing.includes('repositories');
        // Only allow-listed config fields leave the database; secrets are reduced to "is set".
        const { rows } = await client.query<ForgeRow>(
          `SELECT c.id, ${hasOrgs ? 'coalesce(o.slug, c.org_id)' : 'c.org_id'} AS org,
                  c.config->>'status' AS status,
                  c.config->>'provisionStatus' AS provision_status,
                  c.config->>'provisionErrorCode' AS provision_error_code,
                  c.config->>'lastProvisionAt' AS last_provision_at, now() AS db_now,
                  c.config->>'confluenceSiteHost' AS site_host,
                  nullif(trim(c.config->>'atlassianOAuthClientId'), '') AS oauth_client_id,
                  coalesce(trim(c.config->>'atlassianOAuthClientSecret'), '') <> '' AS has_oauth_secret,
                  coalesce(c.config->>'forgeScopedApiToken', '') <> '' AS has_forge_token,
                  coalesce(trim(c.config->>'forgeOperatorEmail'), '') <> '' AS has_operator_email,
                  ${
                    hasTargets
                      ? `t.setup_phase, t.enabled, t.pending_config_pr_creating AS pr_creating, t.pending_config_pull_url AS pull_url,
                         (extract(epoch FROM now() - t.updated_at) * 1000)::text AS target_idle_ms, r.name AS repo_name`
                      : `NULL AS setup_phase, NULL AS enabled, NULL AS pr_creating, NULL AS pull_url, NULL AS target_idle_ms, NULL AS repo_name`
                  }
             FROM connections c
             ${hasOrgs ? 'LEFT JOIN organizations o ON o.id = c.org_id' : ''}
             ${hasTargets ? 'LEFT JOIN confluence_sync_targets t ON t.connection_id = c.id LEFT JOIN repositories r ON r.id = t.repository_id' : ''}
            WHERE c.type = 'forge'
            ORDER BY org, c.created_at`,
        );
        if (!rows.length && !envConfigured) return { missing, rows, jobs: null };
        const jobs: Jobs = { failures: [], problems: [], retrying: [] };
        try {
          jobs.state = await openWorkflowSchemaState(client, env.OPENWORKFLOW_POSTGRES_SCHEMA);
          if (jobs.state.kind === 'ok') {
            jobs.failures = await failuresByWorkflow(
              client,
              jobs.state.quoted,
              ctx.options.failureWindowHours * 3_600_000,
              JOBS,
            );
            jobs.problems = await problemRuns(
              client,
              jobs.state.quoted,
              { overdueMs: stuckMs, longRunningMs: stuckMs },
              JOBS,
              6,
            );
            jobs.retrying = await retryingRuns(client, jobs.state.quoted, RETRY_WINDOW_MINUTES * 60_000, JOBS, 6);
          }
        } catch (err) {
          // The connections were read; a refused read of the jobs (a missing GRANT) is its own finding.
          if (signal.aborted || !isStatementError(err)) throw err;
          jobs.error = describeReadError(
            err,
            `OpenWorkflow's runs in schema ${env.OPENWORKFLOW_POSTGRES_SCHEMA}`,
            pg.target,
          );
        }
        return { missing, rows, jobs };
      });
    } catch (err) {
      if (signal.aborted) throw err;
      f.fail(describeReadError(err, 'table connections', pg.target));
      return f.done('cannot read Forge connections');
    }

    if (read.missing.includes('connections')) {
      if (!envConfigured)
        return skipped(
          'Confluence is not configured (no connections table, ATLASSIAN_CLIENT_ID and CONFLUENCE_FORGE_INSTALL_URL unset)',
        );
      f.fail(
        "table connections does not exist: ctx|'s migrations have not run against this database (see the migrations check)",
      );
      return f.done('no connections table', { runbook: 'confluence-stalls' });
    }
    if (!read.rows.length && !envConfigured) {
      return skipped(
        'Confluence is not configured: no Forge connection, ATLASSIAN_CLIENT_ID and CONFLUENCE_FORGE_INSTALL_URL unset',
      );
    }

    // Deployment-wide settings.
    const globalOAuth = Boolean(env.ATLASSIAN_CLIENT_ID && env.ATLASSIAN_CLIENT_SECRET);
    if (globalOAuth) f.ok('ATLASSIAN_CLIENT_ID and ATLASSIAN_CLIENT_SECRET are set (secret not shown)');
    else if (env.ATLASSIAN_CLIENT_ID)
      f.warn(
        'ATLASSIAN_CLIENT_ID is set but ATLASSIAN_CLIENT_SECRET is not: upstream enables the Atlassian provider only with both',
      );
    else if (env.ATLASSIAN_CLIENT_SECRET)
      f.warn(
        'ATLASSIAN_CLIENT_SECRET is set but ATLASSIAN_CLIENT_ID is not: upstream enables the Atlassian provider only with both',
      );
    if (env.ATLASSIAN_CLIENT_ID || env.ATLASSIAN_CLIENT_SECRET) {
      f.info(
        "upstream's Compose file does not pass ATLASSIAN_* to the backend and worker: set them in those services' environment, not only in .env",
      );
    }
    if (env.CONFLUENCE_FORGE_INSTALL_URL) {
      const host = URL.canParse(env.CONFLUENCE_FORGE_INSTALL_URL)
        ? new URL(env.CONFLUENCE_FORGE_INSTALL_URL).host
        : 'not a valid URL';
      f.info(`CONFLUENCE_FORGE_INSTALL_URL is set (${host})`);
    }
    f.info(`Atlassian OAuth (3LO) callback URL to register: ${atlassianCallbackUrl(ctx.env)}`);

    // Each Forge connection.
    const webhook = forgeWebhookUrl(ctx.env);
    const labels: Array<{ org: string; level: Level; label: string }> = [];
    for (const r of read.rows) {
      const who = `org ${r.org}, connection ${r.id}${r.site_host ? ` (${excerpt(r.site_host, 80)})` : ''}`;
      const conn = forgeConnectionVerdict(
        {
          status: r.status,
          provisionStatus: r.provision_status,
          provisionErrorCode: r.provision_error_code,
          provisionAgeMs: ageFrom(r.last_provision_at, r.db_now),
        },
        stuckMs,
        webhook,
      );
      emit(f, conn.level, `${who}: ${conn.text}`);
      const installed = r.status === 'installed';
      if (!installed && (r.provision_status ?? 'idle') !== 'succeeded') {
        const missing = [
          !r.site_host && 'Confluence site host',
          !r.has_forge_token && 'Forge API token',
          !r.has_operator_email && 'operator e-mail',
        ].filter(Boolean);
        if (missing.length) f.info(`${who}: not saved on the connection yet: ${missing.join(', ')}`);
      }
      const oauth = oauthVerdict({ clientId: r.oauth_client_id, hasSecret: r.has_oauth_secret, globalOAuth });
      emit(f, oauth.level, `${who}: ${oauth.text}`);
      const target =
        r.setup_phase === null
          ? null
          : {
              setupPhase: r.setup_phase,
              enabled: r.enabled ?? true,
              prCreating: r.pr_creating ?? false,
              pullUrl: r.pull_url,
              idleMs: Number(r.target_idle_ms),
            };
      const sync = syncTargetVerdict(target, installed, stuckMs);
      emit(f, sync.level, `${who}: ${sync.text}${r.repo_name ? ` (repository ${r.repo_name})` : ''}`);
      const all = [conn, sync, oauth];
      const worst = all.find((v) => v.level === 'fail') ?? all.find((v) => v.level === 'warn');
      labels.push({
        org: r.org,
        level: worst?.level ?? 'ok',
        label: worst ? worst.label : `${conn.label}, ${sync.label}`,
      });
    }
    if (!read.rows.length) f.info('no organisation has connected Confluence (no Forge connection) yet');

    // Jobs the worker runs for Confluence.
    const jobs = read.jobs!;
    if (jobs.error || !jobs.state) {
      f.warn(`cannot see the worker's Confluence jobs: ${jobs.error ?? 'not read'}`);
    } else if (jobs.state.kind !== 'ok') {
      f.warn(
        `cannot see the worker's Confluence jobs: OpenWorkflow schema ${jobs.state.schema} is ${jobs.state.kind === 'invalid-name' ? 'not a valid name' : 'missing'} (see the worker check)`,
      );
    } else {
      if (!jobs.failures.length)
        f.ok(`no forge-provision or confluence-sync-* run failed in the last ${ctx.options.failureWindowHours} h`);
      for (const g of jobs.failures) {
        const step = g.lastStep ? ` in step ${g.lastStep}` : '';
        f.warn(
          `${g.workflowName}: ${g.failures} failed in ${ctx.options.failureWindowHours} h; latest ${roughDuration(g.lastAgoMs)} ago${step}: ${excerpt(g.lastError) || 'no message'}`,
        );
      }
      for (const p of jobs.problems) f[p.problem === 'long-running' ? 'warn' : 'fail'](describeProblemRun(p));
      // Not failed yet, but failing: OpenWorkflow retries the step and the connection shows no error meanwhile.
      for (const r of jobs.retrying)
        f.warn(
          `${r.workflowName} run ${r.id.slice(0, 8)} keeps failing and is being retried: ${describeRetries(r, RETRY_WINDOW_MINUTES)}`,
        );
      if (!jobs.problems.length) f.ok(`no Confluence job waiting or running longer than ${ctx.options.stuckHours} h`);
    }

    // Summary.
    const parts: string[] = [];
    if (!labels.length) parts.push('configured; no Forge connection yet');
    else if (labels.length <= 2) parts.push(...labels.map((l) => `${l.org}: ${l.label}`));
    else {
      const bad = labels.filter((l) => l.level === 'fail' || l.level === 'warn');
      parts.push(
        `${labels.length} Forge connections, ${bad.length} need attention${bad[0] ? ` (${bad[0].org}: ${bad[0].label})` : ''}`,
      );
    }
    const failedJobs = jobs.failures.reduce((a, g) => a + g.failures, 0);
    if (failedJobs) parts.push(`${failedJobs} job failure(s) in ${ctx.options.failureWindowHours} h`);
    const stuckJobs = jobs.problems.filter((p) => p.problem !== 'long-running').length;
    if (stuckJobs) parts.push(`${stuckJobs} stuck job(s)`);
    if (jobs.retrying.length) parts.push(`${jobs.retrying.length} job(s) retrying after failed steps`);
    const status = f.status;
    return f.done(parts.join('; '), status === 'ok' ? {} : { runbook: 'confluence-stalls' });
  },
};
