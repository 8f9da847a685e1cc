import { LineCounter, parseDocument, isNode } from 'yaml';
export function readYaml(text, fileLabel) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
    const problems = doc.errors.map((e) => ({
        source: e.linePos ? `${fileLabel}:${e.linePos[0].line}` : fileLabel,
        key: '',
        message: e.message.split('\n')[0] ?? e.message,
    }));
    const locate = (path) => {
        // Walk up until a node exists: a missing key is reported where its parent stands.
        // A key's own line wins over its value's (a block value starts on the next line).
        for (let n = path.length; n >= 0; n--) {
            const pair = n > 0 ? findKeyLine(doc, path.slice(0, n), lineCounter) : undefined;
            if (pair)
                return `${fileLabel}:${pair}`;
            const node = doc.getIn(path.slice(0, n), true);
            if (isNode(node) && node.range)
                return `${fileLabel}:${lineCounter.linePos(node.range[0]).line}`;
        }
        return fileLabel;
    };
    return { value: problems.length ? undefined : (doc.toJS() ?? {}), problems, locate };
}
function findKeyLine(doc, path, lc) {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const items = parent?.items;
    const last = path[path.length - 1];
    const pair = items?.find((it) => isNode(it.key) && it.key.value === last);
    const key = pair?.key;
    if (isNode(key) && key.range)
        return lc.linePos(key.range[0]).line;
    return undefined;
}
