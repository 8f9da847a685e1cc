import { randomBytes, randomUUID } from 'node:crypto';

/**
 * The slice of ctx|'s database that the diagnostics read, created with upstream's table
 * and column names and types (apps/backend/src/db/schema/*.ts at ctxpipe 046c8023, and
 * OpenWorkflow 0.8.0's own migrations for the `openworkflow` schema). Only the columns
 * the checks read plus every NOT NULL one, so an insert that works here also satisfies
 * upstream's constraints. Use it on a database from createTestDatabase():
 *
 *   const db = await createTestDatabase('indexing');
 *   await createCtxTables(db);                       // public tables + openworkflow schema
 *   const org = await insertOrg(db, { slug: 'acme' });
 *   await insertRepo(db, { orgId: org, name: 'acme/api', indexingStatus: 'failed', indexingError: '…' });
 *   await insertRun(db, { workflowName: 'forge-provision', status: 'failed', error: { message: '…' } });
 *
 * Timestamps default to now(); pass `ago({ hours: 5 })` to place something in the past.
 */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export const INDEXING_STATUSES = [
  'queued',
  'running',
  'ready',
  'failed',
  'unindexing',
  'complete_with_issues',
] as const;
export type IndexingStatus = (typeof INDEXING_STATUSES)[number];

/** A Date that long before now. */
export function ago(d: { days?: number; hours?: number; minutes?: number; seconds?: number }): Date {
  const ms = (((d.days ?? 0) * 24 + (d.hours ?? 0)) * 60 + (d.minutes ?? 0)) * 60_000 + (d.seconds ?? 0) * 1000;
  return new Date(Date.now() - ms);
}

/** A Date that far in the future. */
export function fromNow(d: { hours?: number; minutes?: number; seconds?: number }): Date {
  const ms = ((d.hours ?? 0) * 60 + (d.minutes ?? 0)) * 60_000 + (d.seconds ?? 0) * 1000;
  return new Date(Date.now() + ms);
}

/** Upstream ids look like `<prefix>_<base32 uuid>`; the shape does not matter to the checks. */
const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`;

// ---------------------------------------------------------------------------- tables

/** `organizations` (Better Auth, schema/auth.ts): note created_at is timestamp WITHOUT time zone upstream. */
export async function createOrganizationsTable(db: Sql): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS organizations (
      id text PRIMARY KEY,
      name text NOT NULL,
      slug text NOT NULL UNIQUE,
      logo text,
      created_at timestamp NOT NULL,
      metadata text
    )`);
}

/**
 * `invitations` (Better Auth organization plugin, schema/auth.ts), read by ctx|'s public
 * invitation route. inviter_id references users upstream; that table is left out here.
 */
export async function createInvitationsTable(db: Sql): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS invitations (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      email text NOT NULL,
      role text,
      status text NOT NULL DEFAULT 'pending',
      expires_at timestamp NOT NULL,
      created_at timestamp NOT NULL DEFAULT now(),
      inviter_id text NOT NULL
    )`);
}

/** `connections` (schema/connections.ts): provider rows; `config` jsonb holds per-type settings and secrets. */
export async function createConnectionsTable(db: Sql): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS connections (
      id text PRIMARY KEY,
      org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      type text NOT NULL,
      config jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
}

/** `repositories` (schema/repositories.ts) with its `repository_indexing_status` enum. org_id has no FK upstream. */
export async function createRepositoriesTable(db: Sql): Promise<void> {
  await db.query(`
    DO $$ BEGIN
      CREATE TYPE repository_indexing_status AS ENUM (${INDEXING_STATUSES.map((s) => `'${s}'`).join(', ')});
    EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
  await db.query(`
    CREATE TABLE IF NOT EXISTS repositories (
      id text PRIMARY KEY,
      org_id text NOT NULL,
      name text NOT NULL,
      git_url text NOT NULL,
      index_ready boolean NOT NULL DEFAULT false,
      indexing_status repository_indexing_status,
      indexing_error text,
      indexing_failed_at timestamptz,
      last_ingested_hash text,
      last_ingested_at timestamptz,
      indexing_reason text,
      indexing_step integer,
      indexing_step_total integer,
      indexing_step_key text,
      github_connection_id text REFERENCES connections(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (name, org_id),
      UNIQUE (git_url, org_id)
    )`);
}

