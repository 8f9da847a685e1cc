/** OTEL_EXPORTER_OTLP_HEADERS read exactly as upstream reads it (observability/otel.ts, logger.ts). */
export function parseOtelHeaders(value) {
    const out = {};
    for (const part of (value ?? '').split(',')) {
        const eq = part.indexOf('=');
        if (eq <= 0)
            continue;
        const key = part.slice(0, eq).trim();
        const raw = part
            .slice(eq + 1)
            .trim()
            .replace(/^["']|["']$/g, '');
        if (!key || !raw)
            continue;
        try {
            out[key] = decodeURIComponent(raw);
        }
        catch {
            out[key] = raw;
        }
    }
    return out;
}
