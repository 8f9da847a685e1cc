import { item } from '../types.js';
/**
 * @param what e.g. "runbooks (runbooks.dirs[0])", "migrations of prod"
 * @param needed what stops working without it
 */
export function folderItem(id, what, path, f, needed) {
    const t = (status, seen, fix) => item('files', `folder.${id}`, what, status, seen, fix);
    switch (f.state) {
        case 'ok':
            return t('ok', `${path} is readable (${f.entries} entr${f.entries === 1 ? 'y' : 'ies'})`);
        case 'missing':
            return t('fail', `${path} does not exist: ${needed}`, 'create it or fix the path in ctx-ops.yml');
        case 'not-a-folder':
            return t('fail', `${path} is not a folder: ${needed}`, 'point the setting at the folder');
        case 'unreadable':
            return t('fail', `${path} cannot be read by this process (${f.code}): ${needed}`, 'give the user ctx-ops runs as read access to it (and execute on the folders above it)');
    }
}