/** `confluence_sync_targets` (schema/confluenceSyncTargets.ts): one per Forge connection. */
export async function createConfluenceSyncTargetsTable(db: Sql): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS confluence_sync_targets (
      id text PRIMARY KEY,
      org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      connection_id text NOT NULL UNIQUE REFERENCES connections(id) ON DELETE CASCADE,
      repository_id text NOT NULL REFERENCES repositories(id) ON DELETE RESTRICT,
      branch text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      setup_phase text NOT NULL DEFAULT 'live',
      pending_config_pull_url text,
      pending_config_pr_creating boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
}

/**
 * OpenWorkflow's tables as its 0.8.0 migrations create them (BackendPostgres.connect runs
 * them on startup of ctx|'s backend and worker), in `schema` (default `openworkflow`).
 */
export async function createOpenWorkflowTables(db: Sql, schema = 'openworkflow'): Promise<void> {
  const s = `"${schema}"`;
  await db.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await db.query(`
    CREATE TABLE IF NOT EXISTS ${s}.workflow_runs (
      namespace_id text NOT NULL,
      id text NOT NULL,
      workflow_name text NOT NULL,
      version text,
      status text NOT NULL,
      idempotency_key text,
      config jsonb NOT NULL,
      context jsonb,
      input jsonb,
      output jsonb,
      error jsonb,
      attempts integer NOT NULL,
      worker_id text,
      available_at timestamptz,
      deadline_at timestamptz,
      started_at timestamptz,
      finished_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (namespace_id, id)
    )`);
  await db.query(`
    CREATE TABLE IF NOT EXISTS ${s}.step_attempts (
      namespace_id text NOT NULL,
      id text NOT NULL,
      workflow_run_id text NOT NULL,
      step_name text NOT NULL,
      kind text NOT NULL,
      status text NOT NULL,
      config jsonb NOT NULL,
      context jsonb,
      output jsonb,
      error jsonb,
      started_at timestamptz,
      finished_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (namespace_id, id),
      FOREIGN KEY (namespace_id, workflow_run_id) REFERENCES ${s}.workflow_runs (namespace_id, id) ON DELETE CASCADE
    )`);
}

/** Everything above: organizations, invitations, connections, repositories, confluence_sync_targets, and (unless false) OpenWorkflow's schema. */
export async function createCtxTables(db: Sql, opts: { openworkflowSchema?: string | false } = {}): Promise<void> {
  await createOrganizationsTable(db);
  await createInvitationsTable(db);
  await createConnectionsTable(db);
  await createRepositoriesTable(db);
  await createConfluenceSyncTargetsTable(db);
  if (opts.openworkflowSchema !== false) await createOpenWorkflowTables(db, opts.openworkflowSchema ?? 'openworkflow');
}

/** Empties every table createCtxTables made (between tests sharing one database). */
export async function truncateCtxTables(db: Sql, opts: { openworkflowSchema?: string | false } = {}): Promise<void> {
  await db.query('TRUNCATE confluence_sync_targets, repositories, connections, invitations, organizations CASCADE');
  if (opts.openworkflowSchema !== false) {
    const s = `"${opts.openworkflowSchema ?? 'openworkflow'}"`;
    await db.query(`TRUNCATE ${s}.step_attempts, ${s}.workflow_runs CASCADE`);
  }
}

// ---------------------------------------------------------------------------- rows

export interface OrgRow {
  id?: string;
  slug: string;
  name?: string;
  createdAt?: Date;
  metadata?: string | null;
}

/** Returns the org id. */
export async function insertOrg(db: Sql, o: OrgRow): Promise<string> {
  const id = o.id ?? newId('org');
  await db.query('INSERT INTO organizations (id, name, slug, created_at, metadata) VALUES ($1, $2, $3, $4, $5)', [
    id,
    o.name ?? o.slug,
    o.slug,
    o.createdAt ?? new Date(),
    o.metadata ?? null,
  ]);
  return id;
}

