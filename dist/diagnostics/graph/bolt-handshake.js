import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { classifyError } from '../../util/net-errors.js';
const MAGIC = [0x60, 0x60, 0xb0, 0x17];
// Bolt 5.0–5.8, 4.2–4.4, 3.0: what current Neo4j, Memgraph and Neptune servers accept.
const PROPOSALS = [0x00080805, 0x00020404, 0x00000003, 0x00000000];
/**
 * Opens our own socket for the TCP/TLS connection and the 4-byte Bolt version handshake,
 * then closes it (nothing else is sent, so nothing runs on the server). neo4j-driver cannot close a connection it is still opening (its
 * connection timeout ends at TCP connect), so a server that accepts and then stays silent
 * would keep the driver's socket open past the check's deadline; this probe finds that
 * server first, on a socket the deadline can destroy, and names the layer that failed.
 */
export function boltHandshake(t, signal, insecureTls) {
    const started = performance.now();
    return new Promise((resolve) => {
        let layer = 'tcp';
        let settled = false;
        let received = Buffer.alloc(0);
        const socket = t.tls
            ? tlsConnect({ host: t.host, port: t.port, servername: t.host, rejectUnauthorized: !insecureTls })
            : netConnect({ host: t.host, port: t.port });
        const finish = (r) => {
            if (settled)
                return;
            settled = true;
            signal.removeEventListener('abort', onAbort);
            socket.destroy();
            resolve(r);
        };
        const onAbort = () => {
            const what = layer === 'tcp'
                ? 'no TCP connection'
                : layer === 'tls'
                    ? 'connected, but the TLS handshake did not finish'
                    : 'accepted the connection, but no answer to the Bolt handshake';
            finish({ ok: false, layer, failure: { kind: 'timeout', message: `${what} before the deadline` } });
        };
        if (signal.aborted)
            return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        const sendHandshake = () => {
            layer = 'bolt';
            const buf = Buffer.alloc(20);
            Buffer.from(MAGIC).copy(buf, 0);
            PROPOSALS.forEach((p, i) => buf.writeUInt32BE(p, 4 + i * 4));
            socket.write(buf);
        };
        socket.once(t.tls ? 'secureConnect' : 'connect', sendHandshake);
        if (t.tls)
            socket.once('connect', () => (layer = 'tls'));
        socket.on('data', (chunk) => {
            received = Buffer.concat([received, chunk]);
            if (received.length < 4)
                return;
            const text = received.subarray(0, 4).toString('latin1');
            if (text === 'HTTP')
                return finish({
                    ok: false,
                    layer: 'bolt',
                    failure: { kind: 'not-bolt', message: 'it answered with HTTP (7474 is the HTTP port; Bolt is usually 7687)' },
                });
            if (text.startsWith('-ERR') || text.startsWith('+'))
                return finish({
                    ok: false,
                    layer: 'bolt',
                    failure: {
                        kind: 'not-bolt',
                        message: 'it answered like a Redis server (is this FalkorDB? then GRAPH_DB_PROVIDER=falkordb with redis://)',
                    },
                });
            if (received[0] === 0x15 || received[0] === 0x16)
                return finish({
                    ok: false,
                    layer: 'bolt',
                    failure: {
                        kind: 'tls',
                        message: 'the server answered with TLS: it expects an encrypted connection (use bolt+s:// or neo4j+s://)',
                    },
                });
            const [, , minor, major] = received;
            if (!major && !minor)
                return finish({
                    ok: false,
                    layer: 'bolt',
                    failure: {
                        kind: 'protocol',
                        message: 'the server speaks Bolt but supports none of the versions neo4j-driver offers (5.0–5.8, 4.2–4.4, 3.0)',
                    },
                });
            finish({ ok: true, version: `${major}.${minor}`, ms: performance.now() - started });
        });
        socket.on('error', (err) => {
            const f = classifyError(err);
            const message = layer === 'tls' && f.kind === 'reset'
                ? `the server dropped the TLS handshake (${f.code ?? 'reset'}): it probably does not have TLS enabled (use bolt://)`
                : f.message;
            finish({
                ok: false,
                layer,
                failure: { kind: layer === 'tls' ? 'tls' : f.kind, ...(f.code ? { code: f.code } : {}), message },
            });
        });
        socket.on('close', () => {
            const what = layer === 'bolt'
                ? 'the server closed the connection during the Bolt handshake (not a Bolt port, or TLS expected?)'
                : 'the server closed the connection';
            finish({ ok: false, layer, failure: { kind: 'reset', message: what } });
        });
    });
}
