import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort, startSilentTcp } from '../../support/net.js';
import { createTestDatabase, withDatabase, adminUrl, type TestDatabase } from '../../support/pg.js';

let db: TestDatabase;
let h: Harness | undefined;
beforeAll(async () => {
  db = await createTestDatabase('pgcheck');
});
afterAll(() => db.drop());
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const run = async (url: string, yaml = '') => {
  h = buildBot({ env: { DATABASE_URL: url }, yaml });
  const report = await h.bot.core.diagnostics.run('default', { only: ['postgres'] });
  return report.checks.find((c) => c.id === 'postgres')!;
};

describe('postgres check (real Postgres)', () => {
  it('connects and reports version, size and connection use', async () => {
    const r = await run(db.url);
    expect(r.status).toBe('ok');
    expect(r.summary).toMatch(/^PostgreSQL \d+, .+, \d+\/\d+ connections$/);
    const details = r.details.join('\n');
    expect(details).toMatch(/connected to 127\.0\.0\.1:\d+\/ctxops_pgcheck_/);
    expect(details).toMatch(/connections in use/);
    expect(details).toMatch(/no query or transaction open longer than 5 min/);
  });

  it('warns about a query running longer than the threshold', async () => {
    const blocker = new pg.Client({ connectionString: db.url, application_name: 'slow-report' });
    await blocker.connect();
    blocker.query('SELECT pg_sleep(5)').catch(() => {});
    try {
      await new Promise((r) => setTimeout(r, 1200));
      const r = await run(db.url, 'checks:\n  postgres:\n    longQueryMinutes: 0.01\n');
      expect(r.status).toBe('warn');
      expect(r.details.join('\n')).toMatch(/slow-report\) active for \d+ min: SELECT pg_sleep\(5\)/);
    } finally {
      await blocker.end().catch(() => {});
    }
  });

  it('fails with the reason when the database does not exist', async () => {
    const r = await run(withDatabase(adminUrl(), 'ctxops_no_such_db'));
    expect(r.status).toBe('fail');
    expect(r.details.join('\n')).toMatch(/database does not exist/);
  });

  it('fails on a refused port', async () => {
    const port = await closedPort();
    const r = await run(`postgres://postgres@127.0.0.1:${port}/x`);
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(/connection refused/);
  });

  it('times out against a server that accepts and never answers', async () => {
    const silent = await startSilentTcp();
    try {
      const started = Date.now();
      const r = await run(
        `postgres://postgres@127.0.0.1:${silent.port}/x`,
        'checks:\n  postgres:\n    timeoutMs: 500\n',
      );
      expect(Date.now() - started).toBeLessThan(3000);
      expect(r.status).toBe('fail');
      expect(r.summary).toMatch(/timed out|no answer/);
    } finally {
      await silent.close();
    }
  });

  it('fails clearly when DATABASE_URL is not set', async () => {
    h = buildBot({ env: {} });
    const report = await h.bot.core.diagnostics.run('default', { only: ['postgres'] });
    expect(report.checks[0]).toMatchObject({ status: 'fail', summary: 'DATABASE_URL is not set' });
  });
});

describe('postgres check against a hung server', () => {
  it("lets go of the connection by the pool's connect timeout (the largest check timeout)", async () => {
    const silent = await startSilentTcp();
    try {
      h = buildBot({
        env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${silent.port}/x` },
        yaml: 'checks:\n  timeoutMs: 1000\n  postgres:\n    timeoutMs: 300\n',
      });
      const report = await h.bot.core.diagnostics.run('default', { only: ['postgres'] });
      expect(report.checks[0]!.status).toBe('fail');
      expect(silent.openSockets()).toBe(1);
      await expect.poll(() => silent.openSockets(), { timeout: 4000, interval: 50 }).toBe(0);
    } finally {
      await silent.close();
    }
  });
});
