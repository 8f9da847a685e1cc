const BARS = '▁▂▃▄▅▆▇█';
/** Shown for a bucket without data, so a gap in the watch is visible rather than flattened. */
export const NO_DATA = '·';
/**
 * A latency trend as text: each value becomes one bar scaled between the smallest and the
 * largest value shown. Equal values draw a flat low line (steady is good news, not alarm).
 */
export function sparkline(values) {
    const present = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
    if (!present.length)
        return NO_DATA.repeat(values.length);
    const min = Math.min(...present);
    const max = Math.max(...present);
    const span = max - min;
    return values
        .map((v) => {
        if (typeof v !== 'number' || !Number.isFinite(v))
            return NO_DATA;
        if (span === 0)
            return BARS[0];
        return BARS[Math.min(BARS.length - 1, Math.round(((v - min) / span) * (BARS.length - 1)))];
    })
        .join('');
}
/** Averages per bucket: `buckets` equal slices of [from, to), oldest first; null where nothing ran. */
export function bucketAverages(points, from, to, buckets) {
    const width = (to.getTime() - from.getTime()) / buckets;
    const sums = new Array(buckets).fill(0);
    const counts = new Array(buckets).fill(0);
    for (const p of points) {
        const i = Math.floor((p.at.getTime() - from.getTime()) / width);
        if (i < 0 || i >= buckets)
            continue;
        sums[i] += p.totalMs;
        counts[i] += p.runs;
    }
    return sums.map((s, i) => (counts[i] ? s / counts[i] : null));
}
