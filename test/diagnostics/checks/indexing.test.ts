import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyRepo,
  effectiveStatus,
  indexingSummary,
  indexingVerdict,
  type RepoCounts,
  type RepoFacts,
} from '../../../src/diagnostics/checks/indexing.js';
import { excerpt, stripCredentials } from '../../../src/util/text.js';
import { roughDuration } from '../../../src/util/format.js';
import {
  ago,
  createCtxTables,
  fromNow,
  insertOrg,
  insertRepo,
  insertRun,
  insertStepAttempt,
  truncateCtxTables,
} from '../../support/ctx-schema.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort, startSilentTcp } from '../../support/net.js';
import { createTestDatabase, type TestDatabase } from '../../support/pg.js';

const H = 3_600_000;
const T = { stuckMs: 2 * H, neverIndexedMs: 24 * H };
const counts = (c: Partial<RepoCounts>): RepoCounts => ({
  ready: 0,
  issues: 0,
  failed: 0,
  failing: 0,
  stuck: 0,
  retrying: 0,
  indexing: 0,
  'never-indexed': 0,
  unindexing: 0,
  ...c,
});
const facts = (f: Partial<RepoFacts>): RepoFacts => ({
  indexingStatus: 'ready',
  indexReady: true,
  everIngested: true,
  idleMs: 0,
  ageMs: 0,
  ...f,
});

describe('indexing rules', () => {
  it.each([
    [null, true, 'ready'],
    [null, false, 'running'],
    ['failed', false, 'failed'],
    ['queued', true, 'queued'],
  ])('status %s with index_ready %s is %s (upstream deriveRepositoryIndexingStatus)', (s, ready, expected) => {
    expect(effectiveStatus(s, ready)).toBe(expected);
  });

  it.each<[string, Partial<RepoFacts>, string]>([
    ['ready', {}, 'ready'],
    ['complete with issues', { indexingStatus: 'complete_with_issues' }, 'issues'],
    ['failed', { indexingStatus: 'failed', indexReady: false }, 'failed'],
    [
      'failed, never indexed: still failed',
      { indexingStatus: 'failed', indexReady: false, everIngested: false, ageMs: 72 * H },
      'failed',
    ],
    ['queued, progress 10 min ago', { indexingStatus: 'queued', indexReady: false, idleMs: 10 * 60_000 }, 'indexing'],
    ['queued, no progress for 2 h', { indexingStatus: 'queued', indexReady: false, idleMs: 2 * H }, 'stuck'],
    ['running, no progress for 5 h', { indexingStatus: 'running', indexReady: false, idleMs: 5 * H }, 'stuck'],
    [
      'status unset and not ready, idle 3 h (shown as running)',
      { indexingStatus: null, indexReady: false, idleMs: 3 * H },
      'stuck',
    ],
    [
      're-indexing an indexed repository, idle 3 h',
      { indexingStatus: 'running', indexReady: true, idleMs: 3 * H },
      'stuck',
    ],
    [
      'running fine but connected 3 d ago and never indexed',
      { indexingStatus: 'running', indexReady: false, everIngested: false, idleMs: 60_000, ageMs: 72 * H },
      'never-indexed',
    ],
    [
      'first run, connected 1 h ago',
      { indexingStatus: 'running', indexReady: false, everIngested: false, idleMs: 60_000, ageMs: H },
      'indexing',
    ],
    ['unindexing', { indexingStatus: 'unindexing', indexReady: false, idleMs: 9 * H }, 'unindexing'],
    [
      'running with progress, ingestion failed 5 attempts',
      { indexingStatus: 'running', indexReady: false, idleMs: 60_000, failedAttempts: 5 },
      'failing',
    ],
    [
      'running, idle 5 h, ingestion failing: the error beats "stuck"',
      { indexingStatus: 'running', indexReady: false, idleMs: 5 * H, failedAttempts: 3 },
      'failing',
    ],
    [
      'running with progress, one failed attempt',
      { indexingStatus: 'running', indexReady: false, idleMs: 60_000, failedAttempts: 1 },
      'retrying',
    ],
    ['ready, with a failed attempt counted elsewhere', { failedAttempts: 4 }, 'ready'],
    ['failed stays failed', { indexingStatus: 'failed', indexReady: false, failedAttempts: 9 }, 'failed'],
  ])('%s → %s', (_name, f, expected) => {
    expect(classifyRepo(facts(f), T)).toBe(expected);
  });

  it.each<[Partial<RepoCounts>, string]>([
    [{ ready: 41 }, 'ok'],
    [{ ready: 4, issues: 2, indexing: 3, unindexing: 1 }, 'ok'],
    [{ ready: 4, 'never-indexed': 1 }, 'warn'],
    [{ ready: 4, failed: 1 }, 'fail'],
    [{ ready: 4, stuck: 1, 'never-indexed': 2 }, 'fail'],
    [{}, 'ok'],
  ])('verdict for %o is %s', (c, expected) => expect(indexingVerdict(counts(c))).toBe(expected));

  it.each<[Partial<RepoCounts>, { status: string; idleMs: number } | null, string]>([
    [
      { ready: 41, failed: 2, stuck: 1 },
      { status: 'running', idleMs: 5 * H },
      '41 ready, 2 failed, 1 stuck running for 5 h',
    ],
    [{ ready: 3, stuck: 2 }, { status: 'queued', idleMs: 26 * H }, '3 ready, 2 stuck (longest queued for 26 h)'],
    [
      { ready: 1, issues: 1, 'never-indexed': 1, indexing: 2 },
      null,
      '2 ready (1 with issues), 1 never indexed, 2 indexing',
    ],
    [{}, null, 'no repositories connected yet'],
  ])('summary of %o', (c, longest, expected) => expect(indexingSummary(counts(c), longest)).toBe(expected));
});

