import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deliveryFailure, fixFor, type DeliveryFailure } from '../../src/slack/delivery-errors.js';
import { describeTarget, retryDelayMs } from '../../src/alerting/delivery-state.js';
import { resolveScheduleSettings } from '../../src/config/schedules.js';
import { buildBot } from '../support/harness.js';

const platform = (error: string, extra: Record<string, unknown> = {}) => ({
  code: 'slack_webapi_platform_error',
  data: { ok: false, error, ...extra },
});

describe('what a failed Slack write means for delivery', () => {
  it.each([
    [platform('not_in_channel'), { kind: 'refused', code: 'not_in_channel' }],
    [platform('channel_not_found'), { kind: 'refused', code: 'channel_not_found' }],
    [platform('is_archived'), { kind: 'refused', code: 'is_archived' }],
    [
      platform('missing_scope', { needed: 'chat:write.public' }),
      { kind: 'refused', code: 'missing_scope', needed: 'chat:write.public' },
    ],
    [platform('restricted_action'), { kind: 'refused', code: 'restricted_action' }],
    [platform('restricted_action_read_only_channel'), { kind: 'refused', code: 'restricted_action_read_only_channel' }],
    [platform('invalid_auth'), { kind: 'refused', code: 'invalid_auth' }],
    [platform('ratelimited'), { kind: 'ratelimited', code: 'ratelimited' }],
    [
      { code: 'slack_webapi_rate_limited_error', retryAfter: 30 },
      { kind: 'ratelimited', code: 'ratelimited' },
    ],
    [platform('internal_error'), { kind: 'transient', code: 'internal_error' }],
    [
      { code: 'slack_webapi_http_error', statusCode: 503 },
      { kind: 'transient', code: 'http_503' },
    ],
    [
      { code: 'slack_webapi_request_error', original: new Error('ECONNREFUSED') },
      { kind: 'transient', code: 'network' },
    ],
    [new Error('the outbox closed before this was sent'), { kind: 'transient', code: 'network' }],
    [platform('invalid_blocks'), { kind: 'message', code: 'invalid_blocks' }],
    [platform('msg_too_long'), { kind: 'message', code: 'msg_too_long' }],
    [platform('message_not_found'), { kind: 'message', code: 'message_not_found' }],
    [
      { code: 'slack_webapi_http_error', statusCode: 400 },
      { kind: 'message', code: 'http_400' },
    ],
  ])('%j → %j', (err, expected) => {
    expect(deliveryFailure(err)).toEqual(expected);
  });
});

describe('the sentence that tells people what to do', () => {
  const ctx = { where: '#alerts', configKey: 'channels.alerts', botName: 'ctx-ops' };
  const f = (code: string, kind: DeliveryFailure['kind'] = 'refused', needed?: string): DeliveryFailure => ({
    kind,
    code,
    ...(needed ? { needed } : {}),
  });
  it.each([
    [f('not_in_channel'), 'type /invite @ctx-ops in #alerts'],
    [
      f('channel_not_found'),
      '#alerts does not exist or is private without @ctx-ops in it: type /invite @ctx-ops in #alerts, or set channels.alerts in ctx-ops.yml to a channel id that exists',
    ],
    [f('is_archived'), '#alerts is archived: unarchive it, or set channels.alerts in ctx-ops.yml to another channel'],
    [
      f('missing_scope', 'refused', 'chat:write'),
      'the Slack app lacks the chat:write scope: add it under OAuth & Permissions (manifest.yml lists every scope) and reinstall the app',
    ],
    [
      f('restricted_action'),
      'only some members may post in #alerts: let @ctx-ops post there (channel settings → Posting permissions), or set channels.alerts in ctx-ops.yml to another channel',
    ],
    [
      f('token_revoked'),
      'Slack refused the bot token: reinstall the app and set SLACK_BOT_TOKEN to the new xoxb- token',
    ],
    [
      f('ratelimited', 'ratelimited'),
      'Slack is rate limiting ctx-ops: posts wait and go out on their own, nothing to do unless this lasts',
    ],
    [
      f('network', 'transient'),
      'ctx-ops cannot reach Slack: check the network, proxy or SLACK_API_URL; posts are retried on their own',
    ],
    [
      f('http_503', 'transient'),
      'Slack is having trouble (http_503); posts are retried on their own (status.slack.com)',
    ],
  ])('%j', (failure, sentence) => {
    expect(fixFor(failure, ctx)).toBe(sentence);
  });

  it('names a user, not a channel, for a direct-message fallback', () => {
    expect(
      fixFor(f('channel_not_found'), {
        where: describeTarget('U0GONE001', undefined),
        configKey: 'delivery.fallback',
        botName: 'ctx-ops',
        isUser: true,
      }),
    ).toBe('Slack does not know user U0GONE001: fix delivery.fallback in ctx-ops.yml');
    expect(describeTarget('C0ALERTS', undefined)).toBe('channel C0ALERTS');
    expect(describeTarget('C0ALERTS', 'alerts')).toBe('#alerts');
  });
});

