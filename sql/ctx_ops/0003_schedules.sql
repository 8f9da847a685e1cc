-- Schedules, watch alerts, check history and App Home (issue 4).

-- One row per check per scheduled run (watch cycle or digest). Pruned after
-- history.retentionDays; digests read the hourly roll-up below instead of these rows.
CREATE TABLE ctx_ops.check_history (
  id          bigserial PRIMARY KEY,
  env         text NOT NULL,
  check_id    text NOT NULL,
  status      text NOT NULL CHECK (status IN ('ok', 'warn', 'fail', 'skip')),
  summary     text NOT NULL,
  duration_ms integer NOT NULL,
  root_cause  text,
  source      text NOT NULL,
  checked_at  timestamptz NOT NULL
);
CREATE INDEX check_history_env_check_at ON ctx_ops.check_history (env, check_id, checked_at DESC);
CREATE INDEX check_history_at ON ctx_ops.check_history (checked_at);

-- Per check and hour: how many runs, how many failed, latency. Uptime over 24 h / 7 days
-- and the latency sparkline cost at most 168 rows per check to read.
CREATE TABLE ctx_ops.check_hourly (
  env      text NOT NULL,
  check_id text NOT NULL,
  hour     timestamptz NOT NULL,
  runs     integer NOT NULL,
  failures integer NOT NULL,
  warnings integer NOT NULL,
  total_ms bigint NOT NULL,
  max_ms   integer NOT NULL,
  PRIMARY KEY (env, check_id, hour)
);
CREATE INDEX check_hourly_hour ON ctx_ops.check_hourly (hour);

-- The alert state machine's memory per environment and check (streaks, the open alert).
-- Rows are locked FOR UPDATE while a watch cycle applies its results, so two replicas
-- that both believe they lead still take each transition once.
CREATE TABLE ctx_ops.alert_state (
  env        text NOT NULL,
  check_id   text NOT NULL,
  state      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (env, check_id)
);

-- Every alert raised, posted or silenced.
CREATE TABLE ctx_ops.alerts (
  id          bigserial PRIMARY KEY,
  env         text NOT NULL,
  check_id    text NOT NULL,
  severity    text NOT NULL CHECK (severity IN ('warn', 'fail')),
  summary     text NOT NULL,
  since       timestamptz NOT NULL,
  opened_at   timestamptz NOT NULL,
  resolved_at timestamptz,
  downtime_ms bigint,
  -- Why it was not posted ("silence #3: …", "maintenance: …"); null once posted.
  silenced_by text,
  channel     text,
  ts          text,
  reminders   integer NOT NULL DEFAULT 0
);
-- At most one open alert per check, whatever happens between replicas.
CREATE UNIQUE INDEX alerts_one_open ON ctx_ops.alerts (env, check_id) WHERE resolved_at IS NULL;
CREATE INDEX alerts_opened_at ON ctx_ops.alerts (opened_at);

-- /ctx silence: env NULL = every environment, check_id '*' = every check.
CREATE TABLE ctx_ops.silences (
  id         bigserial PRIMARY KEY,
  env        text,
  check_id   text NOT NULL,
  reason     text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL,
  lifted_at  timestamptz,
  lifted_by  text
);
CREATE INDEX silences_active ON ctx_ops.silences (ends_at) WHERE lifted_at IS NULL;

-- Digests posted. (schedule, slot) is the tick's idempotency key: a replica claims the
-- tick by inserting it, and only the one whose insert succeeded posts.
CREATE TABLE ctx_ops.digests (
  id         bigserial PRIMARY KEY,
  schedule   text NOT NULL,
  slot       timestamptz NOT NULL,
  channel    text NOT NULL,
  claimed_by text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  ts         text,
  posted_at  timestamptz,
  overall    text,
  -- {env: {check: status}} as posted, so the next digest can say what changed.
  snapshot   jsonb,
  UNIQUE (schedule, slot)
);
CREATE INDEX digests_posted_at ON ctx_ops.digests (posted_at DESC) WHERE posted_at IS NOT NULL;

-- People who opened the App Home tab, so it can be refreshed for them after each run.
CREATE TABLE ctx_ops.home_viewers (
  user_id        text PRIMARY KEY,
  opened_at      timestamptz NOT NULL,
  published_hash text
);
