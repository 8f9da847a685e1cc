/**
 * Log lines shaped like the upstream samples (../shared/ctx-log-samples/): evlog JSON wide
 * events, background steps with errors and retries, ANSI-coloured Better Auth output,
 * banners. Written for the tests, varied; times are fixed.
 */
export const BACKEND_LINES: string[] = [
  'Started server: http://localhost:3000',
  '{"method":"GET","path":"/.status","requestId":"c78fbba6-537f-45fc-86d9-46580f94f2ba","status":200,"duration":"2ms","timestamp":"2026-11-28T21:55:48.165Z","level":"info","service":"ctxpipe-backend","environment":"production"}',
  '\u001b[2m2026-11-28T21:55:54.261Z\u001b[0m \u001b[33mWARN\u001b[0m \u001b[1m[Better Auth]:\u001b[0m Rate limiting could not determine a client IP and is falling back to a single shared per-path bucket.',
  '{"method":"POST","path":"/mcp","requestId":"6c0a4e7f-2d61-43d0-9625-b98b6170aca7","auth":{"resolvedIn":11,"identified":false},"status":400,"duration":"12ms","timestamp":"2026-11-28T21:55:54.294Z","level":"info","service":"ctxpipe-backend"}',
  '{"method":"POST","path":"/mcp","requestId":"66d3d71f-b4f0-4a40-beaf-2c60d3e40a5c","auth":{"resolvedIn":6,"identified":false},"requestLogs":[{"level":"warn","message":"Unauthorized because of no session","timestamp":"2026-11-28T21:55:54.339Z"}],"status":401,"duration":"13ms","timestamp":"2026-11-28T21:55:54.340Z","level":"warn","service":"ctxpipe-backend"}',
  '{"method":"POST","path":"/mcp","requestId":"d3f8c581-cdc5-4f2c-8125-882e51fdf795","auth":{"resolvedIn":5,"identified":false},"requestLogs":[{"level":"warn","message":"Unauthorized because of no session","timestamp":"2026-11-28T21:56:13.280Z"}],"status":401,"duration":"6ms","timestamp":"2026-11-28T21:56:13.280Z","level":"warn","service":"ctxpipe-backend"}',
  '{"method":"POST","path":"/.auth/api/v1/auth/sign-in/email","requestId":"2e994203-be5d-4115-844f-853d8e4f2135","body":{"email":"ada@example.com"},"requestLogs":[{"level":"warn","message":{"step":"oauth.endpoint_error","message":"Better Auth endpoint returned an error response","httpStatus":403,"path":"/.auth/api/v1/auth/sign-in/email"},"timestamp":"2026-11-28T21:56:40.900Z"}],"status":403,"duration":"24ms","timestamp":"2026-11-28T21:56:40.901Z","level":"warn","service":"ctxpipe-backend"}',
  '\u001b[2m2026-11-28T21:56:40.883Z\u001b[0m \u001b[31mERROR\u001b[0m \u001b[1m[Better Auth]:\u001b[0m Invalid origin: http://127.0.0.1:3000',
  '{"method":"POST","path":"/mcp","requestId":"cc159596-3d5c-4dec-9a1e-a6768185c514","auth":{"resolvedIn":3,"identified":false},"requestLogs":[{"level":"warn","message":"Unauthorized because of no session","timestamp":"2026-11-28T21:57:05.458Z"}],"status":401,"duration":"7ms","timestamp":"2026-11-28T21:57:05.458Z","level":"warn","service":"ctxpipe-backend"}',
  '{"method":"GET","path":"/acme/api/v1/knowledge-graph","requestId":"1189dc45-a53f-4c38-a28a-c97883bbb925","requestLogs":[{"level":"error","message":"Graph database unavailable","timestamp":"2026-11-28T21:57:10.370Z"}],"status":503,"duration":"18ms","timestamp":"2026-11-28T21:57:10.370Z","level":"error","service":"ctxpipe-backend"}',
];

export const WORKER_LINES = {
  stepFailed:
    '{"workflow":"repository-ingestion","repositoryId":"repo_agrciheio5zb5fiqcdprehmm5e","orgId":"org_agrcihdmnr2drma2h4hukxzlge","error":{"name":"EvlogError","message":"resolve-ref failed to fetch","stack":"EvlogError: resolve-ref failed to fetch\\n    at resolveRepositoryRef (/app/apps/backend/src/domain/codeIngestion/queue.ts:64:34)","cause":{"errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"127.0.0.1","port":3001},"status":500},"step":"repository-ingestion.step.resolve-ref.attempt_failed","stepName":"resolve-ref","duration":"111.38s","timestamp":"2026-11-28T21:47:27.654Z","level":"error","service":"ctxpipe-backend","environment":"production"}',
  retry: (attempt: number, at: string) =>
    `{"timestamp":"${at}","level":"info","service":"ctxpipe-backend","environment":"production","step":"repository-ingestion.http.transient_retry","attempt":${attempt},"maxAttempts":11,"delayMs":${200 + attempt * 37},"message":"fetch failed","errno":"ECONNREFUSED","cause":"connect ECONNREFUSED 127.0.0.1:3001"}`,
  banner: '\u25d0 Starting worker...',
};
