import { createRequire } from 'node:module';
import { request } from 'undici';

/** One sample as parse-prometheus-text-format gives it (histograms: buckets, count, sum). */
export interface Sample {
  labels?: Record<string, string>;
  value?: string;
  buckets?: Record<string, string>;
  count?: string;
  sum?: string;
}
export interface Family {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: Sample[];
}

const parse = createRequire(import.meta.url)('parse-prometheus-text-format') as (text: string) => Family[];

/** GETs /metrics and parses it with a Prometheus text-format parser (not our own code). */
export async function scrape(port: number): Promise<Scraped> {
  const res = await request(`http://127.0.0.1:${port}/metrics`);
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`/metrics answered ${res.statusCode}: ${text}`);
  return scraped(parse(text), text, String(res.headers['content-type']));
}

export interface Scraped {
  families: Family[];
  contentType: string;
  family(name: string): Family | undefined;
  /** The value of the sample of `name` whose labels include `labels` (0 when there is none). */
  value(name: string, labels?: Record<string, string>): number;
  /** Sum over every sample of `name` whose labels include `labels`. */
  sum(name: string, labels?: Record<string, string>): number;
  /** A histogram's sample count. */
  count(name: string, labels?: Record<string, string>): number;
}

/**
 * parse-prometheus-text-format merges a labelled histogram's samples into one (its labels
 * are lost), so a histogram's `_count` series are parsed again on their own, as a counter.
 */
function histogramCounts(text: string, name: string): Sample[] {
  const lines = text.split('\n').filter((l) => l.startsWith(`${name}_count{`) || l.startsWith(`${name}_count `));
  return parse(`# TYPE ${name}_count counter\n${lines.join('\n')}\n`)[0]?.metrics ?? [];
}

function scraped(families: Family[], text: string, contentType: string): Scraped {
  const family = (name: string) => families.find((f) => f.name === name);
  const matching = (name: string, labels: Record<string, string> = {}) =>
    (family(name)?.metrics ?? []).filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return {
    families,
    contentType,
    family,
    value: (name, labels) => Number(matching(name, labels)[0]?.value ?? 0),
    sum: (name, labels) => matching(name, labels).reduce((n, m) => n + Number(m.value ?? 0), 0),
    count: (name, labels = {}) =>
      histogramCounts(text, name)
        .filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
        .reduce((n, m) => n + Number(m.value ?? 0), 0),
  };
}

export async function getJson(port: number, path: string): Promise<{ status: number; body: unknown; text: string }> {
  const res = await request(`http://127.0.0.1:${port}${path}`);
  const text = await res.body.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.statusCode, body, text };
}
