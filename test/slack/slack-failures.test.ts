import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import {
  classifySlackFailure,
  describeSlackFailure,
  tokenShapeProblem,
  type SlackFailure,
  type TokenName,
} from '../../src/slack/slack-failures.js';

const platform = (error: string, extra: Record<string, unknown> = {}) =>
  new WebAPIPlatformError({ ok: false, error, ...extra } as never);
const network = (code: string, message = code) =>
  new WebAPIRequestError(
    Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) }),
  );

describe('what went wrong talking to Slack', () => {
  it.each([
    ['invalid_auth', platform('invalid_auth'), { kind: 'rejected', code: 'invalid_auth' }],
    ['not_authed', platform('not_authed'), { kind: 'rejected', code: 'not_authed' }],
    ['account_inactive', platform('account_inactive'), { kind: 'rejected', code: 'account_inactive' }],
    ['token_revoked', platform('token_revoked'), { kind: 'rejected', code: 'token_revoked' }],
    [
      'not_allowed_token_type',
      platform('not_allowed_token_type'),
      { kind: 'wrong-type', code: 'not_allowed_token_type' },
    ],
    [
      'missing_scope',
      platform('missing_scope', { needed: 'connections:write', provided: 'authorizations:read' }),
      { kind: 'missing-scope', needed: 'connections:write', provided: 'authorizations:read' },
    ],
    ['internal_error', platform('internal_error'), { kind: 'platform', code: 'internal_error' }],
    ['ratelimited', platform('ratelimited'), { kind: 'rate-limited' }],
    [
      'a proxy page instead of JSON',
      platform('<!DOCTYPE html><html><body>Proxy login</body></html>'),
      { kind: 'not-slack', sample: '<!DOCTYPE html><html><body>Proxy login</body></html>' },
    ],
    ['HTTP 404', new WebAPIHTTPError(404, 'Not Found', {}, ''), { kind: 'http', status: 404 }],
    ['a 429 the client gave up on', new WebAPIRateLimitedError(30), { kind: 'rate-limited', retryAfterS: 30 }],
  ] as Array<[string, unknown, SlackFailure]>)('%s', (_n, err, expected) =>
    expect(classifySlackFailure(err)).toEqual(expected),
  );

  it.each([
    ['ECONNREFUSED', 'refused'],
    ['ENOTFOUND', 'dns'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls'],
    ['ECONNRESET', 'reset'],
  ])('a request error %s is "unreachable" (%s)', (code, kind) => {
    const f = classifySlackFailure(network(code));
    expect(f).toMatchObject({ kind: 'unreachable', net: { kind } });
  });
});

const URL_DEFAULT = 'https://slack.com/api/auth.test';
describe('the words for it', () => {
  it.each([
    [
      'SLACK_BOT_TOKEN',
      { kind: 'rejected', code: 'invalid_auth' },
      true,
      'Slack rejected SLACK_BOT_TOKEN with invalid_auth (mistyped, cut short, from another workspace, or regenerated since)',
      /Install App\) and copy the Bot User OAuth Token \(xoxb-…\) into SLACK_BOT_TOKEN$/,
    ],
    [
      'SLACK_APP_TOKEN',
      { kind: 'rejected', code: 'token_revoked' },
      true,
      'Slack rejected SLACK_APP_TOKEN with token_revoked (revoked, e.g. when the app was uninstalled)',
      /^generate an app-level token under Basic Information → App-Level Tokens with the connections:write scope/,
    ],
    [
      'SLACK_BOT_TOKEN',
      { kind: 'rejected', code: 'account_inactive' },
      true,
      'Slack rejected SLACK_BOT_TOKEN with account_inactive (the app was uninstalled or its bot user deactivated)',
      /reinstall the app/,
    ],
    [
      'SLACK_APP_TOKEN',
      { kind: 'wrong-type', code: 'not_allowed_token_type' },
      true,
      'SLACK_APP_TOKEN is not an app-level token (Slack answered not_allowed_token_type)',
      /^it must be the xapp-… token, not the Bot User OAuth Token/,
    ],
    [
      'SLACK_BOT_TOKEN',
      { kind: 'wrong-type', code: 'not_allowed_token_type' },
      true,
      'SLACK_BOT_TOKEN is not a bot token (Slack answered not_allowed_token_type)',
      /^it must be the xoxb-… token/,
    ],
    [
      'SLACK_APP_TOKEN',
      { kind: 'missing-scope', needed: 'connections:write', provided: 'authorizations:read' },
      true,
      'SLACK_APP_TOKEN lacks the connections:write scope (it has authorizations:read)',
      /generate a token with connections:write/,
    ],
    [
      'SLACK_BOT_TOKEN',
      { kind: 'unreachable', net: { kind: 'dns', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND slack.com' } },
      false,
      'cannot reach Slack at https://slack.com/api/auth.test: DNS: cannot resolve the host of slack.com (ENOTFOUND)',
      /^check this machine's DNS and outbound access; behind an egress proxy, set SLACK_API_URL/,
    ],
    [
      'SLACK_BOT_TOKEN',
      { kind: 'unreachable', net: { kind: 'timeout', code: 'UND_ERR_CONNECT_TIMEOUT', message: 'x' } },
      false,
      'cannot reach Slack at https://slack.com/api/auth.test: timed out talking to slack.com (UND_ERR_CONNECT_TIMEOUT)',
      /firewall may drop outbound HTTPS \(port 443\)/,
    ],
    [
      'SLACK_BOT_TOKEN',
      {
        kind: 'unreachable',
        net: {
          kind: 'tls',
          code: 'SELF_SIGNED_CERT_IN_CHAIN',
          message: 'self-signed certificate in certificate chain',
        },
      },
      false,
      'cannot reach Slack at https://slack.com/api/auth.test: TLS: handshake with slack.com failed (SELF_SIGNED_CERT_IN_CHAIN): self-signed certificate in certificate chain',
      /NODE_EXTRA_CA_CERTS/,
    ],
    [
      'SLACK_BOT_TOKEN',
      { kind: 'http', status: 404 },
      true,
      "https://slack.com/api/auth.test answered HTTP 404, so it is not Slack's Web API",
      /ending in \/api\//,
    ],
    [
      'SLACK_BOT_TOKEN',
      { kind: 'http', status: 407 },
      true,
      'a proxy in front of slack.com asks for credentials (HTTP 407)',
      /proxy/,
    ],
    ['SLACK_BOT_TOKEN', { kind: 'http', status: 503 }, false, 'slack.com answered HTTP 503', /status\.slack\.com/],
    [
      'SLACK_BOT_TOKEN',
      { kind: 'not-slack', sample: '<!DOCTYPE html>' },
      true,
      `https://slack.com/api/auth.test answered something that is not Slack's Web API ("<!DOCTYPE html>…")`,
      /SLACK_API_URL/,
    ],
    [
      'SLACK_APP_TOKEN',
      { kind: 'platform', code: 'internal_error' },
      false,
      'Slack answered internal_error',
      /status\.slack\.com/,
    ],
  ] as Array<[TokenName, SlackFailure, boolean, string, RegExp]>)('%s, %j', (token, f, config, seen, fix) => {
    const w = describeSlackFailure(f, token, URL_DEFAULT);
    expect(w.seen).toBe(seen);
    expect(w.fix).toMatch(fix);
    expect(w.config).toBe(config);
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxb-test-2-abc', null],
    ['SLACK_APP_TOKEN', 'xapp-test-A-2-abc', null],
    [
      'SLACK_BOT_TOKEN',
      'xapp-test-A-2-abc',
      /^SLACK_BOT_TOKEN holds an app-level token \(xapp-…\): put it in SLACK_APP_TOKEN, and reinstall the app/,
    ],
    [
      'SLACK_APP_TOKEN',
      'xoxb-test-2-abc',
      /^SLACK_APP_TOKEN holds a bot token \(xoxb-…\): put it in SLACK_BOT_TOKEN, and generate an app-level token/,
    ],
    ['SLACK_BOT_TOKEN', 'xoxp-test-2-abc', /^SLACK_BOT_TOKEN holds a user token \(xoxp-…\): reinstall the app/],
    ['SLACK_APP_TOKEN', 'hunter2', /^SLACK_APP_TOKEN holds something that is not a Slack token/],
  ] as Array<[TokenName, string, RegExp | null]>)('%s = %s', (token, value, words) => {
    const p = tokenShapeProblem(token, value);
    if (!words) expect(p).toBeNull();
    else expect(`${p!.seen}: ${p!.fix}`).toMatch(words);
  });
});
