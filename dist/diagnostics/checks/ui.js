import { backendBase, backendUrl } from '../ctx-urls.js';
import { findings, ms } from '../findings.js';
import { describeFailure } from '../../util/net-errors.js';
const PROXY_FAILURE = /ECONNREFUSED|Unable to connect|ENOTFOUND|ConnectionRefused|fetch failed/i;
/**
 * The backend serves the UI by proxying UI_PROXY_URL. Upstream answers 500 (not 502)
 * with {"message":"ECONNREFUSED: Unable to connect…"} when the UI is down, so both forms
 * are read as "the proxy cannot reach the UI".
 */
export const uiCheck = {
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
        // The HTML alone can come back while the app it starts does not (a UI build whose assets
        // are gone or belong to another build): the page then stays blank. Load its first script.
        const script = firstScript(res.text, url);
        if (!script) {
            f.info('the HTML references no same-origin script to load, so only the page itself was checked');
            return f.done(`serving the app in ${ms(res.ms)}`);
        }
        const asset = await ctx.http.request(script.href, { signal, headers: { accept: '*/*' }, maxBytes: 1024 });
        if (!asset.ok) {
            f.fail(`the app's script ${script.pathname}: ${describeFailure(asset.failure, script.href)}`);
            return f.done(`the page loads but its script does not: ${script.pathname}`);
        }
        if (asset.res.status >= 400) {
            f.fail(`the app's script ${script.pathname} answered HTTP ${asset.res.status} in ${ms(asset.res.ms)}: the page stays blank; the UI behind UI_PROXY_URL (${proxy}) does not serve the assets its own HTML names (a partial deploy, or another build)`);
            return f.done(`the page loads but its script answers HTTP ${asset.res.status}`);
        }
        f.ok(`the app's script ${script.pathname} → ${asset.res.status} in ${ms(asset.res.ms)}`);
        return f.done(`serving the app in ${ms(res.ms)}`);
    },
};
/** The first script (or module preload) the HTML names on its own origin. */
export function firstScript(html, pageUrl) {
    const patterns = [
        /<script\b[^>]*\bsrc=["']([^"']+)["']/gi,
        /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/gi,
    ];
    for (const re of patterns) {
        for (const m of html.matchAll(re)) {
            if (!URL.canParse(m[1], pageUrl))
                continue;
            const u = new URL(m[1], pageUrl);
            if (u.origin === new URL(pageUrl).origin)
                return u;
        }
    }
    return null;
}