export interface RepoRow {
  id?: string;
  orgId: string;
  name: string;
  gitUrl?: string;
  indexReady?: boolean;
  /** null = unset (upstream derives ready/running from index_ready). */
  indexingStatus?: IndexingStatus | null;
  indexingError?: string | null;
  indexingFailedAt?: Date | null;
  lastIngestedAt?: Date | null;
  indexingStepKey?: string | null;
  createdAt?: Date;
  /** ctx| bumps this on every status change and indexing step: "no progress since". */
  updatedAt?: Date;
}

/** Returns the repository id. Defaults describe a healthy, indexed repository. */
export async function insertRepo(db: Sql, r: RepoRow): Promise<string> {
  const id = r.id ?? newId('repo');
  const status = r.indexingStatus === undefined ? 'ready' : r.indexingStatus;
  const ready = r.indexReady ?? (status === 'ready' || status === 'complete_with_issues');
  await db.query(
    `INSERT INTO repositories (id, org_id, name, git_url, index_ready, indexing_status, indexing_error, indexing_failed_at,
                               last_ingested_at, indexing_step_key, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      r.orgId,
      r.name,
      r.gitUrl ?? `https://github.com/${r.name}.git`,
      ready,
      status,
      r.indexingError ?? null,
      r.indexingFailedAt ?? (status === 'failed' ? new Date() : null),
      r.lastIngestedAt === undefined ? (ready ? new Date() : null) : r.lastIngestedAt,
      r.indexingStepKey ?? null,
      r.createdAt ?? r.updatedAt ?? new Date(),
      r.updatedAt ?? new Date(),
    ],
  );
  return id;
}

export interface ConnectionRow {
  id?: string;
  orgId: string;
  type: 'github' | 'forge' | 'slack' | 'linear' | 'notion';
  config: Record<string, unknown>;
  createdAt?: Date;
  updatedAt?: Date;
}

/** Returns the connection id. */
export async function insertConnection(db: Sql, c: ConnectionRow): Promise<string> {
  const id = c.id ?? newId('con');
  await db.query(
    'INSERT INTO connections (id, org_id, type, config, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, c.orgId, c.type, JSON.stringify(c.config), c.createdAt ?? new Date(), c.updatedAt ?? new Date()],
  );
  return id;
}

/**
 * A Forge connection's `config` as upstream writes it (lib/connection-config.ts,
 * forgeConnectionConfigSchema): camelCase keys; the token, the OAuth client secret, the
 * system token and the CLI output are secrets or may hold them.
 */
export interface ForgeConfig {
  status?: 'pending' | 'installed' | string;
  provisionStatus?: 'idle' | 'running' | 'succeeded' | 'failed';
  provisionErrorCode?: string | null;
  provisionStderr?: string | null;
  lastProvisionAt?: string | null;
  confluenceSiteHost?: string | null;
  forgeScopedApiToken?: string | null;
  forgeOperatorEmail?: string | null;
  appSystemToken?: string | null;
  atlassianOAuthClientId?: string | null;
  atlassianOAuthClientSecret?: string | null;
  installationId?: string | null;
  cloudId?: string | null;
  appId?: string | null;
  [key: string]: unknown;
}

export function insertForgeConnection(
  db: Sql,
  c: { id?: string; orgId: string; config: ForgeConfig; updatedAt?: Date },
): Promise<string> {
  return insertConnection(db, { ...c, type: 'forge' });
}

export interface SyncTargetRow {
  id?: string;
  orgId: string;
  connectionId: string;
  repositoryId: string;
  branch?: string;
  enabled?: boolean;
  /** draft | awaiting_merge | initial_sync | live */
  setupPhase?: string;
  pendingConfigPullUrl?: string | null;
  pendingConfigPrCreating?: boolean;
  updatedAt?: Date;
}

