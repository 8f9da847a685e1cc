import { readdir, stat } from 'node:fs/promises';
export async function probeFolder(path) {
    try {
        const s = await stat(path);
        if (!s.isDirectory())
            return { state: 'not-a-folder' };
        return { state: 'ok', entries: (await readdir(path)).length };
    }
    catch (err) {
        const code = err.code ?? 'error';
        return code === 'ENOENT' ? { state: 'missing' } : { state: 'unreadable', code };
    }
}
