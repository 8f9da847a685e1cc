import { readFileSync } from 'node:fs';
import type * as undici from 'undici';
import type { Dispatcher } from 'undici';
import { lazyRequire } from '../../util/lazy-require.js';
import { classifyError, describeFailure } from '../../util/net-errors.js';
import { requestUrl } from '../../util/undici-request.js';
import { SourceUnavailable } from '../source.js';

const undiciModule = lazyRequire<Pick<typeof undici, 'Agent'>>('undici');

/** What every source needs: undici requests whose failures are sentences, and files read once. */
export interface SourceDeps {
  /** Reads a credential or CA file (secrets it returns are added to the redactor). */
  readSecretFile(path: string): string;
  readFile(path: string): string;
}

export function defaultReadFile(path: string): string {
  return readFileSync(path, 'utf8');
}

export function tlsAgent(opts: { ca?: string; cert?: string; key?: string; socketPath?: string }): Dispatcher {
  return new (undiciModule().Agent)({
    connect: {
      ...(opts.socketPath ? { socketPath: opts.socketPath } : {}),
      ...(opts.ca ? { ca: opts.ca } : {}),
      ...(opts.cert ? { cert: opts.cert } : {}),
      ...(opts.key ? { key: opts.key } : {}),
    },
    // Logs stream for as long as they are read; the reader's deadline aborts them.
    bodyTimeout: 0,
    headersTimeout: 10_000,
  });
}

export type OpenBody = Dispatcher.ResponseData['body'];

/** GET; a non-2xx answer or a network failure becomes SourceUnavailable naming `target`. */
export async function get(
  dispatcher: Dispatcher,
  url: string,
  target: string,
  opts: { headers?: Record<string, string>; signal: AbortSignal; hint?: (status: number) => string | undefined },
): Promise<{ body: OpenBody; headers: Record<string, string | string[] | undefined> }> {
  let res: Dispatcher.ResponseData;
  try {
    res = await requestUrl(dispatcher, url, { method: 'GET', headers: opts.headers, signal: opts.signal });
  } catch (err) {
    if (opts.signal.aborted) throw err;
    throw new SourceUnavailable(describeFailure(classifyError(err), target));
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    const text = (await res.body.text().catch(() => '')).slice(0, 300).replace(/\s+/g, ' ').trim();
    throw new SourceUnavailable(
      `${target} answered HTTP ${res.statusCode}${text ? `: ${text}` : ''}`,
      opts.hint?.(res.statusCode),
    );
  }
  return { body: res.body, headers: res.headers };
}

export async function getJson(
  dispatcher: Dispatcher,
  url: string,
  target: string,
  opts: Parameters<typeof get>[3],
): Promise<unknown> {
  const { body } = await get(dispatcher, url, target, opts);
  try {
    return await body.json();
  } catch (err) {
    if (opts.signal.aborted) throw err;
    throw new SourceUnavailable(`${target} answered something that is not JSON`);
  }
}
