import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
/**
 * A writable that hands every chunk to each destination and accepts the next chunk only
 * when all of them have taken this one (each `write` that returns false is waited out
 * with its 'drain'), so the slowest destination holds the source back and memory stays
 * bounded by the destinations' buffers. Ending it ends them all and waits until each has
 * finished; an error or an early close of any destination fails it, and failing it
 * destroys the destinations that have not finished.
 */
export function tee(...destinations) {
    const drained = (d) => new Promise((resolve, reject) => {
        const done = (err) => {
            d.off('drain', onDrain);
            d.off('error', onError);
            d.off('close', onClose);
            if (err)
                reject(err);
            else
                resolve();
        };
        const onDrain = () => done();
        const onError = (err) => done(err);
        const onClose = () => done(new Error('a destination closed before the end of the stream'));
        d.on('drain', onDrain);
        d.on('error', onError);
        d.on('close', onClose);
    });
    const out = new Writable({
        write(chunk, _enc, cb) {
            const waits = [];
            for (const d of destinations) {
                if (d.destroyed || d.writableEnded) {
                    cb(new Error('a destination closed before the end of the stream'));
                    return;
                }
                if (!d.write(chunk))
                    waits.push(drained(d));
            }
            if (waits.length === 0)
                cb();
            else
                Promise.all(waits).then(() => cb(), cb);
        },
        final(cb) {
            for (const d of destinations)
                d.end();
            Promise.all(destinations.map((d) => finished(d, { readable: false }))).then(() => cb(), cb);
        },
        destroy(err, cb) {
            for (const d of destinations)
                if (!d.writableFinished && !d.destroyed)
                    d.destroy(err ?? undefined);
            cb(err);
        },
    });
    for (const d of destinations)
        d.on('error', (err) => out.destroy(err));
    return out;
}
