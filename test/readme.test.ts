import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../src/bot.js';
import { runCli } from '../src/cli.js';
import { startFakeDeployment, type FakeDeployment } from './support/fake-deployment.js';
import { startFakeSlack, type FakeSlack } from './support/fake-slack.js';
import { closedPort } from './support/net.js';
import { createLogStore, type FakeDocker, startFakeDocker } from './support/fake-logs.js';
import { BACKEND_LINES, WORKER_LINES } from './support/log-lines.js';

/**
 * The README's sample outputs come from the real program. Each is a fenced block right
 * after a marker naming how it was produced:
 *
 *   <!-- sample: fixture=backend-down shell="status" -->     npm start (the local shell), typing `status`
 *   <!-- sample: fixture=dotenv cli="config" -->              npx ctx-ops config
 *   <!-- sample: fixture=broken-config cli="status" stream=stderr -->
 *
 * This test runs each against its fixture and compares, after masking what differs from
 * run to run (see `mask`). `UPDATE_README=1 npx vitest run test/readme.test.ts` rewrites the
 * blocks with fresh output instead.
 */
const README = fileURLToPath(new URL('../README.md', import.meta.url));
/** The checkout: printed as a neutral install folder, so the README names no machine's path. */
const CHECKOUT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const INSTALL = '/opt/ctx-ops';
const TMP = tmpdir();

interface Sample {
  attrs: Record<string, string>;
  body: string;
  /** Character range of the block's body in the README. */
  start: number;
  end: number;
}

function samples(readme: string): Sample[] {
  const out: Sample[] = [];
  const re = /<!-- sample: (.*?) -->\n```[a-z]*\n([\s\S]*?)\n?```/g;
  for (const m of readme.matchAll(re)) {
    const attrs = Object.fromEntries(
      [...m[1]!.matchAll(/(\w+)=(?:"([^"]*)"|(\S+))/g)].map((a) => [a[1]!, a[2] ?? a[3]!]),
    );
    const bodyStart = m.index! + m[0].indexOf('\n', m[0].indexOf('-->') + 4) + 1;
    out.push({ attrs, body: m[2]!, start: bodyStart, end: bodyStart + m[2]!.length });
  }
  return out;
}

/**
 * What is allowed to differ between runs: clock times and dates, durations and latencies,
 * loopback ports, temporary folders, database sizes and connection counts; and the
 * spacing of table columns that those widths move.
 */
function mask(text: string): string {
  return text
    .replace(new RegExp(`${TMP.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[\\w.-]+`, 'g'), '⟨tmp⟩')
    .replace(/\b\d{4}-\d\d-\d\d\b/g, '⟨date⟩')
    .replace(/\b\d\d:\d\d(:\d\d)?\b/g, '⟨time⟩')
    .replace(/(127\.0\.0\.1|localhost):\d+/g, '$1:⟨port⟩')
    .replace(/\b\d+(\.\d+)? ?(ms|s|min|h|d)\b/g, '⟨duration⟩')
    .replace(/\b\d+(\.\d+)? ?(B|kB|KB|MB|GB)\b/g, '⟨size⟩')
    .replace(/\b\d+\/\d+ connections\b/g, '⟨n⟩ connections')
    .replace(/ctx_test_\w+|ctxops_[a-z_]+_[0-9a-f]{8}/g, '⟨database⟩')
    .replace(/[ \t]+/g, ' ')
    .replace(/ +$/gm, '')
    .trim();
}

let deployment: FakeDeployment;
let slack: FakeSlack;
const dirs: string[] = [];
const dockers: FakeDocker[] = [];

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(TMP, 'ctx-ops-readme-'));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

