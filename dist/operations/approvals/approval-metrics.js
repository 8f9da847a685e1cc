/** Where each state an approval can reach is counted on /metrics (`running` is not an outcome). */
const COUNTED = {
    confirmed: { approval: 'confirmed' },
    cancelled: { approval: 'cancelled' },
    expired: { approval: 'expired' },
    succeeded: { operation: 'succeeded' },
    failed: { operation: 'failed' },
    interrupted: { operation: 'interrupted' },
};
/**
 * The approval store, counting what happened to approvals and operations: a request when
 * its row is written, every other outcome when its conditional UPDATE won (a click that
 * lost the race moved nothing and counts nothing).
 */
export function countedApprovalStore(store, metrics) {
    return {
        ...store,
        async create(a) {
            const row = await store.create(a);
            metrics.approval(row.kind, 'requested');
            return row;
        },
        async transition(id, from, event, set, opts) {
            const row = await store.transition(id, from, event, set, opts);
            const counted = row ? COUNTED[row.state] : undefined;
            if (row && counted)
                if ('approval' in counted)
                    metrics.approval(row.kind, counted.approval);
                else
                    metrics.operation(row.kind, counted.operation);
            return row;
        },
    };
}
