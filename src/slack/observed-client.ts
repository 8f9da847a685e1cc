import type * as webApi from '@slack/web-api';
import type { WebAPICallResult, WebClient, WebClientOptions } from '@slack/web-api';
import type { MetricsRecorder } from '../contracts/metrics.js';
import { lazyRequire } from '../util/lazy-require.js';

const webApiModule = lazyRequire<typeof webApi>('@slack/web-api');

const RATE_LIMITED_CODE = 'slack_webapi_rate_limited_error';

/** `https://slack.com/api/chat.postMessage` → `chat.postMessage` (a label of few values). */
export function methodOfUrl(url: string): string {
  const last = url.split('?')[0]!.split('/').pop() ?? '';
  return /^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(last) ? last : 'other';
}

/**
 * A WebClient that counts its calls for /metrics: each call by method and outcome (ok,
 * error, rate_limited when the client gives a 429 back), and every 429 Slack answered,
 * including those the client waits out and retries by itself. Every Web API method of the
 * client is bound to `apiCall` when the client is built, so overriding it here sees them all.
 */
function observedClass(api: typeof webApi) {
  return class ObservedWebClient extends api.WebClient {
    private observer: MetricsRecorder | undefined;

    constructor(token: string | undefined, options: WebClientOptions, metrics: MetricsRecorder) {
      super(token, options);
      this.observer = metrics;
      this.on(api.WebClientEvent.RATE_LIMITED, (_retrySec: number, info?: { url?: string }) =>
        this.observer?.slackRateLimited(methodOfUrl(info?.url ?? '')),
      );
    }

    override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
      try {
        const result = await super.apiCall(method, options);
        this.observer?.slackCall(method, 'ok');
        return result;
      } catch (err) {
        this.observer?.slackCall(
          method,
          (err as { code?: string })?.code === RATE_LIMITED_CODE ? 'rate_limited' : 'error',
        );
        throw err;
      }
    }
  };
}

let observed: ReturnType<typeof observedClass> | undefined;

export function observedWebClient(
  token: string | undefined,
  options: WebClientOptions,
  metrics: MetricsRecorder | undefined,
): WebClient {
  const api = webApiModule();
  if (!metrics) return new api.WebClient(token, options);
  observed ??= observedClass(api);
  return new observed(token, options, metrics);
}