describe('retry backoff', () => {
  it.each([
    [1, 5_000, 300_000, [3_750, 5_000]],
    [2, 5_000, 300_000, [7_500, 10_000]],
    [7, 5_000, 300_000, [225_000, 300_000]],
    [40, 5_000, 300_000, [225_000, 300_000]],
  ])('failure %i: between the bounds, never above the maximum', (failures, base, max, [lo, hi]) => {
    expect(retryDelayMs(failures, base, max, () => 0)).toBe(lo);
    expect(retryDelayMs(failures, base, max, () => 1)).toBe(hi);
  });
});

describe('delivery settings', () => {
  const base = {
    schedules: [],
    watch: {
      enabled: true,
      intervalSeconds: 60,
      failureThreshold: 3,
      successThreshold: 2,
      remindEveryMinutes: 60,
      alertOnWarn: true,
      concurrency: 8,
    },
    maintenance: [],
    history: { retentionDays: 30 },
    timezone: 'UTC',
    environments: [],
  };
  it('defaults: no fallback, 10 replayed, retries growing from 5 s to 5 min', () => {
    expect(resolveScheduleSettings({ ...base, channels: { alerts: 'C0ALERTS' } }).delivery).toEqual({
      fallback: [],
      replayMax: 10,
      retryBaseMs: 5_000,
      retryMaxMs: 300_000,
    });
  });
  it('resolves fallback roles and leaves out the alerts channel itself and unset roles, saying why', () => {
    const s = resolveScheduleSettings({
      ...base,
      channels: { alerts: 'C0ALERTS', incidents: 'C0INC' },
      delivery: { fallback: ['incidents', 'alerts', 'digest', 'U0ONCALL1'], replayMax: 3, retryMaxSeconds: 2 },
    });
    expect(s.delivery).toEqual({
      fallback: ['C0INC', 'U0ONCALL1'],
      replayMax: 3,
      retryBaseMs: 2_000,
      retryMaxMs: 2_000,
    });
    expect(s.notes).toEqual(
      expect.arrayContaining([
        'delivery.fallback names the alerts channel itself (C0ALERTS); it is left out',
        'delivery.fallback names digest, but channels.digest is not set; it is left out',
      ]),
    );
  });
});

describe('manifest.yml', () => {
  it('subscribes to every Slack event a feature handles, with the scopes those events need', () => {
    const manifest = parse(readFileSync(fileURLToPath(new URL('../../manifest.yml', import.meta.url)), 'utf8')) as {
      settings: { event_subscriptions: { bot_events: string[] } };
      oauth_config: { scopes: { bot: string[] } };
    };
    const h = buildBot({});
    try {
      const handled = [...h.bot.events.keys()];
      expect(handled).toEqual(
        expect.arrayContaining(['member_joined_channel', 'channel_unarchive', 'group_unarchive']),
      );
      expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(handled));
      // member_joined_channel and channel_unarchive arrive only with these.
      expect(manifest.oauth_config.scopes.bot).toEqual(
        expect.arrayContaining(['channels:read', 'groups:read', 'chat:write']),
      );
    } finally {
      void h.close();
    }
  });
});
