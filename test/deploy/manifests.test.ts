import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { ctxEnvSchema } from '../../src/config/ctx-env.js';
import { botEnvSchema } from '../../src/config/schema.js';
import { SECRET_FILE_VARIABLES } from '../../src/config/secret-files.js';
import { DEFAULT_HEALTH_PORT } from '../../src/healthcheck.js';
import { envPairs, execForm, labelPairs, parseDockerfile, type Stage } from '../support/dockerfile.js';
import { botLaunch } from '../support/bot-start.js';
import { buildConfig } from '../support/harness.js';
import { ROOT } from '../support/processes.js';

/**
 * There is no Docker engine or cluster here: these tests read the Dockerfile, the Compose
 * files and the Kubernetes manifest and check them against the code (paths, user, ports,
 * variable names, health command) — what would otherwise only fail at `docker run`.
 */
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const pkg = JSON.parse(read('package.json')) as { license: string; version: string; files: string[] };
const dockerfile = parseDockerfile(read('Dockerfile'));
const runtime = dockerfile.stages.at(-1)!;
const all = (s: Stage, keyword: string) => s.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const one = (s: Stage, keyword: string) => {
  const found = all(s, keyword);
  expect(found, keyword).toHaveLength(1);
  return found[0]!;
};
const imageEnv = Object.assign({}, ...all(runtime, 'ENV').map(envPairs)) as Record<string, string>;
const BACKUP_DIR = imageEnv.CTX_OPS_BACKUP_DIR!;
/** The node user of the official Node images. */
const NODE_UID = 1000;

/** Every variable name the configuration loader reads, plus what Node itself reads. */
const KNOWN_VARIABLES = new Set([
  ...Object.keys(botEnvSchema.shape),
  ...Object.keys(ctxEnvSchema.shape),
  ...SECRET_FILE_VARIABLES,
  'NODE_ENV',
  // glibc's, read before node starts: the bot's memory policy (package.json "start").
  ...Object.keys(botLaunch().env),
]);
/** ctx|'s services in its docker-compose.yml (see /work/shared/ctx-reference.md). */
const UPSTREAM_SERVICES = [
  'postgres',
  'falkordb',
  'otel-collector',
  'migrate',
  'backend',
  'worker',
  'ui',
  'codesearch',
];