describe('text limits for stored errors', () => {
  it.each([
    ['https://x-access-token:ghs_abc123@github.com/acme/api.git', 'https://github.com/acme/api.git'],
    ['clone https://ghp_tokenonly1234@github.com/a/b failed', 'clone https://github.com/a/b failed'],
    ['postgres://ctx:pw@db:5432/ctx', 'postgres://db:5432/ctx'],
    ['GET https://api.example.com/x?access_token=abc&b=1', 'GET https://api.example.com/x?access_token=[redacted]&b=1'],
    ['git@github.com:acme/api.git is fine', 'git@github.com:acme/api.git is fine'],
    ['plain text', 'plain text'],
  ])('stripCredentials(%s)', (input, expected) => expect(stripCredentials(input)).toBe(expected));

  it('cuts at 160 characters on one line, after stripping credentials', () => {
    const text = `fatal:\n  unable to access 'https://u:secretsecret@host/r.git/'\n${'x'.repeat(400)}`;
    const out = excerpt(text);
    expect(out.length).toBeLessThanOrEqual(160);
    expect(out).not.toContain('secretsecret');
    expect(out).not.toContain('\n');
    expect(out.endsWith('…')).toBe(true);
  });

  it.each([
    [30_000, 'under a minute'],
    [40 * 60_000, '40 min'],
    [5 * H, '5 h'],
    [50 * H, '2 d'],
  ])('roughDuration(%d) = %s', (ms, expected) => expect(roughDuration(ms)).toBe(expected));
});

