-- Delivery (issue 10): what Slack refused is kept here and posted once it works again.

-- An alert owes its channel a write (its message, an escalation, its resolution) that Slack
-- refused or could not take. The delivery loop posts the alert's current state, once:
-- a replica claims the row (delivering_by/delivering_until) before it posts.
ALTER TABLE ctx_ops.alerts
  ADD COLUMN pending_since timestamptz,
  ADD COLUMN pending_error text,
  -- ts is a summary message listing several alerts (not this alert's own message): never edited.
  ADD COLUMN shared_ts boolean NOT NULL DEFAULT false,
  -- [{channel, ts, at}]: copies posted to delivery.fallback while the alerts channel refused.
  ADD COLUMN fallback jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN delivering_by text,
  ADD COLUMN delivering_until timestamptz;
CREATE INDEX alerts_pending ON ctx_ops.alerts (opened_at, id) WHERE pending_since IS NOT NULL;

-- Open alerts that were never posted and not held back by a silence were lost by earlier
-- versions (Slack refused them and nothing kept them): they are owed to the channel now.
UPDATE ctx_ops.alerts SET pending_since = opened_at, pending_error = 'unknown'
 WHERE resolved_at IS NULL AND ts IS NULL AND silenced_by IS NULL;

-- A scheduled digest Slack refused: re-built and posted (the newest per schedule) once the
-- channel works.
ALTER TABLE ctx_ops.digests
  ADD COLUMN pending_since timestamptz,
  ADD COLUMN pending_error text,
  ADD COLUMN delivering_by text,
  ADD COLUMN delivering_until timestamptz;
CREATE INDEX digests_pending ON ctx_ops.digests (slot) WHERE pending_since IS NOT NULL;

-- Channels the bot cannot post to (written by the replica that tried), so doctor and App
-- Home on every replica can say so; retry_requested_at lets a replica that received
-- member_joined_channel ask the leader to retry at once.
CREATE TABLE ctx_ops.delivery_problems (
  channel            text PRIMARY KEY,
  purpose            text NOT NULL,
  error              text NOT NULL,
  fix                text NOT NULL,
  since              timestamptz NOT NULL,
  last_attempt_at    timestamptz NOT NULL,
  waiting            integer NOT NULL DEFAULT 0,
  retry_requested_at timestamptz,
  replica            text NOT NULL,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
