import type { Dispatcher } from 'undici';
import type { DockerSourceConfig } from '../../config/sections/logs.js';
import type { RawLine } from '../entry.js';
import { LineSplitter, splitTimestamp } from '../lines.js';
import { type LogQuery, type LogSource, SourceUnavailable } from '../source.js';
import { get, getJson, type SourceDeps, tlsAgent } from './http.js';

/**
 * The Docker Engine API of a Compose deployment: containers by the Compose labels, then
 * `GET /containers/{id}/logs` with since/until/timestamps. Non-TTY containers answer in the
 * multiplexed format (8-byte header per frame: stream, 3 zero bytes, big-endian length);
 * TTY containers send the raw stream. Only GETs: a socket proxy allowing CONTAINERS=1 is enough.
 */
export function dockerSource(cfg: DockerSourceConfig, deps: SourceDeps): LogSource {
  const socketPath = cfg.url ? undefined : (cfg.socket ?? '/var/run/docker.sock');
  const base = cfg.url ? cfg.url.replace(/\/$/, '') : 'http://docker';
  const target = cfg.url ? `the Docker Engine API at ${new URL(cfg.url).host}` : `the Docker socket ${socketPath}`;
  let dispatcher: Dispatcher | undefined;
  const agent = () => {
    dispatcher ??= tlsAgent({
      socketPath,
      ca: cfg.ca ? deps.readFile(cfg.ca) : undefined,
      cert: cfg.cert ? deps.readFile(cfg.cert) : undefined,
      key: cfg.key ? deps.readSecretFile(cfg.key) : undefined,
    });
    return dispatcher;
  };
  const hint = (status: number) =>
    status === 403
      ? 'the socket proxy refuses it: allow CONTAINERS=1 (GET only) in docker-socket-proxy'
      : status === 404
        ? 'the container went away while it was read'
        : undefined;

  return {
    kind: 'docker',
    describe: () => (cfg.url ? new URL(cfg.url).origin : `unix:${socketPath}`),
    async *read(q: LogQuery): AsyncGenerator<RawLine> {
      const service = cfg.services[q.component] ?? q.component;
      const labels = [`com.docker.compose.service=${service}`];
      if (cfg.project) labels.push(`com.docker.compose.project=${cfg.project}`);
      const filters = encodeURIComponent(JSON.stringify({ label: labels }));
      const list = await getJson(agent(), `${base}/containers/json?all=1&filters=${filters}`, target, {
        signal: q.signal,
        hint,
      });
      if (!Array.isArray(list)) throw new SourceUnavailable(`${target} answered a container list that is not a list`);
      if (list.length === 0)
        throw new SourceUnavailable(
          `no container of Compose service "${service}"${cfg.project ? ` in project "${cfg.project}"` : ''}`,
          `set logs.sources.${q.env}.docker.services.${q.component} to the service's name in compose.yml`,
        );
      const since = (q.since.getTime() / 1000).toFixed(3);
      const until = (q.until.getTime() / 1000).toFixed(3);
      for (const c of list as Array<{ Id?: unknown }>) {
        if (typeof c.Id !== 'string' || !/^[a-f0-9]{12,64}$/i.test(c.Id)) continue;
        const inspect = (await getJson(agent(), `${base}/containers/${c.Id}/json`, target, {
          signal: q.signal,
          hint,
        })) as { Config?: { Tty?: boolean } };
        const tty = inspect?.Config?.Tty === true;
        const { body } = await get(
          agent(),
          `${base}/containers/${c.Id}/logs?stdout=1&stderr=1&timestamps=1&since=${since}&until=${until}`,
          target,
          { signal: q.signal, hint },
        );
        yield* tty ? rawLines(body, q.maxLineBytes) : demultiplex(body, q.maxLineBytes);
      }
    },
  };
}

function toRaw(l: { text: string; cut: boolean }, stream?: 'stdout' | 'stderr'): RawLine {
  const { time, text } = splitTimestamp(l.text);
  return { text, time, stream, cut: l.cut || undefined };
}

async function* rawLines(body: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<RawLine> {
  const s = new LineSplitter(maxLineBytes);
  for await (const chunk of body) for (const l of s.push(chunk)) yield toRaw(l);
  for (const l of s.end()) yield toRaw(l);
}

/** The multiplexed stream: frames of [stream, 0, 0, 0, size (u32 BE)] + payload, split into lines per stream. */
export async function* demultiplex(body: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<RawLine> {
  const splitters = { stdout: new LineSplitter(maxLineBytes), stderr: new LineSplitter(maxLineBytes) };
  let pending = Buffer.alloc(0);
  let need = 0; // payload bytes left in the current frame
  let stream: 'stdout' | 'stderr' = 'stdout';
  for await (const chunk of body) {
    let buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    while (buf.length > 0) {
      if (need === 0) {
        if (buf.length < 8) {
          pending = Buffer.from(buf);
          break;
        }
        const type = buf[0];
        if ((type !== 0 && type !== 1 && type !== 2) || buf[1] !== 0 || buf[2] !== 0 || buf[3] !== 0)
          throw new SourceUnavailable('the Docker log stream is not in the multiplexed format it announced');
        stream = type === 2 ? 'stderr' : 'stdout';
        need = buf.readUInt32BE(4);
        buf = buf.subarray(8);
        continue;
      }
      const take = Math.min(need, buf.length);
      for (const l of splitters[stream].push(buf.subarray(0, take))) yield toRaw(l, stream);
      need -= take;
      buf = buf.subarray(take);
    }
  }
  for (const s of ['stdout', 'stderr'] as const) for (const l of splitters[s].end()) yield toRaw(l, s);
}
