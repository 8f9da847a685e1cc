#!/usr/bin/env node
import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import "./chunks/chunk-55LKJ45A.js";

// src/healthcheck.ts
import { request } from "node:http";
var DEFAULT_HEALTH_PORT = 8081;
function healthcheck(env, timeoutMs = 3e3) {
  const raw = env.CTX_OPS_HEALTH_PORT?.trim() || String(DEFAULT_HEALTH_PORT);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return Promise.resolve({ ok: false, detail: `CTX_OPS_HEALTH_PORT=${JSON.stringify(raw)} is not a port (1-65535)` });
  }
  const url = `http://127.0.0.1:${port}/healthz`;
  return new Promise((resolve) => {
    const req = request(url, { method: "GET", timeout: timeoutMs }, (res) => {
      res.resume();
      const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
      res.on("end", () => resolve({ ok, detail: `${url} answered ${res.statusCode}` }));
      res.on("error", () => resolve({ ok: false, detail: `${url}: response cut off` }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs / 1e3} s`)));
    req.on("error", (err) => resolve({ ok: false, detail: `${url}: ${err.message}` }));
    req.end();
  });
}
var entry = process.argv[1] ?? "";
if (/healthcheck\.(js|ts)$/.test(entry)) {
  void healthcheck(process.env).then(({ ok, detail }) => {
    (ok ? process.stdout : process.stderr).write(`${detail}
`);
    process.exit(ok ? 0 : 1);
  });
}
export {
  DEFAULT_HEALTH_PORT,
  healthcheck
};
