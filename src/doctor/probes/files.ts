import { readdir, stat } from 'node:fs/promises';
import type { FolderFacts } from '../rules/files.js';

export async function probeFolder(path: string): Promise<FolderFacts> {
  try {
    const s = await stat(path);
    if (!s.isDirectory()) return { state: 'not-a-folder' };
    return { state: 'ok', entries: (await readdir(path)).length };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ENOENT' ? { state: 'missing' } : { state: 'unreadable', code };
  }
}