describe('Dockerfile', () => {
  it('builds from the official Node 20 or 22 slim image in every stage, the last one being the runtime', () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
    for (const s of dockerfile.stages) expect(s.from).toMatch(/^node:(20|22)(\.\d+)*-(bookworm-)?slim$/);
    // Only the runtime stage ends up in the image; it takes the built JS and production modules.
    expect(all(runtime, 'COPY').filter((c) => c.startsWith('--from='))).toEqual([
      '--from=deps /app/node_modules/ node_modules/',
      '--from=build /app/dist/ dist/',
    ]);
    expect(one(dockerfile.stages[1]!, 'RUN')).toContain('npm ci --omit=dev');
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const allowed = read('.dockerignore')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1).replace(/\/$/, ''));
    for (const s of dockerfile.stages)
      for (const c of all(s, 'COPY').filter((c) => !c.startsWith('--from='))) {
        const sources = c.split(' ').slice(0, -1);
        for (const src of sources) {
          expect(existsSync(join(ROOT, src)), src).toBe(true);
          const path = src.replace(/\/$/, '');
          expect(
            allowed.some((a) => path === a || path.startsWith(`${a}/`)),
            `${src} is excluded by .dockerignore`,
          ).toBe(true);
        }
      }
  });

  it('builds dist/ in the image from every input scripts/dist.mjs builds it from (the parsed runbooks too)', () => {
    // The inputs dist.mjs hashes: src/ plus its INPUTS and YAML_DIRS lists.
    const script = read('scripts/dist.mjs');
    const list = (name: string) =>
      [...new RegExp(`const ${name} = \\[([^\\]]*)\\]`).exec(script)![1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    const inputs = ['src', ...list('INPUTS'), ...list('YAML_DIRS')];
    expect(inputs).toEqual(expect.arrayContaining(['runbooks', 'signals', 'package-lock.json']));
    const build = dockerfile.stages[0]!;
    const copied = all(build, 'COPY').flatMap((c) =>
      c
        .split(' ')
        .slice(0, -1)
        .map((p) => p.replace(/\/$/, '')),
    );
    for (const input of inputs) expect(copied, `${input} is not in the build stage`).toContain(input);
  });

  it('ships what the bot reads at run time next to dist/: runbooks, SQL migrations, log signals, and the entry points', () => {
    const copied = all(runtime, 'COPY').join('\n');
    for (const dir of ['runbooks/', 'sql/', 'signals/']) expect(copied).toContain(`COPY ${dir}`.slice(5));
    const cmd = execForm(one(runtime, 'CMD'));
    // The same node options and variables as `npm start`: the benchmarks' figures are the bot's as shipped.
    const launch = botLaunch();
    expect(cmd).toEqual(['node', ...launch.flags, 'dist/bot.js']);
    expect(launch.flags).toContain('--max-semi-space-size=8');
    expect(launch.env).toEqual({ MALLOC_TRIM_THRESHOLD_: '131072' });
    for (const [k, v] of Object.entries(launch.env)) expect(imageEnv[k], k).toBe(v);
    expect(existsSync(join(ROOT, cmd.at(-1)!)), 'the entry point exists after `npm run build`').toBe(true);
    expect(all(runtime, 'ENTRYPOINT')).toEqual([]);
    expect(one(runtime, 'WORKDIR')).toBe('/app');
  });

  it('runs as the non-root node user with only the backup directory and /tmp to write to', () => {
    expect(one(runtime, 'USER')).toBe('node');
    expect(BACKUP_DIR).toBe('/var/lib/ctx-ops/backups');
    expect(all(runtime, 'RUN').some((r) => r.includes(`install -d -o node -g node -m 0750 ${BACKUP_DIR}`))).toBe(true);
    expect(execForm(one(runtime, 'VOLUME'))).toEqual([BACKUP_DIR]);
  });

  it('sets only variables the configuration reads', () => {
    expect(Object.keys(imageEnv).filter((k) => !KNOWN_VARIABLES.has(k))).toEqual([]);
  });

  it('checks its health with dist/healthcheck.js on the port it exposes', () => {
    const hc = one(runtime, 'HEALTHCHECK');
    const cmd = execForm(hc.slice(hc.indexOf('CMD ') + 4));
    expect(cmd).toEqual(['node', 'dist/healthcheck.js']);
    expect(existsSync(join(ROOT, cmd[1]!))).toBe(true);
    expect(hc).toMatch(/--timeout=\d+s/);
    const exposed = one(runtime, 'EXPOSE').split(' ').map(Number);
    expect(exposed).toContain(DEFAULT_HEALTH_PORT);
    expect(exposed).toContain(botEnvSchema.shape.PORT.parse(undefined));
    expect(one(runtime, 'STOPSIGNAL')).toBe('SIGTERM');
  });

  it('installs the PostgreSQL 17 client tools from apt.postgresql.org (pg_dump refuses a newer server)', () => {
    const run = all(runtime, 'RUN').join('\n');
    expect(all(runtime, 'ARG')).toContain('PG_MAJOR=17');
    expect(run).toContain('https://apt.postgresql.org/pub/repos/apt');
    expect(run).toMatch(/postgresql-client-\$\{PG_MAJOR\}/);
    expect(run).toContain('signed-by=');
  });

  it('carries OCI labels with the package version and licence', () => {
    const labels = Object.assign({}, ...all(runtime, 'LABEL').map(labelPairs)) as Record<string, string>;
    expect(labels['org.opencontainers.image.title']).toBe('ctx-ops');
    expect(labels['org.opencontainers.image.licenses']).toBe(pkg.license);
    expect(all(runtime, 'ARG')).toContain(`VERSION=${pkg.version}`);
  });
});

interface ComposeService {
  profiles?: string[];
  image: string;
  read_only?: boolean;
  tmpfs?: string[];
  env_file?: Array<{ path: string; required?: boolean }>;
  environment: Record<string, string>;
  volumes: string[];
  secrets: string[];
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  stop_grace_period?: string;
}
interface Compose {
  services: Record<string, ComposeService>;
  secrets: Record<string, { file: string }>;
  volumes: Record<string, unknown>;
}

const seconds = (d: string) => Number(/^(\d+)s$/.exec(d)?.[1]);

describe.each(['deploy/compose.ctx-ops.yml', 'deploy/compose.yml'])('%s', (file) => {
  const compose = parse(read(file)) as Compose;
  const svc = compose.services['ctx-ops']!;
  const mounts = svc.volumes.map((v) => v.split(':'));

  it('runs the image read-only, writing only to a named backup volume and a tmpfs /tmp', () => {
    expect(svc.image).toMatch(/ctx-ops/);
    expect(svc.read_only).toBe(true);
    expect(svc.tmpfs).toEqual(['/tmp']);
    const backup = mounts.find(([, target]) => target === BACKUP_DIR);
    expect(backup, 'a volume on the image backup directory').toBeDefined();
    expect(Object.keys(compose.volumes)).toContain(backup![0]);
    // Everything else is mounted read-only.
    for (const m of mounts.filter(([, target]) => target !== BACKUP_DIR)) expect(m[2]).toBe('ro');
  });

  it('uses only variable names the configuration reads, and the config file it mounts', () => {
    expect(Object.keys(svc.environment).filter((k) => !KNOWN_VARIABLES.has(k))).toEqual([]);
    const targets = mounts.map(([, t]) => t);
    expect(targets).toContain(svc.environment.CTX_OPS_CONFIG);
    if (svc.environment.CTX_OPS_ENV_FILE) expect(targets).toContain(svc.environment.CTX_OPS_ENV_FILE);
  });

  it('gives the Slack tokens as Docker secrets, through <NAME>_FILE', () => {
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN']) {
      expect(svc.environment[name], `${name} itself is not in the file`).toBeUndefined();
      const path = svc.environment[`${name}_FILE`]!;
      const secret = /^\/run\/secrets\/(\w+)$/.exec(path)?.[1];
      expect(secret, path).toBeDefined();
      expect(svc.secrets).toContain(secret);
      expect(compose.secrets[secret!]?.file).toBeTruthy();
    }
  });

  it('gives the bot time to stop (above the default shutdown timeout)', () => {
    expect(seconds(svc.stop_grace_period!)).toBeGreaterThan(10);
  });
});