describe("indexing check against ctx|'s tables (real Postgres)", () => {
  let db: TestDatabase;
  let h: Harness | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('indexing');
    await createCtxTables(db, { openworkflowSchema: false });
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
    await truncateCtxTables(db, { openworkflowSchema: false });
  });
  afterAll(() => db.drop());

  const run = async (yaml = '', url = db.url) => {
    h = buildBot({ env: { DATABASE_URL: url }, yaml });
    const report = await h.bot.core.diagnostics.run('default', { only: ['indexing'], maxAgeMs: 0 });
    return { r: report.checks.find((c) => c.id === 'indexing')!, report };
  };

  it('is ok when every repository is indexed', async () => {
    const org = await insertOrg(db, { slug: 'acme' });
    for (const name of ['acme/api', 'acme/web', 'acme/docs']) await insertRepo(db, { orgId: org, name });
    const { r } = await run();
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('3 ready');
    expect(r.details).toContain('✓ 3 of 3 repositories indexed and searchable');
    expect(r.runbook).toBeUndefined();
  });

  it('lists a failed repository with its error, without the credentials of its clone URL', async () => {
    const org = await insertOrg(db, { slug: 'acme' });
    await insertRepo(db, { orgId: org, name: 'acme/web' });
    await insertRepo(db, { orgId: org, name: 'acme/docs' });
    const token = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
    await insertRepo(db, {
      orgId: org,
      name: 'acme/api',
      indexingStatus: 'failed',
      indexingFailedAt: ago({ hours: 3 }),
      lastIngestedAt: null,
      indexingError: `Command failed: git clone https://x-access-token:${token}@github.com/acme/api.git /repos/acme/api\nfatal: unable to access 'https://x-access-token:${token}@github.com/acme/api.git/': The requested URL returned error: 403 ${'and more output '.repeat(30)}`,
    });
    const { r } = await run();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('2 ready, 1 failed');
    expect(r.runbook).toBe('repo-not-indexed');
    const line = r.details.find((d) => d.includes('acme/api'))!;
    expect(line).toMatch(
      /^✗ acme\/api \(org acme\) failed 3 h ago \(never indexed successfully\): Command failed: git clone https:\/\/github\.com\/acme\/api\.git/,
    );
    expect(line.length).toBeLessThan(300);
    const everything = JSON.stringify(r) + h!.logs.join('');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('x-access-token');
  });

  it('names repositories queued or running without progress for longer than the threshold', async () => {
    const org = await insertOrg(db, { slug: 'acme' });
    await insertRepo(db, { orgId: org, name: 'acme/web' });
    await insertRepo(db, {
      orgId: org,
      name: 'acme/api',
      indexingStatus: 'running',
      indexingStepKey: 'scip:go',
      updatedAt: ago({ hours: 5 }),
    });
    await insertRepo(db, {
      orgId: org,
      name: 'acme/fresh',
      indexingStatus: 'running',
      updatedAt: ago({ minutes: 10 }),
    });
    const { r } = await run();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('1 ready, 1 stuck running for 5 h, 1 indexing');
    expect(r.runbook).toBe('repo-not-indexed');
    expect(r.details.join('\n')).toContain('✗ acme/api (org acme) running at step scip:go with no progress for 5 h');
    expect(r.details.join('\n')).toContain('1 indexing now, with progress within 2 h: acme/fresh (org acme)');
  });

  it('blames the worker for a repository queued for hours', async () => {
    const org = await insertOrg(db, { slug: 'beta' });
    await insertRepo(db, { orgId: org, name: 'beta/app', indexingStatus: 'queued', updatedAt: ago({ hours: 26 }) });
    await insertRepo(db, { orgId: org, name: 'beta/lib', indexingStatus: 'queued', updatedAt: ago({ hours: 3 }) });
    const { r } = await run();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('0 ready, 2 stuck (longest queued for 26 h)');
    expect(r.details.join('\n')).toContain(
      '✗ beta/app (org beta) queued with no progress for 26 h: no worker has started its ingestion (see the worker check)',
    );
  });

  it('takes the threshold from checks.indexing.stuckHours', async () => {
    const org = await insertOrg(db, { slug: 'acme' });
    await insertRepo(db, {
      orgId: org,
      name: 'acme/big',
      indexingStatus: 'running',
      updatedAt: ago({ hours: 5 }),
      lastIngestedAt: ago({ days: 2 }),
    });
    const { r } = await run('checks:\n  indexing:\n    stuckHours: 6\n');
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('0 ready, 1 indexing');
  });

  it('warns about a repository connected long ago that was never indexed', async () => {
    const org = await insertOrg(db, { slug: 'acme' });
    await insertRepo(db, { orgId: org, name: 'acme/api' });
    // Status unset and not ready: upstream shows it as running; it keeps being touched but never finishes.
    await insertRepo(db, {
      orgId: org,
      name: 'acme/mono',
      indexingStatus: null,
      indexReady: false,
      lastIngestedAt: null,
      createdAt: ago({ days: 3 }),
      updatedAt: ago({ minutes: 20 }),
    });
    const { r } = await run();
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('1 ready, 1 never indexed');
    expect(r.runbook).toBe('repo-not-indexed');
    expect(r.details).toContain('⚠ acme/mono (org acme) connected 3 d ago and never indexed (now running)');
  });

  it('counts complete_with_issues as searchable and quotes the issue', async () => {
    const org = await insertOrg(db, { slug: 'acme' });
    await insertRepo(db, {
      orgId: org,
      name: 'acme/api',
      indexingStatus: 'complete_with_issues',
      indexingError: 'SCIP indexer for rust failed',
    });
    const { r } = await run();
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('1 ready (1 with issues)');
    expect(r.details).toContain('· acme/api (org acme) indexed with issues: SCIP indexer for rust failed');
  });

  it('fails clearly when the repositories table does not exist', async () => {
    const empty = await createTestDatabase('indexing_empty');
    try {
      const { r } = await run('', empty.url);
      expect(r.status).toBe('fail');
      expect(r.summary).toBe('no repositories table');
      expect(r.details[0]).toMatch(/migrations have not run/);
    } finally {
      await h?.close();
      h = undefined;
      await empty.drop();
    }
  });

  it('carries rootCause postgres when Postgres is down', async () => {
    const port = await closedPort();
    const { r, report } = await run('', `postgres://postgres@127.0.0.1:${port}/ctx`);
    expect(report.checks.find((c) => c.id === 'postgres')!.status).toBe('fail');
    expect(r.status).toBe('fail');
    expect(r.rootCause).toBe('postgres');
  });

  it('times out against a server that never answers', async () => {
    const silent = await startSilentTcp();
    try {
      const started = Date.now();
      const { r } = await run(
        'checks:\n  postgres:\n    timeoutMs: 300\n  indexing:\n    timeoutMs: 300\n',
        `postgres://postgres@127.0.0.1:${silent.port}/ctx`,
      );
      expect(Date.now() - started).toBeLessThan(4000);
      expect(r.status).toBe('fail');
      expect(r.summary).toMatch(/timed out: no answer within 300 ms/);
      expect(r.rootCause).toBe('postgres');
    } finally {
      await silent.close();
    }
  });
});

