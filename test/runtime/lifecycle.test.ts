import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShutdown, installShutdown, trackInFlight } from '../../src/runtime/lifecycle.js';
import { baseEnv, startProcess } from '../support/processes.js';

function harness(stop: () => Promise<void>, timeoutMs = 5_000) {
  const said: string[] = [];
  const exits: number[] = [];
  const s = createShutdown({ stop, timeoutMs, exit: (c) => exits.push(c), say: (l) => said.push(l) });
  return { s, said, exits };
}

describe('shutdown on SIGTERM / SIGINT', () => {
  it('runs the orderly stop once and exits 0 when it is done', async () => {
    let stops = 0;
    const h = harness(async () => {
      stops++;
    });
    h.s.onSignal('SIGTERM');
    expect(await h.s.exited).toBe(0);
    expect(h.exits).toEqual([0]);
    expect(stops).toBe(1);
    expect(h.said).toEqual(['ctx-ops: SIGTERM: stopping (at most 5 s; SIGTERM again exits at once)']);
  });

  it('a second signal exits at once with 128 + its number, without waiting for the stop', async () => {
    const h = harness(() => new Promise<void>(() => {}));
    h.s.onSignal('SIGINT');
    h.s.onSignal('SIGINT');
    expect(await h.s.exited).toBe(130);
    expect(h.exits).toEqual([130]);
    expect(h.said.at(-1)).toBe('ctx-ops: second SIGINT: exiting now');
    const t = harness(() => new Promise<void>(() => {}));
    t.s.onSignal('SIGTERM');
    t.s.onSignal('SIGTERM');
    expect(await t.s.exited).toBe(143);
  });

  it('a stop that outlasts the timeout exits 1 and says the next start cleans up', async () => {
    const h = harness(() => new Promise<void>(() => {}), 50);
    h.s.onSignal('SIGTERM');
    expect(await h.s.exited).toBe(1);
    expect(h.exits).toEqual([1]);
    expect(h.said.at(-1)).toBe(
      'ctx-ops: did not stop within 0.1 s; exiting (the next start marks what was left interrupted)',
    );
  });

  it('a stop that fails exits 1 with the reason, once', async () => {
    const h = harness(async () => {
      throw new Error('pool already closed');
    });
    h.s.onSignal('SIGTERM');
    expect(await h.s.exited).toBe(1);
    expect(h.said.at(-1)).toBe('ctx-ops: stopping failed: pool already closed');
    h.s.onSignal('SIGTERM');
    expect(h.exits).toEqual([1]);
  });

  it('installs on SIGTERM and SIGINT of the process and uninstalls', async () => {
    const proc = new EventEmitter();
    const exits: number[] = [];
    const s = installShutdown(proc, {
      stop: async () => {},
      timeoutMs: 1_000,
      exit: (c) => exits.push(c),
      say: () => {},
    });
    expect(proc.listenerCount('SIGTERM')).toBe(1);
    expect(proc.listenerCount('SIGINT')).toBe(1);
    proc.emit('SIGINT', 'SIGINT');
    expect(await s.exited).toBe(0);
    s.uninstall();
    expect(proc.listenerCount('SIGTERM') + proc.listenerCount('SIGINT')).toBe(0);
  });
});

describe('commands in flight at a stop', () => {
  it('waits for the commands that arrived, and reports those still running at the deadline', async () => {
    let release!: () => void;
    const router = {
      async dispatch(text: string) {
        if (text === 'slow') await new Promise<void>((r) => (release = r));
        return text;
      },
    };
    const inFlight = trackInFlight(router);
    const quick = router.dispatch('status');
    const slow = router.dispatch('slow');
    expect(await quick).toBe('status');
    await new Promise((r) => setImmediate(r));
    expect(inFlight.count()).toBe(1);
    expect(await inFlight.drain(20)).toBe(1);
    const drained = inFlight.drain(10_000);
    release();
    expect(await slow).toBe('slow');
    expect(await drained).toBe(0);
  });

  it('a command that fails still counts as done, and its error reaches the caller', async () => {
    const router = {
      async dispatch() {
        throw new Error('boom');
      },
    };
    const inFlight = trackInFlight(router);
    await expect(router.dispatch()).rejects.toThrow('boom');
    expect(await inFlight.drain(1_000)).toBe(0);
  });
});

describe('the local shell (npm start without Slack tokens)', () => {
  it('SIGTERM while it waits for input: stops, closes and exits 0', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ctx-ops-shell-stop-'));
    const bot = startProcess('bot', [], { cwd, env: baseEnv() });
    let out = '';
    bot.stdout.on('data', (d) => (out += d));
    bot.stderr.on('data', (d) => (out += d));
    const closed = new Promise<number | null>((r) => bot.on('close', r));
    try {
      bot.stdin.write('help\n');
      for (let i = 0; i < 600 && !out.includes('status'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('status');
      bot.kill('SIGTERM');
      expect(await closed).toBe(0);
      expect(out).toContain('ctx-ops: SIGTERM: stopping (at most 10 s; SIGTERM again exits at once)');
    } finally {
      bot.kill('SIGKILL');
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
