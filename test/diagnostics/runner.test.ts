import { afterEach, describe, expect, it } from 'vitest';
import { buildBot, type Harness } from '../support/harness.js';
import type { Check } from '../../src/diagnostics/types.js';

function fakeCheck(
  id: string,
  dependsOn: string[],
  behaviour: (signal: AbortSignal) => Promise<'ok' | 'warn' | 'fail'>,
  counter?: { n: number },
): Check {
  return {
    id,
    title: id.toUpperCase(),
    dependsOn,
    async run(_ctx, signal) {
      if (counter) counter.n++;
      const status = await behaviour(signal);
      return { status, summary: `${id} is ${status}`, details: [] };
    },
  };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason);
    });
  });

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('diagnostics runner', () => {
  it('runs checks in parallel: total time is the slowest check, not the sum', async () => {
    const checks = ['a', 'b', 'c', 'd', 'e'].map((id) => fakeCheck(id, [], async () => (await sleep(200), 'ok')));
    h = buildBot({ checks, app: { checks } });
    const started = Date.now();
    const report = await h.bot.core.diagnostics.run('default');
    const took = Date.now() - started;
    expect(report.checks.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(took).toBeLessThan(5 * 200);
  });

  it('reports a hanging check as a timeout at its own deadline and aborts its signal', async () => {
    let aborted = false;
    const hanging = fakeCheck('hang', [], (signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return new Promise(() => {}); // ignores the signal entirely
    });
    const quick = fakeCheck('quick', [], async () => 'ok');
    const checks = [hanging, quick];
    h = buildBot({ checks, app: { checks }, yaml: 'checks:\n  timeoutMs: 5000\n  hang:\n    timeoutMs: 300\n' });
    const report = await h.bot.core.diagnostics.run('default');
    const r = report.checks.find((c) => c.id === 'hang')!;
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(/timed out.*300 ms/);
    expect(r.durationMs).toBeGreaterThanOrEqual(290);
    expect(aborted).toBe(true);
    expect(report.checks.find((c) => c.id === 'quick')!.status).toBe('ok');
  });

  it('marks dependents of a failing check with the root cause', async () => {
    const checks = [
      fakeCheck('db', [], async () => 'fail'),
      fakeCheck('app', ['db'], async () => 'fail'),
      fakeCheck('web', [], async () => 'ok'),
    ];
    h = buildBot({ checks, app: { checks } });
    const report = await h.bot.core.diagnostics.run('default');
    expect(report.overall).toBe('fail');
    expect(report.checks.find((c) => c.id === 'app')!.rootCause).toBe('db');
    expect(report.checks.find((c) => c.id === 'db')!.rootCause).toBeUndefined();
  });

  it('shares one run between concurrent requests and reuses results within cacheMs', async () => {
    const counter = { n: 0 };
    const checks = [fakeCheck('slow', [], async () => (await sleep(100), 'ok'), counter)];
    h = buildBot({ checks, app: { checks }, yaml: 'checks:\n  cacheMs: 60000\n' });
    await Promise.all(Array.from({ length: 50 }, () => h!.bot.core.diagnostics.run('default')));
    expect(counter.n).toBe(1);
    await h.bot.core.diagnostics.run('default');
    expect(counter.n).toBe(1);
    await h.bot.core.diagnostics.run('default', { maxAgeMs: 0 });
    expect(counter.n).toBe(2);
  });

  it('runs a selected check together with what it depends on', async () => {
    const counter = { n: 0 };
    const checks = [
      fakeCheck('db', [], async () => 'ok', counter),
      fakeCheck('app', ['db'], async () => 'ok'),
      fakeCheck('other', [], async () => 'ok', counter),
    ];
    h = buildBot({ checks, app: { checks } });
    const report = await h.bot.core.diagnostics.run('default', { only: ['app'] });
    expect(report.checks.map((c) => c.id)).toEqual(['db', 'app']);
    expect(counter.n).toBe(1);
  });

  it('turns a crashing check into a failed result and skips disabled ones', async () => {
    const crash: Check = {
      id: 'crash',
      title: 'Crash',
      dependsOn: [],
      run: async () => {
        throw new Error('boom');
      },
    };
    const off = fakeCheck('off', [], async () => 'fail');
    const checks = [crash, off];
    h = buildBot({ checks, app: { checks }, yaml: 'checks:\n  off:\n    enabled: false\n' });
    const report = await h.bot.core.diagnostics.run('default');
    expect(report.checks[0]).toMatchObject({ id: 'crash', status: 'fail', summary: 'the check itself failed: boom' });
    expect(report.checks[1]).toMatchObject({ id: 'off', status: 'skip' });
    expect(report.overall).toBe('fail');
  });
});

describe('diagnostics runner: loggers', () => {
  it("gives each check's log lines its environment and check on every run (a child logger kept per environment and check)", async () => {
    const { createDiagnostics } = await import('../../src/diagnostics/runner.js');
    const { createRedactor } = await import('../../src/log/redactor.js');
    const { default: pino } = await import('pino');
    const lines: Array<{ env?: string; check?: string; msg?: string; n?: number }> = [];
    const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    const speaking = (id: string): Check => ({
      id,
      title: id,
      dependsOn: [],
      async run(ctx) {
        ctx.log.info({ n: lines.length }, 'probing');
        return { status: 'ok', summary: 'fine', details: [] };
      },
    });
    const env = (name: string) =>
      ({ name, production: false, publicUrl: 'http://127.0.0.1', ctx: {}, source: 'test' }) as unknown as Parameters<
        typeof createDiagnostics
      >[0]['environments'][number];
    const d = createDiagnostics({
      checks: [speaking('a'), speaking('b')],
      settings: { timeoutMs: 1000, cacheMs: 0 },
      environments: [env('prod'), env('staging')],
      log,
      http: { request: async () => ({ ok: false, failure: { kind: 'refused' }, ms: 0 }), close: async () => {} },
      pgFor: () => null,
      store: null,
      redactor: createRedactor(),
    } as unknown as Parameters<typeof createDiagnostics>[0]);
    for (let i = 0; i < 2; i++) {
      await d.run('prod', { maxAgeMs: 0 });
      await d.run('staging', { maxAgeMs: 0 });
    }
    const said = lines.filter((l) => l.msg === 'probing').map((l) => `${l.env}/${l.check}`);
    expect(said.sort()).toEqual([
      'prod/a',
      'prod/a',
      'prod/b',
      'prod/b',
      'staging/a',
      'staging/a',
      'staging/b',
      'staging/b',
    ]);
  });
});