describe('deploy/compose.ctx-ops.yml next to ctx|’s docker-compose.yml', () => {
  const svc = (parse(read('deploy/compose.ctx-ops.yml')) as Compose).services['ctx-ops']!;

  it("joins the deploy profile and starts once ctx|'s postgres is healthy", () => {
    expect(svc.profiles).toEqual(['deploy']);
    expect(svc.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it("reads the deployment's .env as CTX_OPS_ENV_FILE and reaches ctx|'s services by their Compose names", () => {
    expect(svc.volumes).toContain(`./.env:${svc.environment.CTX_OPS_ENV_FILE}:ro`);
    const hosts = Object.values(svc.environment)
      .filter((v) => /^[a-z]+:\/\//.test(v))
      .map((v) => new URL(v.replace(/\$\{[^}]+\}/g, 'x')).hostname);
    expect(hosts.length).toBeGreaterThan(0);
    for (const h of hosts) expect(UPSTREAM_SERVICES).toContain(h);
    // The same DATABASE_URL ctx|'s own services get.
    expect(svc.environment.DATABASE_URL).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose interpolation, not a template.
      'postgresql://${POSTGRES_USER:-ctxpipe}:${POSTGRES_PASSWORD:-ctxpipe}@postgres:5432/${POSTGRES_DB:-ctxpipe}',
    );
    expect(svc.ports ?? []).toEqual([]);
  });
});

describe('deploy/kubernetes.yml', () => {
  // A manifest is untyped YAML.
  const docs = parseAllDocuments(read('deploy/kubernetes.yml')).map((d) => d.toJS() as any);
  const byKind = (kind: string) => docs.find((d) => d.kind === kind);
  const deployment = byKind('Deployment');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const env = Object.fromEntries(
    container.env.map((e: { name: string; value?: string }) => [e.name, e.value ?? '<from secret>']),
  ) as Record<string, string>;

  it('has a Deployment, its Secret, ConfigMap and backup claim, and no ServiceAccount token', () => {
    expect(docs.map((d) => d.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'PersistentVolumeClaim', 'Secret']);
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.serviceAccountName).toBeUndefined();
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(10);
  });

  it('probes /healthz (liveness) and /readyz (readiness) on the health port', () => {
    const port = container.ports.find((p: { name: string }) => p.name === 'health');
    expect(port.containerPort).toBe(DEFAULT_HEALTH_PORT);
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'health' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'health' });
  });

  it('runs as the image user on a read-only root filesystem, writing to the backup claim and /tmp', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: NODE_UID });
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    const mounts = Object.fromEntries(
      container.volumeMounts.map((m: { mountPath: string; name: string }) => [m.mountPath, m.name]),
    );
    expect(mounts[BACKUP_DIR]).toBe('backups');
    expect(mounts['/tmp']).toBe('tmp');
    const claim = pod.volumes.find((v: { name: string }) => v.name === 'backups').persistentVolumeClaim.claimName;
    expect(byKind('PersistentVolumeClaim').metadata.name).toBe(claim);
  });

  it('uses only variable names the configuration reads; every secret key it names exists', () => {
    expect(Object.keys(env).filter((k) => !KNOWN_VARIABLES.has(k))).toEqual([]);
    const secret = byKind('Secret');
    const keys = Object.keys(secret.stringData);
    for (const e of container.env) if (e.valueFrom) expect(keys).toContain(e.valueFrom.secretKeyRef.key);
    const slack = pod.volumes.find((v: { name: string }) => v.name === 'slack').secret;
    const slackMount = container.volumeMounts.find((m: { name: string }) => m.name === 'slack').mountPath;
    for (const item of slack.items) expect(keys).toContain(item.key);
    for (const name of ['SLACK_BOT_TOKEN_FILE', 'SLACK_APP_TOKEN_FILE']) {
      expect(dirname(env[name]!)).toBe(slackMount);
      expect(slack.items.map((i: { path: string }) => i.path)).toContain(env[name]!.slice(slackMount.length + 1));
    }
  });

  it('mounts its ConfigMap where CTX_OPS_CONFIG points, and that ctx-ops.yml loads without a problem', () => {
    const configMount = container.volumeMounts.find((m: { name: string }) => m.name === 'config').mountPath;
    expect(env.CTX_OPS_CONFIG).toBe(`${configMount}/ctx-ops.yml`);
    const yaml = byKind('ConfigMap').data['ctx-ops.yml'];
    const { cleanup } = buildConfig({ yaml });
    cleanup();
  });
});