describe('indexing check and the ingestion runs behind a running repository (OpenWorkflow 0.8 layout)', () => {
  let db: TestDatabase;
  let h: Harness | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('indexing_runs');
    await createCtxTables(db);
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
    await truncateCtxTables(db);
  });
  afterAll(() => db.drop());

  const run = async (yaml = '') => {
    h = buildBot({ env: { DATABASE_URL: db.url }, yaml });
    const report = await h.bot.core.diagnostics.run('default', { only: ['indexing'], maxAgeMs: 0 });
    return report.checks.find((c) => c.id === 'indexing')!;
  };
  const plant = async (attempts: number[], status: 'pending' | 'running' = 'pending') => {
    const org = await insertOrg(db, { slug: 'acme' });
    const repo = await insertRepo(db, {
      orgId: org,
      name: 'acme/api',
      indexingStatus: 'running',
      updatedAt: ago({ minutes: 12 }),
    });
    const runId = await insertRun(db, {
      workflowName: 'repository-ingestion',
      status,
      input: { repositoryId: repo, orgId: org },
      error: { message: 'resolve-ref failed to fetch' },
      ...(status === 'pending' ? { availableAt: fromNow({ minutes: 2 }) } : {}),
    });
    for (const minutes of attempts) {
      await insertStepAttempt(db, {
        workflowRunId: runId,
        stepName: 'resolve-ref',
        status: 'failed',
        error: { message: 'resolve-ref failed to fetch' },
        createdAt: ago({ minutes }),
      });
    }
    return runId;
  };

  it('fails a repository "running" while its ingestion failed 3+ attempts in the window, with the error and the next retry', async () => {
    const runId = await plant([10, 8, 6, 4, 2]);
    const r = await run();
    expect(r.status).toBe('fail');
    expect(r.runbook).toBe('repo-not-indexed');
    expect(r.summary).toBe('0 ready, 1 failing while running (ingestion retrying)');
    expect(r.details).toContain(
      `✗ acme/api (org acme) running, but its repository-ingestion run ${runId.slice(0, 8)} keeps failing: 5 failed step attempts in the last 60 min (first 10 min ago, latest 2 min ago, step resolve-ref): resolve-ref failed to fetch; the run is pending, next attempt in 1 min. OpenWorkflow retries it with backoff and only then marks the repository failed; fix the cause (the error above), then reindex`,
    );
  });

  it('only warns for one or two failed attempts (may be transient), and counts only the window', async () => {
    await plant([3, 200], 'running');
    const r = await run();
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('0 ready, 1 indexing with failed attempts');
    expect(r.details.join('\n')).toMatch(
      /⚠ acme\/api \(org acme\) running, but its repository-ingestion run \S+ keeps failing: 1 failed step attempt in the last 60 min \(2 in all\)/,
    );
  });

  it('takes the window and the threshold from checks.indexing', async () => {
    await plant([50, 40, 30, 20]);
    const r = await run('checks:\n  indexing:\n    retryWindowMinutes: 25\n    failingAttempts: 2\n');
    expect(r.status).toBe('warn');
    expect(r.details.join('\n')).toMatch(/1 failed step attempt in the last 25 min \(4 in all\)/);
  });
});
