import type * as webApi from '@slack/web-api';
import type { WebClient } from '@slack/web-api';
import { lazyRequire } from '../util/lazy-require.js';
import type { Logger } from 'pino';
import type { Redactor } from '../log/redactor.js';
import { boltLogger } from './bolt-logger.js';
import { createSlackApi, type SlackApi } from './slack-api.js';
import type { MetricsRecorder } from '../contracts/metrics.js';
import { observedWebClient } from './observed-client.js';

const webApiModule = lazyRequire<typeof webApi>('@slack/web-api');

/**
 * The outbox's own Slack client: same token and API URL as the transport's, but it
 * rejects a 429 at once and never retries by itself. The shared WebClient waits out a
 * 429 (pausing every call, slash-command answers included) and then retries on its own;
 * behind the outbox's own pacing and retries that would double every wait. Writes are
 * still scrubbed by createSlackApi.
 */
export function pacedSlackApi(slack: SlackApi, redactor: Redactor, log: Logger, metrics?: MetricsRecorder): SlackApi {
  const base = slack.client as WebClient | undefined;
  if (!base) return slack;
  const { WebClient: Client } = webApiModule();
  if (!(base instanceof Client) || !base.token) return slack;
  const client = observedWebClient(
    base.token,
    {
      slackApiUrl: base.slackApiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 30_000,
      logger: boltLogger(log.child({ part: 'outbox-client' })),
    },
    metrics,
  );
  return createSlackApi(client, redactor);
}
