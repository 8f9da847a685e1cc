import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestUrl } from '../../src/util/undici-request.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * requestUrl is what the probes and log sources call instead of `undici.request`: the same
 * request must reach the server whether the Agent is node_modules' undici or the smaller one
 * the build vendors (dist/vendor/undici.cjs holds only the Agent and its request API).
 */
describe('requestUrl', () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; url?: string; agent?: string; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, agent: req.headers['user-agent'], body });
        res.setHeader('x-seen', 'yes');
        res.end(JSON.stringify({ path: req.url }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  const agents: [string, () => Dispatcher][] = [
    ['undici from node_modules', () => new Agent()],
    [
      'the vendored undici in dist/',
      () => {
        const { Agent: Vendored } = createRequire(import.meta.url)(join(ROOT, 'dist/vendor/undici.cjs')) as {
          Agent: new () => Dispatcher;
        };
        return new Vendored();
      },
    ],
  ];

  it.each(agents)('%s: path with its query, GET by default, headers and the answer', async (_, make) => {
    const agent = make();
    try {
      seen.length = 0;
      const res = await requestUrl(agent, `${base}/a/b?x=1&y=%20`, { headers: { 'user-agent': 'ctx-ops' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-seen']).toBe('yes');
      expect(await res.body.json()).toEqual({ path: '/a/b?x=1&y=%20' });
      expect(seen).toEqual([{ method: 'GET', url: '/a/b?x=1&y=%20', agent: 'ctx-ops', body: '' }]);

      const posted = await requestUrl(agent, `${base}/mcp`, { method: 'POST', body: '{"a":1}' });
      await posted.body.text();
      expect(seen[1]).toMatchObject({ method: 'POST', url: '/mcp', body: '{"a":1}' });
    } finally {
      await agent.close();
    }
  });

  it('an aborted request rejects with the abort', async () => {
    const agent = new Agent();
    try {
      const ac = new AbortController();
      ac.abort();
      await expect(requestUrl(agent, `${base}/`, { signal: ac.signal })).rejects.toThrow(/abort/i);
    } finally {
      await agent.close();
    }
  });
});
