-- Incidents, guided runbook sessions, their steps and the timeline (issue 6).
-- Everything a thread shows is rebuilt from these rows, so a restart loses nothing and a
-- button on an old message still works: its value carries ids, the state lives here.

CREATE TABLE IF NOT EXISTS ctx_ops.incidents (
  id           bigserial PRIMARY KEY,
  env          text NOT NULL,
  title        text NOT NULL,
  severity     smallint NOT NULL CHECK (severity BETWEEN 1 AND 4),
  owner        text NOT NULL,
  surface      text NOT NULL,                 -- slack | shell
  channel      text NOT NULL,
  root_ts      text,                          -- the root message; its thread is the incident's
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_at    timestamptz NOT NULL DEFAULT now(),
  closed_at    timestamptz,
  closed_by    text,
  summary      text,
  -- Last known status per check id, to record only changes in the timeline.
  check_states jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS incidents_open_by_channel ON ctx_ops.incidents (channel, opened_at DESC) WHERE status = 'open';
CREATE INDEX IF NOT EXISTS incidents_by_thread ON ctx_ops.incidents (channel, root_ts);

CREATE TABLE IF NOT EXISTS ctx_ops.runbook_sessions (
  id           bigserial PRIMARY KEY,
  incident_id  bigint REFERENCES ctx_ops.incidents (id) ON DELETE CASCADE,
  runbook_id   text NOT NULL,
  -- The definition as it was when the session started, so a changed file cannot shift the
  -- steps under people mid-way.
  runbook      jsonb NOT NULL,
  env          text NOT NULL,
  surface      text NOT NULL,
  channel      text NOT NULL,
  thread_ts    text,                          -- where the steps are posted
  header_ts    text,                          -- the session's own message (progress)
  status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'finished', 'abandoned')),
  started_by   text NOT NULL,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  check_states jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS runbook_sessions_active ON ctx_ops.runbook_sessions (channel, thread_ts) WHERE status = 'active';
-- One active session of a runbook per incident (or, outside incidents, per channel and
-- environment): a double click on Start starts it once, and a second start points people
-- at the running one.
CREATE UNIQUE INDEX IF NOT EXISTS runbook_sessions_one_active
  ON ctx_ops.runbook_sessions (channel, env, runbook_id, (coalesce(incident_id, 0))) WHERE status = 'active';
CREATE INDEX IF NOT EXISTS runbook_sessions_incident ON ctx_ops.runbook_sessions (incident_id);

CREATE TABLE IF NOT EXISTS ctx_ops.runbook_steps (
  session_id        bigint NOT NULL REFERENCES ctx_ops.runbook_sessions (id) ON DELETE CASCADE,
  idx               int NOT NULL,
  state             text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped', 'failed')),
  actor             text,
  at                timestamptz,
  reason            text,
  message_channel   text,
  message_ts        text,
  check_status      text,
  check_result      jsonb,                    -- what the step shows: title, summary, matching lines
  checked_at        timestamptz,
  -- Who pressed Skip last: their next `skip <reason>` in the thread applies to this step.
  skip_requested_by text,
  action_note       text,
  PRIMARY KEY (session_id, idx)
);

CREATE TABLE IF NOT EXISTS ctx_ops.incident_timeline (
  id          bigserial PRIMARY KEY,
  incident_id bigint REFERENCES ctx_ops.incidents (id) ON DELETE CASCADE,
  session_id  bigint REFERENCES ctx_ops.runbook_sessions (id) ON DELETE CASCADE,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text,
  kind        text NOT NULL,
  text        text NOT NULL,
  data        jsonb NOT NULL DEFAULT '{}'::jsonb,
  CHECK (incident_id IS NOT NULL OR session_id IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS incident_timeline_incident ON ctx_ops.incident_timeline (incident_id, at, id);
CREATE INDEX IF NOT EXISTS incident_timeline_session ON ctx_ops.incident_timeline (session_id, at, id);
