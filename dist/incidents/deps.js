export const NO_STORE = "Incidents and runbooks keep their state in the bot's own Postgres schema, and no store is configured: set CTX_OPS_DATABASE_URL (or DATABASE_URL).";
/** The channel a request came from; the terminal is one channel of its own. */
export const channelOf = (actor, surface) => actor.channelId || (surface === 'slack' ? '' : 'terminal');