/** Each fixture: a working directory and a process environment, as a person would have them. */
const FIXTURES: Record<string, () => Promise<{ cwd: string; env: Record<string, string> }>> = {
  /** A whole deployment whose backend is stopped: the root cause leads. */
  'backend-down': async () => ({
    cwd: workdir({}),
    env: { ...deployment.env, AUTH_BASE_URL: `http://127.0.0.1:${await closedPort()}` },
  }),
  /** A fresh clone with the bot's tokens in .env and the deployment's .env named there. */
  dotenv: async () => ({
    cwd: workdir({
      '.env':
        'SLACK_BOT_TOKEN=xoxb-test-readme-sample-token\nSLACK_APP_TOKEN=xapp-test-readme-sample-app-token\nCTX_OPS_ENV_FILE=deploy/.env\n',
      'deploy/.env':
        'DATABASE_URL=postgres://ctx:ctx-db-password@db:5432/ctx\nAUTH_BASE_URL=https://ctx.example.com\nAUTH_SECRET=readme-sample-auth-secret-0123456789-abcdef\nSLACK_CLIENT_ID=1234.5678\nSLACK_SIGNING_SECRET=ctx-own-slack-app-secret\n',
    }),
    env: {},
  }),
  /** Slack tokens work, but nobody typed `/invite @ctx-ops` in #alerts. */
  'not-invited': async () => {
    slack.setChannel('C0ALERTS1', { name: 'alerts', is_member: false });
    slack.setChannel('C0DIGEST1', { name: 'ops-digest', is_member: true });
    return {
      cwd: workdir({ 'ctx-ops.yml': 'channels: { alerts: C0ALERTS1, digest: C0DIGEST1 }\n' }),
      env: {
        ...deployment.env,
        SLACK_BOT_TOKEN: 'xoxb-test-readme-sample-bot',
        SLACK_APP_TOKEN: 'xapp-test-readme-sample-app',
        SLACK_API_URL: slack.apiUrl,
      },
    };
  },
  /** A Compose deployment whose backend has been logging sign-in trouble (the Docker Engine API fake). */
  'docker-logs': async () => {
    const store = createLogStore();
    const now = Date.now();
    BACKEND_LINES.forEach((l, i) => store.emit('backend', l, { time: new Date(now - 20 * 60_000 + i * 60_000) }));
    store.emit('backend', WORKER_LINES.retry(3, new Date(now - 5 * 60_000).toISOString()), {
      time: new Date(now - 5 * 60_000),
    });
    store.emit(
      'backend',
      '{"level":"error","message":"Failed to decrypt the GitHub connection token for ada@example.com","timestamp":"2026-11-28T21:57:00Z"}',
      { time: new Date(now - 4 * 60_000) },
    );
    const docker = await startFakeDocker(store, [
      { id: '0123456789abcdef01234567', project: 'ctx', service: 'backend' },
    ]);
    dockers.push(docker);
    return {
      cwd: workdir({
        'ctx-ops.yml': [
          'logs:',
          '  sources:',
          `    default: { docker: { socket: ${docker.socketPath}, project: ctx } }`,
          'logLinks:',
          '  default: "https://grafana.example.com/explore?env={env}&service={component}"',
          '',
        ].join('\n'),
      }),
      env: { ...deployment.env },
    };
  },
  /** The likely first mistakes, all at once. */
  'broken-config': async () => ({
    cwd: workdir({
      '.env': 'SLACK_BOT_TOKEN=xapp-test-pasted-the-wrong-one\nSLACK_APP_TOKEN xapp-test-A000-forgot-the-equals\n',
      'ctx-ops.yml': [
        'timezone: Europe/Berlin',
        'enviroments:',
        '  prod: { envFile: /srv/ctx/.env, production: true }',
        'defaultEnvironment: production',
        'checks:',
        '  grpah: { timeoutMs: 8000 }',
        'maintenance:',
        '  - { environments: [prod], from: "2026-12-01T23:00:00Z", to: "2026-12-01T22:00:00Z" }',
        '',
      ].join('\n'),
    }),
    env: {},
  }),
};

async function run(attrs: Record<string, string>): Promise<string> {
  const fixture = await FIXTURES[attrs.fixture!]!();
  let out = '';
  let err = '';
  const stdout = new PassThrough().on('data', (d) => (out += d));
  const stderr = new PassThrough().on('data', (d) => (err += d));
  const stdin = new PassThrough();
  const env = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', CTX_OPS_HEALTH_PORT: '0', ...fixture.env };
  if (attrs.shell !== undefined) {
    stdin.end(`${attrs.shell}\n`);
    const r = await startBot(env, { cwd: fixture.cwd, stdin, stdout, stderr });
    expect(r).toEqual({ exitCode: 0 });
    // The "⏳ Checking …" placeholder is printed only when the checks take over 250 ms, which
    // depends on the machine's load; in Slack it is replaced in place. The sample leaves it out.
    return `ctx> ${attrs.shell}\n${out.replace(/^⏳ Checking[^\n]*\n/gmu, '')}`.trimEnd();
  }
  stdin.end();
  await runCli(attrs.cli!.split(' '), env, { cwd: fixture.cwd, stdin, stdout, stderr });
  return (attrs.stream === 'stderr' ? err : out).split(CHECKOUT).join(INSTALL).trimEnd();
}

beforeAll(async () => {
  deployment = await startFakeDeployment();
  slack = await startFakeSlack();
});
afterAll(async () => {
  await deployment.close();
  await slack.close();
  for (const d of dockers) await d.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('README samples are what the program prints', () => {
  const readme = readFileSync(README, 'utf8');
  const found = samples(readme);

  it('the README has samples, each naming a known fixture and a command', () => {
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const s of found) {
      expect(Object.keys(FIXTURES)).toContain(s.attrs.fixture);
      expect(s.attrs.cli ?? s.attrs.shell).toBeDefined();
    }
  });

  it('every sample matches a fresh run (masking times, durations, ports, sizes)', async () => {
    const outputs: string[] = [];
    for (const s of found) outputs.push(await run(s.attrs));
    if (process.env.UPDATE_README) {
      let text = readFileSync(README, 'utf8');
      for (const [i, s] of [...found.entries()].reverse())
        text = `${text.slice(0, s.start) + outputs[i]}\n${text.slice(s.end).replace(/^\n/, '')}`;
      writeFileSync(README, text);
      return;
    }
    found.forEach((s, i) => expect(mask(s.body), `README sample ${JSON.stringify(s.attrs)}`).toBe(mask(outputs[i]!)));
  });
});
