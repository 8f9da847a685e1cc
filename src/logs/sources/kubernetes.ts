import { existsSync } from 'node:fs';
import type { Dispatcher } from 'undici';
import type { KubernetesSourceConfig } from '../../config/sections/logs.js';
import type { RawLine } from '../entry.js';
import { LineSplitter, splitTimestamp } from '../lines.js';
import { type LogQuery, type LogSource, SourceUnavailable } from '../source.js';
import { get, getJson, type SourceDeps, tlsAgent } from './http.js';

const IN_CLUSTER_CA = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';

/**
 * The Kubernetes API: `GET /api/v1/namespaces/{ns}/pods?labelSelector=` for the component's
 * pods, then `…/pods/{name}/log?sinceSeconds=&timestamps=true[&container=]` for each, with a
 * bearer token read from a file (a service account bound to a Role with get/list on pods
 * and get on pods/log). Lines after `until` are dropped (the API has no end time).
 */
export function kubernetesSource(cfg: KubernetesSourceConfig, deps: SourceDeps): LogSource {
  const base = cfg.url.replace(/\/$/, '');
  const target = `the Kubernetes API at ${new URL(cfg.url).host}`;
  const ns = encodeURIComponent(cfg.namespace);
  let dispatcher: Dispatcher | undefined;
  const agent = () => {
    const caFile = cfg.caFile ?? (existsSync(IN_CLUSTER_CA) ? IN_CLUSTER_CA : undefined);
    dispatcher ??= tlsAgent({ ca: caFile ? deps.readFile(caFile) : undefined });
    return dispatcher;
  };
  const token = () => {
    try {
      return deps.readSecretFile(cfg.tokenFile).trim();
    } catch {
      throw new SourceUnavailable(
        `cannot read the service-account token file ${cfg.tokenFile}`,
        'mount a token of a service account allowed to get/list pods and get pods/log, or set tokenFile',
      );
    }
  };
  const hint = (status: number) =>
    status === 401
      ? 'the token was refused: check tokenFile'
      : status === 403
        ? `the service account needs a Role in namespace ${cfg.namespace} with get/list on pods and get on pods/log`
        : undefined;
  return {
    kind: 'kubernetes',
    describe: () => `${new URL(cfg.url).origin} namespace ${cfg.namespace}`,
    async *read(q: LogQuery): AsyncGenerator<RawLine> {
      const headers = { authorization: `Bearer ${token()}`, accept: 'application/json' };
      const selector = cfg.selectors[q.component] ?? `app.kubernetes.io/component=${q.component}`;
      const list = (await getJson(
        agent(),
        `${base}/api/v1/namespaces/${ns}/pods?labelSelector=${encodeURIComponent(selector)}`,
        target,
        { headers, signal: q.signal, hint },
      )) as { items?: Array<{ metadata?: { name?: unknown } }> };
      const pods = (list?.items ?? []).map((p) => p.metadata?.name).filter((n): n is string => typeof n === 'string');
      if (pods.length === 0)
        throw new SourceUnavailable(
          `no pod in namespace ${cfg.namespace} matches ${selector}`,
          `set logs.sources.${q.env}.kubernetes.selectors.${q.component}`,
        );
      const sinceSeconds = Math.max(1, Math.ceil((Date.now() - q.since.getTime()) / 1000));
      const container = cfg.containers[q.component];
      for (const pod of pods) {
        const params = new URLSearchParams({ sinceSeconds: String(sinceSeconds), timestamps: 'true' });
        if (container) params.set('container', container);
        const { body } = await get(
          agent(),
          `${base}/api/v1/namespaces/${ns}/pods/${encodeURIComponent(pod)}/log?${params}`,
          target,
          { headers, signal: q.signal, hint },
        );
        const s = new LineSplitter(q.maxLineBytes);
        const keep = (l: { text: string; cut: boolean }): RawLine | null => {
          const { time, text } = splitTimestamp(l.text);
          if (time && (time < q.since || time > q.until)) return null;
          return { text, time, cut: l.cut || undefined };
        };
        for await (const chunk of body as AsyncIterable<Buffer>)
          for (const l of s.push(chunk)) {
            const r = keep(l);
            if (r) yield r;
          }
        for (const l of s.end()) {
          const r = keep(l);
          if (r) yield r;
        }
      }
    },
  };
}
