import * as z from 'zod';
import { findings, ms } from '../findings.js';
import { describeFailure } from '../../util/net-errors.js';
import { classifyPgError } from '../../postgres/pg-access.js';
import type { Check } from '../types.js';

export interface PostgresOptions {
  connectionsWarnPercent: number;
  longQueryMinutes: number;
}

/** Connections in use against what the server allows (reserved superuser slots excluded). */
export function connectionUsageStatus(used: number, usable: number, warnPercent: number): 'ok' | 'warn' | 'fail' {
  if (usable <= 0) return 'warn';
  if (used >= usable) return 'fail';
  return (used / usable) * 100 > warnPercent ? 'warn' : 'ok';
}

interface Overview {
  version: string;
  version_num: string;
  max_connections: string;
  reserved: string;
  used: string;
  db: string;
  size: string;
}

interface LongQuery {
  pid: number;
  state: string;
  minutes: string;
  application_name: string;
  query: string;
}

export const postgresCheck: Check<PostgresOptions> = {
  id: 'postgres',
  title: 'Postgres',
  dependsOn: [],
  options: {
    connectionsWarnPercent: z.number().min(1).max(100).default(80),
    longQueryMinutes: z.number().positive().default(5),
  },
  async run(ctx, signal) {
    const f = findings();
    if (!ctx.pg) {
      f.fail('DATABASE_URL is not set; ctx| cannot run without it (set it in the environment or the env file)');
      // ctx-ops was given no database: that says nothing about whether ctx| has one.
      return { ...f.done('DATABASE_URL is not set'), local: true };
    }
    const target = ctx.pg.target;
    const started = performance.now();
    try {
      return await ctx.pg.withClient(signal, async (client) => {
        const connectedMs = performance.now() - started;
        const { rows } = await client.query<Overview>(`
          SELECT version() AS version,
                 current_setting('server_version_num') AS version_num,
                 current_setting('max_connections') AS max_connections,
                 current_setting('superuser_reserved_connections') AS reserved,
                 (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') AS used,
                 current_database() AS db,
                 pg_size_pretty(pg_database_size(current_database())) AS size`);
        const o = rows[0]!;
        const major = Math.floor(Number(o.version_num) / 10000);
        const version = o.version.split(' ').slice(0, 2).join(' ');
        f.ok(`connected to ${target} in ${ms(connectedMs)} (${version})`);

        const usable = Number(o.max_connections) - Number(o.reserved);
        const used = Number(o.used);
        const pct = Math.round((used / Math.max(usable, 1)) * 100);
        const cs = connectionUsageStatus(used, usable, ctx.options.connectionsWarnPercent);
        const connText = `${used} of ${usable} connections in use (${pct}%; max_connections ${o.max_connections}, ${o.reserved} reserved)`;
        if (cs === 'ok') f.ok(connText);
        else if (cs === 'warn') f.warn(`${connText}: above ${ctx.options.connectionsWarnPercent}%`);
        else f.fail(`${connText}: new connections will be refused`);

        const long = await client.query<LongQuery>(
          `SELECT pid, state, application_name, round(extract(epoch FROM now() - coalesce(xact_start, query_start)) / 60)::text AS minutes,
                  left(regexp_replace(query, '\\s+', ' ', 'g'), 80) AS query
             FROM pg_stat_activity
            WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
              AND state IN ('active', 'idle in transaction', 'idle in transaction (aborted)')
              AND coalesce(xact_start, query_start) < now() - make_interval(secs => $1)
            ORDER BY coalesce(xact_start, query_start) LIMIT 5`,
          [ctx.options.longQueryMinutes * 60],
        );
        if (long.rows.length) {
          for (const q of long.rows) {
            f.warn(
              `pid ${q.pid} (${q.application_name || 'no application_name'}) ${q.state} for ${q.minutes} min: ${q.query}`,
            );
          }
        } else {
          f.ok(`no query or transaction open longer than ${ctx.options.longQueryMinutes} min`);
        }
        f.info(`database ${o.db}: ${o.size}`);
        const problems = [
          cs !== 'ok' ? `${pct}% connections` : '',
          long.rows.length ? `${long.rows.length} long-running` : '',
        ].filter(Boolean);
        return f.done(
          `PostgreSQL ${major}, ${o.size}, ${used}/${usable} connections${problems.length ? `: ${problems.join(', ')}` : ''}`,
        );
      });
    } catch (err) {
      if (signal.aborted) throw err;
      const failure = classifyPgError(err);
      f.fail(describeFailure(failure, target));
      if (failure.kind === 'auth')
        f.info('the user or password in DATABASE_URL is wrong, or pg_hba.conf does not admit this host');
      return f.done(
        failure.kind === 'auth'
          ? 'login refused: check the credentials in DATABASE_URL'
          : `unreachable: ${describeFailure(failure, target)}`,
      );
    }
  },
};
