-- Graph database snapshots (issue 15): one row per snapshot the bot asked the server for
-- (FalkorDB BGSAVE, Memgraph CREATE SNAPSHOT) and one per graph key exported into the
-- backup directory (FalkorDB DUMP, verified by RESTORE under a scratch key). Never a secret.
CREATE TABLE IF NOT EXISTS ctx_ops.graph_snapshots (
  id           serial PRIMARY KEY,
  env          text NOT NULL,
  run_id       integer,
  provider     text NOT NULL,
  -- 'server' (the snapshot lives on the graph server) or 'export' (a file ctx-ops holds)
  kind         text NOT NULL CHECK (kind IN ('server', 'export')),
  state        text NOT NULL CHECK (state IN ('done', 'verified', 'failed', 'removed')),
  -- the graph key of an export
  graph        text,
  file_name    text,
  path         text,
  size_bytes   bigint,
  sha256       text,
  -- when the server says the snapshot was written (LASTSAVE), when it says so
  server_time  timestamptz,
  detail       text NOT NULL DEFAULT '',
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz NOT NULL,
  removed_at   timestamptz
);
CREATE INDEX IF NOT EXISTS graph_snapshots_env ON ctx_ops.graph_snapshots (env, finished_at DESC);
