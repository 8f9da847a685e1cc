import * as z from 'zod';

/**
 * The ctx| deployment's own environment variables, under the names its `.env` uses.
 * Only what the bot cannot work with at all is a config error (a malformed URL);
 * weak or inconsistent values are findings that the checks report, because diagnosing
 * a misconfigured deployment is the bot's job and it must still start to do it.
 */
const emptyIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = z.preprocess(emptyIsUnset, z.string().optional());

function urlVar(schemes: string[]) {
  return z.preprocess(
    emptyIsUnset,
    z
      .string()
      .refine((v) => URL.canParse(v), { message: 'is not a valid URL' })
      .refine((v) => !URL.canParse(v) || schemes.includes(new URL(v).protocol.replace(/:$/, '')), {
        message: `must use ${schemes.map((s) => `${s}://`).join(' or ')}`,
      })
      .optional(),
  );
}

export const GRAPH_PROVIDERS = ['falkordb', 'neo4j-enterprise', 'memgraph', 'neo4j-community', 'neptune'] as const;
export type GraphProvider = (typeof GRAPH_PROVIDERS)[number];

export const ctxEnvSchema = z.object({
  DATABASE_URL: urlVar(['postgres', 'postgresql']),
  AUTH_SECRET: optional,
  AUTH_BASE_URL: urlVar(['http', 'https']).default('http://localhost:3000'),
  AUTH_ISSUER: optional,
  AUTH_ALLOWED_ORIGINS: optional,
  AUTH_TOKEN_AUDIENCE_CODESEARCH: z.preprocess(emptyIsUnset, z.string().default('codesearch')),
  CONNECTION_SECRETS_ENCRYPTION_KEY: optional,
  CODESEARCH_URL: urlVar(['http', 'https']).default('http://localhost:3001'),
  UI_PROXY_URL: urlVar(['http', 'https']).default('http://ui:3002'),
  GRAPH_DB_PROVIDER: z.preprocess(emptyIsUnset, z.enum(GRAPH_PROVIDERS).default('falkordb')),
  GRAPH_DB_URI: optional,
  GRAPH_DB_USER: optional,
  GRAPH_DB_PASSWORD: optional,
  MODEL_PROVIDER: optional,
  MODEL_PROVIDER_API_KEY: optional,
  MODEL_PROVIDER_URL: optional,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optional,
  OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: optional,
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: optional,
  OTEL_EXPORTER_OTLP_HEADERS: optional,
  GITHUB_CLIENT_ID: optional,
  GITHUB_CLIENT_SECRET: optional,
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  MICROSOFT_CLIENT_ID: optional,
  MICROSOFT_CLIENT_SECRET: optional,
  ATLASSIAN_CLIENT_ID: optional,
  ATLASSIAN_CLIENT_SECRET: optional,
  GITHUB_APP_ID: optional,
  GITHUB_PRIVATE_KEY: optional,
  GITHUB_WEBHOOK_SECRET: optional,
  GITHUB_APP_SLUG: optional,
  CONFLUENCE_FORGE_INSTALL_URL: optional,
  OPENWORKFLOW_POSTGRES_SCHEMA: z.preprocess(emptyIsUnset, z.string().default('openworkflow')),
  /** The deployment's apps/backend/migrations folder (a ctx-ops addition, not a ctx| variable). */
  CTX_MIGRATIONS_DIR: optional,
});

export type CtxEnvValues = z.infer<typeof ctxEnvSchema>;

/** Parsed values plus every raw variable, for per-org names such as GRAPH_DB_URI_<orgSlug>. */
export interface CtxEnv extends CtxEnvValues {
  raw: Readonly<Record<string, string>>;
}

/**
 * Names whose values are secrets wherever they appear. Values of any variable whose name
 * matches SECRET_NAME are treated the same way, so a deployment's own additions are covered.
 */
export const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY|ENCRYPTION_KEY|HEADERS|CREDENTIALS)/i;
