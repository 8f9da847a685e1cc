import { backendBase, backendUrl } from '../ctx-urls.js';
import { findings, ms } from '../findings.js';
import { describeFailure } from '../net-errors.js';
import type { Check } from '../types.js';

const PROXY_FAILURE = /ECONNREFUSED|Unable to connect|ENOTFOUND|ConnectionRefused|fetch failed/i;

/**
 * The backend serves the UI by proxying UI_PROXY_URL. Upstream answers 500 (not 502)
 * with {"message":"ECONNREFUSED: Unable to connect…"} when the UI is down, so both forms
 * are read as "the proxy cannot reach the UI".
 */
export const uiCheck: Check = {
  id: 'ui',
  title: 'UI',
  dependsOn: ['backend'],
  async run(ctx, signal) {
    const f = findings();
    const proxy = ctx.env.ctx.UI_PROXY_URL;
    let url = backendUrl(ctx.env, '/');
    let out = await ctx.http.request(url, { signal, headers: { accept: 'text/html' } });
    // Follow one same-origin redirect (a login or locale route); a redirect elsewhere is a finding.
    if (out.ok && out.res.status >= 300 && out.res.status < 400 && out.res.headers.location) {
      const next = new URL(out.res.headers.location, url);
      if (next.origin !== new URL(backendBase(ctx.env)).origin) {
        f.warn(`GET / redirects to another origin: ${next.origin} (people may be sent away from AUTH_BASE_URL)`);
        return f.done(`redirects to ${next.origin}`);
      }
      f.info(`GET / redirects to ${next.pathname}`);
      url = next.toString();
      out = await ctx.http.request(url, { signal, headers: { accept: 'text/html' } });
    }
    if (!out.ok) {
      f.fail(describeFailure(out.failure, url));
      return f.done('the backend origin does not answer');
    }
    const { res } = out;
    const proxyDown = [502, 503, 504].includes(res.status) || (res.status === 500 && PROXY_FAILURE.test(res.text));
    if (proxyDown) {
      f.fail(`GET / answered HTTP ${res.status} in ${ms(res.ms)}: the backend could not reach the UI at UI_PROXY_URL (${proxy})`);
      f.info('check that the ui service is running and that UI_PROXY_URL is reachable from the backend container');
      return f.done(`UI proxy failing: backend cannot reach UI_PROXY_URL (${proxy})`);
    }
    if (res.status !== 200) {
      f.fail(`GET / answered HTTP ${res.status} in ${ms(res.ms)} (expected the app's HTML)`);
      return f.done(`GET / answered HTTP ${res.status}`);
    }
    const type = res.headers['content-type'] ?? '';
    const looksHtml = /text\/html/i.test(type) || /<!doctype html|<html/i.test(res.text);
    if (!looksHtml) {
      f.fail(`GET / answered 200 with ${type || 'no content type'}, not the app's HTML`);
      return f.done('answers, but not with the app');
    }
    f.ok(`GET / → 200 HTML (${type || 'text/html'}) in ${ms(res.ms)}, served through the backend from ${proxy}`);
    return f.done(`serving the app in ${ms(res.ms)}`);
  },
};
