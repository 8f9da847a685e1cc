import { delay, hang, json, startFakeHttp, type FakeHttp } from './fake-http.js';

/**
 * The ctx| backend as seen from outside: /.status and the UI served through its proxy.
 * Faults are switched per test; other features add their routes with `http.route`.
 */
export type BackendFault = 'healthy' | 'status500' | 'wrongJson' | 'notCtx' | 'slow' | 'hang' | 'clockSkew';
export type UiFault = 'healthy' | 'proxyRefused' | 'badGateway' | 'notHtml' | 'hang' | 'assetsMissing';

export interface FakeBackend {
  http: FakeHttp;
  url: string;
  setStatus(fault: BackendFault, opts?: { delayMs?: number; skewSeconds?: number }): void;
  setUi(fault: UiFault): void;
  close(): Promise<void>;
}

export const APP_SCRIPT = '/assets/index-Bx7c2d.js';
export const APP_HTML = `<!doctype html><html><head><title>ctx|</title><script type="module" src="${APP_SCRIPT}"></script></head><body><div id="root"></div></body></html>`;

export async function startFakeBackend(port = 0): Promise<FakeBackend> {
  const http = await startFakeHttp(port);
  const setStatus: FakeBackend['setStatus'] = (fault, opts = {}) => {
    http.route('GET', '/.status', async (_req, res) => {
      switch (fault) {
        case 'healthy':
          return json(res, 200, { status: 'ok', timestamp: new Date().toISOString() });
        case 'status500':
          return json(res, 500, { message: 'Internal Server Error' });
        case 'wrongJson':
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end('{"status":');
        case 'notCtx':
          res.writeHead(200, { 'content-type': 'text/html' });
          return void res.end('<html>nginx welcome</html>');
        case 'slow':
          await delay(opts.delayMs ?? 300);
          return json(res, 200, { status: 'ok', timestamp: new Date().toISOString() });
        case 'clockSkew':
          return json(res, 200, {
            status: 'ok',
            timestamp: new Date(Date.now() + (opts.skewSeconds ?? 600) * 1000).toISOString(),
          });
        case 'hang':
          return hang(_req, res);
      }
    });
  };
  const setUi: FakeBackend['setUi'] = (fault) => {
    http.route('GET', '/', async (req, res) => {
      switch (fault) {
        case 'healthy':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return void res.end(APP_HTML);
        case 'proxyRefused':
          // What upstream really answers when UI_PROXY_URL refuses: 500, not 502.
          return json(res, 500, {
            message: 'ECONNREFUSED: Unable to connect. Is the computer able to access the url?',
          });
        case 'badGateway':
          res.writeHead(502, { 'content-type': 'text/plain' });
          return void res.end('Bad Gateway');
        case 'notHtml':
          return json(res, 200, { hello: 'world' });
        case 'hang':
          return hang(req, res);
        case 'assetsMissing':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return void res.end(APP_HTML);
      }
    });
    http.route('GET', APP_SCRIPT, (_req, res) => {
      if (fault === 'assetsMissing') {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return void res.end('Not Found');
      }
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end('import "./chunk.js";');
    });
  };
  setStatus('healthy');
  setUi('healthy');
  return { http, url: http.url, setStatus, setUi, close: () => http.close() };
}
