/**
 * The node count from a GRAPH.RO_QUERY "... RETURN count(n)" reply. FalkorDB answers a
 * result set [header, rows, statistics]; with --compact each value is [ValueType, value]
 * (3 = integer), without it the bare value. Null when the reply has another shape.
 */
export function parseCountReply(reply) {
    if (!Array.isArray(reply) || reply.length < 2)
        return null;
    const rows = reply[1];
    if (!Array.isArray(rows) || rows.length !== 1 || !Array.isArray(rows[0]) || rows[0].length < 1)
        return null;
    let cell = rows[0][0];
    if (Array.isArray(cell)) {
        if (cell.length !== 2 || Number(cell[0]) !== 3)
            return null;
        cell = cell[1];
    }
    const n = typeof cell === 'number' ? cell : typeof cell === 'string' && /^\d+$/.test(cell) ? Number(cell) : NaN;
    return Number.isSafeInteger(n) && n >= 0 ? n : null;
}
