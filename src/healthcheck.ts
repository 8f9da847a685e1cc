#!/usr/bin/env node
import { request } from 'node:http';

/**
 * `node dist/healthcheck.js`: the image's HEALTHCHECK. Asks the bot's own health listener
 * (CTX_OPS_HEALTH_PORT, default 8081) for /healthz on loopback and exits 0 when it answers
 * 2xx within 3 s, 1 otherwise. Imports nothing of the bot, so it starts in milliseconds and
 * works even when the configuration is broken.
 */
/** The health listener's port when CTX_OPS_HEALTH_PORT is unset (the image EXPOSEs it, probes use it). */
export const DEFAULT_HEALTH_PORT = 8081;

export function healthcheck(
  env: Record<string, string | undefined>,
  timeoutMs = 3_000,
): Promise<{ ok: boolean; detail: string }> {
  const raw = env.CTX_OPS_HEALTH_PORT?.trim() || String(DEFAULT_HEALTH_PORT);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    return Promise.resolve({ ok: false, detail: `CTX_OPS_HEALTH_PORT=${JSON.stringify(raw)} is not a port (1-65535)` });
  }
  const url = `http://127.0.0.1:${port}/healthz`;
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
      res.on('end', () => resolve({ ok, detail: `${url} answered ${res.statusCode}` }));
      res.on('error', () => resolve({ ok: false, detail: `${url}: response cut off` }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', (err) => resolve({ ok: false, detail: `${url}: ${err.message}` }));
    req.end();
  });
}

const entry = process.argv[1] ?? '';
if (/healthcheck\.(js|ts)$/.test(entry)) {
  void healthcheck(process.env).then(({ ok, detail }) => {
    (ok ? process.stdout : process.stderr).write(`${detail}\n`);
    process.exit(ok ? 0 : 1);
  });
}