export async function insertSyncTarget(db: Sql, t: SyncTargetRow): Promise<string> {
  const id = t.id ?? newId('cst');
  await db.query(
    `INSERT INTO confluence_sync_targets (id, org_id, connection_id, repository_id, branch, enabled, setup_phase,
                                          pending_config_pull_url, pending_config_pr_creating, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [
      id,
      t.orgId,
      t.connectionId,
      t.repositoryId,
      t.branch ?? 'main',
      t.enabled ?? true,
      t.setupPhase ?? 'live',
      t.pendingConfigPullUrl ?? null,
      t.pendingConfigPrCreating ?? false,
      t.updatedAt ?? new Date(),
    ],
  );
  return id;
}

/** OpenWorkflow 0.8 run statuses (`sleeping` and `succeeded` are deprecated but still read). */
export type RunStatus = 'pending' | 'running' | 'sleeping' | 'completed' | 'succeeded' | 'failed' | 'canceled';

export interface RunRow {
  id?: string;
  namespaceId?: string;
  workflowName: string;
  status: RunStatus;
  input?: unknown;
  /** Serialized error, `{ message }` as OpenWorkflow stores it. */
  error?: { message: string; name?: string; stack?: string } | null;
  attempts?: number;
  workerId?: string | null;
  availableAt?: Date | null;
  deadlineAt?: Date | null;
  startedAt?: Date | null;
  finishedAt?: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
}

/**
 * Returns the run id. Defaults follow what OpenWorkflow writes for each status: a pending
 * run is available now; a running one holds a fresh 30 s lease of worker `w-1`; a
 * finished one has finished_at.
 */
export async function insertRun(db: Sql, r: RunRow, schema = 'openworkflow'): Promise<string> {
  const id = r.id ?? randomUUID();
  const created = r.createdAt ?? new Date();
  const running = r.status === 'running';
  const finished = ['completed', 'succeeded', 'failed', 'canceled'].includes(r.status);
  const pick = <T>(v: T | undefined, d: T): T => (v === undefined ? d : v);
  await db.query(
    `INSERT INTO "${schema}".workflow_runs (namespace_id, id, workflow_name, version, status, config, input, error, attempts,
                                         worker_id, available_at, deadline_at, started_at, finished_at, created_at, updated_at)
     VALUES ($1, $2, $3, NULL, $4, '{}'::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      r.namespaceId ?? 'default',
      id,
      r.workflowName,
      r.status,
      r.input === undefined ? null : JSON.stringify(r.input),
      r.error ? JSON.stringify(r.error) : null,
      r.attempts ?? (r.status === 'pending' ? 0 : 1),
      pick(r.workerId, running ? 'w-1' : null),
      pick(r.availableAt, r.status === 'pending' ? created : running ? fromNow({ seconds: 30 }) : null),
      r.deadlineAt ?? null,
      pick(r.startedAt, running || finished ? created : null),
      pick(r.finishedAt, finished ? new Date() : null),
      created,
      r.updatedAt ?? new Date(),
    ],
  );
  return id;
}

export interface StepAttemptRow {
  id?: string;
  namespaceId?: string;
  workflowRunId: string;
  stepName: string;
  kind?: 'function' | 'sleep' | 'workflow';
  status: 'running' | 'completed' | 'succeeded' | 'failed';
  error?: { message: string } | null;
  createdAt?: Date;
}

export async function insertStepAttempt(db: Sql, s: StepAttemptRow, schema = 'openworkflow'): Promise<string> {
  const id = s.id ?? randomUUID();
  const created = s.createdAt ?? new Date();
  await db.query(
    `INSERT INTO "${schema}".step_attempts (namespace_id, id, workflow_run_id, step_name, kind, status, config, error,
                                         started_at, finished_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, '{}'::jsonb, $7, $8, $9, $8, $8)`,
    [
      s.namespaceId ?? 'default',
      id,
      s.workflowRunId,
      s.stepName,
      s.kind ?? 'function',
      s.status,
      s.error ? JSON.stringify(s.error) : null,
      created,
      s.status === 'running' ? null : created,
    ],
  );
  return id;
}

// ---------------------------------------------------------------------------- roles

/**
 * Runs fn with a URL for a fresh login role (cluster-wide, random name) that has exactly
 * `grants` (statements with `{role}` and `{db}` placeholders), then drops the role.
 * For least-privilege tests: what the bot can do as a read-only role.
 */
export async function withRole<T>(
  db: Sql & { name: string; url: string },
  grants: string[],
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const role = `ctxops_ro_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await db.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  try {
    for (const g of grants) await db.query(g.replaceAll('{role}', role).replaceAll('{db}', db.name));
    const url = new URL(db.url);
    url.username = role;
    url.password = password;
    return await fn(url.toString());
  } finally {
    await db.query(`DROP OWNED BY ${role}`);
    await db.query(`DROP ROLE ${role}`);
  }
}
