export const AREA_TITLES = {
    slack: 'Slack app',
    channels: 'Channels',
    store: 'Store (schema ctx_ops)',
    backups: 'Backup tools',
    files: 'Folders',
    clock: 'Clock',
    delivery: 'Delivery',
};
export function overallOf(items) {
    if (items.some((i) => i.status === 'fail'))
        return 'fail';
    if (items.some((i) => i.status === 'warn'))
        return 'warn';
    return 'ok';
}
export const item = (area, id, title, status, seen, fix) => ({ id, area, title, status, seen, ...(fix ? { fix } : {}) });
