import type { Dispatcher } from 'undici';

export type UrlRequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & {
  method?: Dispatcher.HttpMethod;
};

/**
 * `undici.request(url, { dispatcher, … })`, asked of the dispatcher itself. The built
 * program vendors only undici's Agent and its request API, not undici's top-level module
 * (which loads fetch, WebSocket, caches and mocks: ~20 ms of a `ctx-ops status`), so
 * nothing may call `undici.request`.
 */
export function requestUrl(
  dispatcher: Dispatcher,
  url: string,
  opts: UrlRequestOptions,
): Promise<Dispatcher.ResponseData> {
  const u = new URL(url);
  return dispatcher.request({
    ...opts,
    origin: u.origin,
    path: `${u.pathname}${u.search}`,
    method: opts.method ?? 'GET',
  });
}
