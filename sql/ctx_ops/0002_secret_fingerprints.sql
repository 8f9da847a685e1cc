-- Keyed fingerprints of the deployment's long-lived secrets (AUTH_SECRET,
-- CONNECTION_SECRETS_ENCRYPTION_KEY), so the `auth` check can tell that one changed
-- between runs. Never the secret and never a plain hash of it: Better Auth uses
-- SHA-256(AUTH_SECRET) as the key that encrypts the private keys in `jwkss`, so a plain
-- hash stored here would be that key. A fingerprint is HMAC-SHA256 under a random key
-- generated once per installation (the one row of fingerprint_key), truncated to 128 bits.

CREATE TABLE IF NOT EXISTS ctx_ops.fingerprint_key (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  key bytea NOT NULL CHECK (octet_length(key) = 32),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS ctx_ops.secret_fingerprints (
  environment text NOT NULL,
  name text NOT NULL,
  -- hex HMAC, or 'unset' when the variable is not set
  fingerprint text NOT NULL,
  -- which installation key made it; a replaced key re-records instead of crying wolf
  key_id text NOT NULL,
  -- when this value was first and last seen
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- set when the value replaced another one: when, and when the old one was last seen
  changed_at timestamptz,
  previous_last_seen_at timestamptz,
  previous_set boolean,
  PRIMARY KEY (environment, name)
);
