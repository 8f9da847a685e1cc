import { createServer } from 'node:http';
import { createPromMetrics } from './prom-metrics.js';
import { decideReadiness, slackComponent } from './readiness.js';
/** How long /readyz waits for the store before calling it unreachable. */
const STORE_PROBE_MS = 2_000;
/**
 * The health and metrics listener of the bot (every transport, issue 13): `/healthz` (the
 * process answers), `/readyz` (the transport is up, the store answers, the config is
 * loaded; 503 with a JSON body naming what is not), `/metrics` (Prometheus text). It
 * attaches the Prometheus registry to core.metrics. Null when health.port is 0 or the
 * port cannot be had (logged: the bot serves commands without it).
 */
export async function startHealth(core, opts) {
    const port = opts.port ?? core.config.health.port;
    const host = opts.host ?? core.config.health.host;
    if (port === 0 && opts.port === undefined)
        return null;
    const log = core.log.child({ part: 'health' });
    const metrics = createPromMetrics();
    core.metrics.attach(metrics);
    const storeState = async () => {
        if (!core.store)
            return { ready: true, detail: 'no store configured (scheduled work is off)' };
        let timer;
        try {
            await Promise.race([
                core.store.query('SELECT 1'),
                new Promise((_, reject) => {
                    timer = setTimeout(() => reject(new Error(`no answer within ${STORE_PROBE_MS} ms`)), STORE_PROBE_MS);
                }),
            ]);
            return { ready: true, detail: 'the ctx_ops store answers' };
        }
        catch (err) {
            return {
                ready: false,
                detail: `the ctx_ops store is unreachable: ${core.redactor.scrub(err.message)}`,
            };
        }
        finally {
            clearTimeout(timer);
        }
    };
    const transportState = () => {
        if (opts.surface === 'shell')
            return opts.shellRunning?.() === false
                ? { ready: false, detail: 'the local shell has ended' }
                : { ready: true, detail: 'local shell running' };
        const slack = core.services.get('slackConnection');
        if (!slack)
            return { ready: false, detail: 'the Slack transport has not started' };
        return slackComponent({
            mode: slack.mode,
            identified: slack.identity() !== null,
            socketState: slack.socket?.().state,
        });
    };
    const readiness = async () => decideReadiness({
        config: { ready: true, detail: core.config.configFile ? `loaded from ${core.config.configFile}` : 'loaded' },
        [opts.surface]: transportState(),
        store: await storeState(),
    });
    const handle = async (req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (req.method !== 'GET' && req.method !== 'HEAD') {
            res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
            return;
        }
        if (path === '/healthz') {
            res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
        }
        else if (path === '/readyz') {
            const r = await readiness();
            res
                .writeHead(r.ready ? 200 : 503, { 'content-type': 'application/json' })
                .end(`${JSON.stringify({ ready: r.ready, notReady: r.notReady, components: r.components })}\n`);
        }
        else if (path === '/metrics') {
            const { contentType, body } = await metrics.scrape();
            res.writeHead(200, { 'content-type': contentType }).end(body);
        }
        else {
            res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz, /readyz or /metrics\n');
        }
    };
    const server = createServer((req, res) => {
        handle(req, res).catch((err) => {
            log.warn({ err: { message: core.redactor.scrub(err.message) } }, 'health request failed');
            if (!res.headersSent)
                res.writeHead(500, { 'content-type': 'text/plain' });
            res.end('error\n');
        });
    });
    try {
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, host, () => {
                server.off('error', reject);
                resolve();
            });
        });
    }
    catch (err) {
        log.error({ err: { message: err.message }, host, port }, `the health and metrics listener could not listen on ${host}:${port}; commands are still served. Set CTX_OPS_HEALTH_PORT (health.port) to a free port, or 0 to turn it off`);
        return null;
    }
    const bound = server.address().port;
    log.info({ host, port: bound }, 'health and metrics listener: /healthz, /readyz, /metrics');
    return {
        port: bound,
        metrics,
        readiness,
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
