import { withClient, type TableCount } from '../../postgres/pg-conn.js';

/**
 * The on-demand restore test compares every table's rows in the restored backup with the
 * live database. The live database keeps changing after the backup, so a table passes when
 * the counts differ by at most `rows`, or by at most `percent` % of the restored count,
 * whichever is larger. A table only on one side counts as 0 rows on the other; a key table
 * on neither side is left out.
 */
export interface RowTolerance {
  rows: number;
  percent: number;
}

export interface TableComparison {
  table: string;
  restored: number | null;
  live: number | null;
  allowed: number;
  ok: boolean;
}

export interface RowComparison {
  ok: boolean;
  tables: TableComparison[];
  mismatches: TableComparison[];
}

export function allowedDifference(restored: number, t: RowTolerance): number {
  return Math.max(t.rows, Math.ceil((restored * t.percent) / 100));
}

/** Pure: the rule above, one row per table named on either side, sorted by name. */
export function compareRowCounts(restored: TableCount[], live: TableCount[], t: RowTolerance): RowComparison {
  const names = [...new Set([...restored, ...live].map((c) => c.table))].sort();
  const r = new Map(restored.map((c) => [c.table, c.rows]));
  const l = new Map(live.map((c) => [c.table, c.rows]));
  const tables = names.flatMap((table): TableComparison[] => {
    const restoredRows = r.get(table) ?? null;
    const liveRows = l.get(table) ?? null;
    if (restoredRows === null && liveRows === null) return []; // a key table this deployment does not have
    const allowed = allowedDifference(restoredRows ?? 0, t);
    return [
      {
        table,
        restored: restoredRows,
        live: liveRows,
        allowed,
        ok: Math.abs((restoredRows ?? 0) - (liveRows ?? 0)) <= allowed,
      },
    ];
  });
  const mismatches = tables.filter((c) => !c.ok);
  return { ok: mismatches.length === 0, tables, mismatches };
}

export function describeMismatch(c: TableComparison): string {
  const side = (n: number | null) => (n === null ? 'missing' : String(n));
  return `${c.table}: backup ${side(c.restored)}, live ${side(c.live)} (allowed ±${c.allowed})`;
}

export function describeComparison(c: RowComparison, t: RowTolerance): string {
  const rule = `±${t.rows} rows or ±${t.percent}%`;
  return c.ok
    ? `${c.tables.length} tables match the live database (${rule})`
    : `${c.mismatches.length} of ${c.tables.length} tables differ from the live database beyond ${rule}: ${c.mismatches
        .slice(0, 5)
        .map(describeMismatch)
        .join('; ')}${c.mismatches.length > 5 ? '; …' : ''}`;
}

/** The tables pg_dump backs up (every ordinary or partitioned table outside the bot's own schema). */
export async function listTables(url: string, limit = 500): Promise<string[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ name: string }>(
      `SELECT CASE WHEN n.nspname = 'public' THEN cl.relname ELSE n.nspname || '.' || cl.relname END AS name
         FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE cl.relkind IN ('r', 'p') AND NOT cl.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'ctx_ops') AND n.nspname NOT LIKE 'pg_toast%'
          AND n.nspname NOT LIKE 'pg_temp%'
        ORDER BY 1 LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.name);
  });
}
