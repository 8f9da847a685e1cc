/**
 * The life of an approval. Only these transitions exist; the store performs each one as
 * a conditional UPDATE (WHERE state = <from>), so whichever click or replica gets there
 * first wins and every other attempt finds the row already moved on.
 *
 *   requested ─confirm→ confirmed ─start→ running ─succeed→ succeeded
 *       │                   │                 ├──fail→ failed
 *       ├─cancel→ cancelled ├─fail→ failed    └──interrupt→ interrupted
 *       └─expire→ expired   └─interrupt→ interrupted
 *
 * `confirmed → failed` covers a run that could not start (another operation holds the
 * environment); `confirmed → interrupted` a bot that died between the click and the start.
 */
export const APPROVAL_STATES = [
    'requested',
    'confirmed',
    'running',
    'succeeded',
    'failed',
    'interrupted',
    'cancelled',
    'expired',
];
export const APPROVAL_EVENTS = ['confirm', 'start', 'succeed', 'fail', 'interrupt', 'cancel', 'expire'];
const TABLE = {
    requested: { confirm: 'confirmed', cancel: 'cancelled', expire: 'expired' },
    confirmed: { start: 'running', fail: 'failed', interrupt: 'interrupted' },
    running: { succeed: 'succeeded', fail: 'failed', interrupt: 'interrupted' },
    succeeded: {},
    failed: {},
    interrupted: {},
    cancelled: {},
    expired: {},
};
/** The state an event leads to, or null when the event is not allowed in that state. */
export function nextState(from, event) {
    return TABLE[from][event] ?? null;
}
export function isFinal(state) {
    return Object.keys(TABLE[state]).length === 0;
}
/** Why a click on an approval that has moved on does nothing, in words for the clicker. */
export function alreadyUsedText(state, who) {
    const by = who ? ` by ${who}` : '';
    switch (state) {
        case 'confirmed':
        case 'running':
            return `it was already confirmed${by} and is running`;
        case 'succeeded':
            return `it was already confirmed${by} and has run (succeeded)`;
        case 'failed':
            return `it was already confirmed${by} and has run (failed)`;
        case 'interrupted':
            return `it was already confirmed${by}; its run was interrupted`;
        case 'cancelled':
            return `it was cancelled${by}`;
        case 'expired':
            return 'it has expired';
        case 'requested':
            return 'it is still waiting for a confirmation';
    }
}
