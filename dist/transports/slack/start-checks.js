import { describeSlackFailure, tokenShapeProblem } from '../../slack/slack-failures.js';
import { identityOf, slackProbe } from '../../slack/slack-probe.js';
/**
 * A start-up failure a person can act on: one sentence (what was seen: what to do) and
 * the exit code, 2 for a configuration mistake and 1 for the network or Slack itself.
 */
export class SlackStartError extends Error {
    words;
    exitCode;
    constructor(words, options) {
        super(`${words.seen}: ${words.fix}`, options);
        this.words = words;
        this.name = 'SlackStartError';
        this.exitCode = words.config ? 2 : 1;
    }
}
/** Tokens pasted into the wrong variable, told before Slack is asked. */
export function checkTokenShapes(slack) {
    if (slack.botToken) {
        const p = tokenShapeProblem('SLACK_BOT_TOKEN', slack.botToken);
        if (p)
            throw new SlackStartError(p);
    }
    if (slack.mode === 'socket' && slack.appToken) {
        const p = tokenShapeProblem('SLACK_APP_TOKEN', slack.appToken);
        if (p)
            throw new SlackStartError(p);
    }
}
/**
 * auth.test with the bot token, before anything else starts: a wrong token, a token of
 * another kind, or an unreachable Slack is one sentence instead of a stack trace.
 */
export async function verifyBotToken(slack, log, opts = {}) {
    const out = await slackProbe(slack.botToken, 'auth.test', {}, { apiUrl: slack.apiUrl, log, timeoutMs: opts.timeoutMs, retries: opts.retries ?? 1 });
    if (!out.ok)
        throw new SlackStartError(describeSlackFailure(out.failure, 'SLACK_BOT_TOKEN', out.url));
    const identity = identityOf(out.result);
    if (!identity) {
        throw new SlackStartError({
            seen: "SLACK_BOT_TOKEN belongs to a person, not to the app's bot (auth.test names no bot)",
            fix: 'copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions into SLACK_BOT_TOKEN',
            config: true,
        });
    }
    return identity;
}
/** A listen failure in HTTP mode (port taken, privileged port) in words. */
export function listenFailure(err, port) {
    const code = err?.code;
    if (code === 'EADDRINUSE')
        return new SlackStartError({
            seen: `port ${port} is already in use`,
            fix: "stop what listens there, or set PORT to a free port (and point Slack's request URLs at it)",
            config: true,
        }, { cause: err });
    if (code === 'EACCES')
        return new SlackStartError({
            seen: `no permission to listen on port ${port}`,
            fix: 'set PORT to a port above 1023, or run behind a reverse proxy',
            config: true,
        }, { cause: err });
    return null;
}
