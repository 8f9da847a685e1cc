/** The CLI's and the bot's exit codes (README, "Exit codes"); a leaf, so the CLI can read it cheaply. */
export const EXIT = { ok: 0, failing: 1, config: 2 } as const;
