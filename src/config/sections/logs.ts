import * as z from 'zod';
import { positiveInt } from './common.js';
import { operationsPrincipal } from './operations.js';
import { channelRef } from './common.js';
import { componentName } from './runbooks.js';

// Owned by the logs feature (issue 12).

const file = z.string().min(1);
const componentMap = <T extends z.ZodType>(value: T) => z.record(componentName, value).default({});

/** The Docker Engine API of a Compose deployment (best through a read-only socket proxy). */
const dockerSource = z
  .object({
    /** A unix socket (default /var/run/docker.sock when `url` is unset). */
    socket: file.optional(),
    /** tcp: http://host:2375 (a socket proxy) or https://host:2376 with `ca`/`cert`/`key`. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    ca: file.optional(),
    cert: file.optional(),
    key: file.optional(),
    /** The Compose project (`com.docker.compose.project` label); default: any project. */
    project: z.string().min(1).optional(),
    /** Component → Compose service where they differ (graph: neo4j). */
    services: componentMap(z.string().min(1)),
  })
  .strict()
  .refine((d) => !(d.socket && d.url), { message: 'give either socket or url, not both' });

/** Grafana Loki (or anything speaking its query_range API). */
const lokiSource = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    /** X-Scope-OrgID of a multi-tenant Loki. */
    tenant: z.string().min(1).optional(),
    /** A file with a read-only bearer token. */
    tokenFile: file.optional(),
    /** Basic auth (Grafana Cloud: the instance id and a file with a read-only access policy token). */
    username: z.string().min(1).optional(),
    passwordFile: file.optional(),
    /** LogQL stream selector per component; {component} and {env} are filled in. */
    selector: z.string().min(2).default('{service_name="{component}"}'),
    selectors: componentMap(z.string().min(2)),
    /** Entries asked for per request (Loki's limit); the reader pages on until its bounds. */
    pageSize: positiveInt.max(5000).default(1000),
  })
  .strict()
  .refine((l) => !(l.tokenFile && l.passwordFile), { message: 'give either tokenFile or username/passwordFile' });

/** The Kubernetes API: pods by label selector, their logs. */
const kubernetesSource = z
  .object({
    /** Default: https://kubernetes.default.svc (the bot running in the cluster). */
    url: z.url({ protocol: /^https?$/ }).default('https://kubernetes.default.svc'),
    namespace: z.string().min(1),
    /** A service-account token; default: the pod's mounted token. */
    tokenFile: file.default('/var/run/secrets/kubernetes.io/serviceaccount/token'),
    /** The cluster CA; default: the pod's mounted CA (when it exists). */
    caFile: file.optional(),
    /** Label selector per component; default `app.kubernetes.io/component=<component>`. */
    selectors: componentMap(z.string().min(1)),
    /** Container per component, for pods with several. */
    containers: componentMap(z.string().min(1)),
  })
  .strict();

const sourceSchema = z
  .object({ docker: dockerSource.optional(), loki: lokiSource.optional(), kubernetes: kubernetesSource.optional() })
  .strict()
  .refine((s) => [s.docker, s.loki, s.kubernetes].filter(Boolean).length === 1, {
    message: 'give exactly one of docker, loki, kubernetes',
  });

export const logsSection = {
  logs: z
    .object({
      /** The team's signals file (adds to or replaces the shipped signals), relative to ctx-ops.yml. */
      signalsFile: file.optional(),
      /** Where each environment's logs are read from. */
      sources: z.record(z.string(), sourceSchema).default({}),
      /**
       * Who may read logs, per environment. No entry: anyone in a non-production environment,
       * nobody with /ctx logs in a production one (runbook steps still run where `channels` allow).
       */
      access: z
        .record(
          z.string(),
          z
            .object({
              users: z.array(operationsPrincipal).optional(),
              channels: z.array(channelRef).optional(),
            })
            .strict(),
        )
        .default({}),
      /** Window of /ctx logs without --since, and of runbook steps without `window`. */
      defaultWindowMinutes: positiveInt.max(7 * 24 * 60).default(15),
      maxLines: positiveInt.default(20_000),
      maxBytes: positiveInt.default(8 * 1024 * 1024),
      maxLineBytes: positiveInt.default(16 * 1024),
      deadlineSeconds: positiveInt.max(120).default(10),
      /** E-mail addresses in samples are masked unless this is false. */
      maskEmails: z.boolean().default(true),
    })
    .strict()
    .prefault({}),
};

export type LogsConfig = z.infer<typeof logsSection.logs>;
export type LogSourceConfig = z.infer<typeof sourceSchema>;
export type DockerSourceConfig = z.infer<typeof dockerSource>;
export type LokiSourceConfig = z.infer<typeof lokiSource>;
export type KubernetesSourceConfig = z.infer<typeof kubernetesSource>;
