-- Guarded operations (backups, migrations, runbook actions): approvals, runs, backups and
-- the append-only audit log. State changes are conditional UPDATEs (WHERE state = expected),
-- so a confirmation clicked many times, or delivered to several replicas, runs once.

CREATE TABLE ctx_ops.approvals (
  id             text PRIMARY KEY,
  kind           text NOT NULL,
  env            text NOT NULL,
  params         jsonb NOT NULL,
  -- sha256 of {kind, env, params}: the button carries only the id; the action is bound by this.
  params_hash    text NOT NULL,
  -- What the confirmation showed (sizes, versions, pending migrations), kept for later renders.
  preview        jsonb NOT NULL DEFAULT '[]',
  state          text NOT NULL CHECK (state IN ('requested', 'confirmed', 'running', 'succeeded', 'failed', 'interrupted', 'cancelled', 'expired')),
  requester_id   text NOT NULL,
  requester_name text,
  confirmer_id   text,
  confirmer_name text,
  two_person     boolean NOT NULL,
  surface        text NOT NULL,
  channel_id     text,
  message_channel text,
  message_ts     text,
  thread_ts      text,
  run_id         integer,
  summary        text,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  decided_at     timestamptz,
  finished_at    timestamptz
);
CREATE INDEX approvals_open ON ctx_ops.approvals (state) WHERE state IN ('requested', 'confirmed', 'running');

CREATE TABLE ctx_ops.runs (
  id             serial PRIMARY KEY,
  kind           text NOT NULL,
  env            text NOT NULL,
  approval_id    text REFERENCES ctx_ops.approvals (id),
  -- Scheduled runs (restore tests) claim their slot; a second replica finds it taken.
  slot           text UNIQUE,
  state          text NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'interrupted')),
  runner         text NOT NULL,
  started_at     timestamptz NOT NULL,
  finished_at    timestamptz,
  duration_ms    integer,
  exit_status    integer,
  summary        text,
  checksum       text,
  -- What a crash would leave behind, so the next start can clean it up.
  partial_path   text,
  scratch_db     text,
  thread_channel text,
  thread_ts      text
);
CREATE INDEX runs_running ON ctx_ops.runs (state) WHERE state = 'running';

CREATE TABLE ctx_ops.backups (
  id                   serial PRIMARY KEY,
  env                  text NOT NULL,
  run_id               integer REFERENCES ctx_ops.runs (id),
  file_name            text NOT NULL,
  path                 text NOT NULL,
  state                text NOT NULL CHECK (state IN ('running', 'verified', 'failed', 'interrupted', 'removed')),
  size_bytes           bigint,
  sha256               text,
  database             text,
  server_version       text,
  pg_dump_version      text,
  verification         text,
  started_at           timestamptz NOT NULL,
  finished_at          timestamptz,
  removed_at           timestamptz,
  restore_tested_at    timestamptz,
  restore_test_ok      boolean,
  restore_test_summary text
);
CREATE INDEX backups_env_finished ON ctx_ops.backups (env, finished_at DESC);

CREATE TABLE ctx_ops.audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  event        text NOT NULL,
  env          text,
  kind         text,
  approval_id  text,
  run_id       integer,
  actor_id     text,
  actor_name   text,
  reason       text,
  detail       text,
  params_hash  text,
  exit_status  integer,
  duration_ms  integer,
  checksum     text
);
CREATE INDEX audit_log_at ON ctx_ops.audit_log (at DESC);

-- Append-only: a trace that can be edited is not a trace.
CREATE FUNCTION ctx_ops.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ctx_ops.audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON ctx_ops.audit_log
  FOR EACH ROW EXECUTE FUNCTION ctx_ops.audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON ctx_ops.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION ctx_ops.audit_log_append_only();
