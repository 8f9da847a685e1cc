import { lazyRequire } from '../util/lazy-require.js';
const webApiModule = lazyRequire('@slack/web-api');
const RATE_LIMITED_CODE = 'slack_webapi_rate_limited_error';
/** `https://slack.com/api/chat.postMessage` → `chat.postMessage` (a label of few values). */
export function methodOfUrl(url) {
    const last = url.split('?')[0].split('/').pop() ?? '';
    return /^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(last) ? last : 'other';
}
/**
 * A WebClient that counts its calls for /metrics: each call by method and outcome (ok,
 * error, rate_limited when the client gives a 429 back), and every 429 Slack answered,
 * including those the client waits out and retries by itself. Every Web API method of the
 * client is bound to `apiCall` when the client is built, so overriding it here sees them all.
 */
function observedClass(api) {
    return class ObservedWebClient extends api.WebClient {
        observer;
        constructor(token, options, metrics) {
            super(token, options);
            this.observer = metrics;
            this.on(api.WebClientEvent.RATE_LIMITED, (_retrySec, info) => this.observer?.slackRateLimited(methodOfUrl(info?.url ?? '')));
        }
        async apiCall(method, options) {
            try {
                const result = await super.apiCall(method, options);
                this.observer?.slackCall(method, 'ok');
                return result;
            }
            catch (err) {
                this.observer?.slackCall(method, err?.code === RATE_LIMITED_CODE ? 'rate_limited' : 'error');
                throw err;
            }
        }
    };
}
let observed;
export function observedWebClient(token, options, metrics) {
    const api = webApiModule();
    if (!metrics)
        return new api.WebClient(token, options);
    observed ??= observedClass(api);
    return new observed(token, options, metrics);
}
