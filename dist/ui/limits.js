import { truncate } from '../util/text.js';
/** Slack's documented Block Kit limits that our messages can reach. */
export const LIMITS = {
    blocksPerMessage: 50,
    sectionText: 3000,
    headerText: 150,
    contextElements: 10,
    buttonText: 75,
    buttonValue: 2000,
    actionsElements: 25,
    fallbackText: 40000,
};
/**
 * Keeps a message within 50 blocks: the tail is cut and replaced by a note, keeping a
 * trailing actions block (the buttons people need) in place.
 */
export function fitBlocks(blocks) {
    if (blocks.length <= LIMITS.blocksPerMessage)
        return blocks;
    const last = blocks[blocks.length - 1];
    const keepActions = last?.type === 'actions';
    const room = LIMITS.blocksPerMessage - 1 - (keepActions ? 1 : 0);
    const hidden = blocks.length - room - (keepActions ? 1 : 0);
    const note = {
        type: 'context',
        elements: [
            {
                type: 'mrkdwn',
                text: `_${hidden} more not shown (Slack allows ${LIMITS.blocksPerMessage} blocks per message)_`,
            },
        ],
    };
    return [...blocks.slice(0, room), note, ...(keepActions && last ? [last] : [])];
}
/** Splits lines into section-sized chunks so no section exceeds 3,000 characters. */
export function chunkLines(lines, max = LIMITS.sectionText) {
    const out = [];
    let cur = '';
    for (const raw of lines) {
        const line = truncate(raw, max);
        if (cur && cur.length + 1 + line.length > max) {
            out.push(cur);
            cur = line;
        }
        else
            cur = cur ? `${cur}\n${line}` : line;
    }
    if (cur)
        out.push(cur);
    return out;
}
