import { lstat, mkdtemp, readdir, readlink, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PUBLIC_BASE } from '../../lib/postgres-placement.ts';
import { waitForStoppingTemporal } from '../../lib/temporal-server.ts';

/**
 * A throwaway DATA_DIR, private as mkdtemp makes it (0700): the runtime must cope with that
 * as it does for a user's own folder — as root, the embedded Postgres cluster is then placed
 * under PUBLIC_BASE with DATA_DIR/postgres a link to it (lib/postgres-placement.ts).
 */
export function makeDataFolder(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
}

/**
 * Removes a throwaway folder and the Postgres clusters placed for it: its own DATA_DIR/postgres
 * link, or those of the DATA_DIRs one level below it (tests that give each run a sub-folder),
 * once a Temporal dev server a command left stopping there has exited.
 */
export async function removeDataFolder(dir: string): Promise<void> {
  const subs = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const candidates = [dir, ...subs.filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name))];
  for (const dataDir of candidates) {
    // A command that ended here may have left its dev server stopping, still writing its files.
    await waitForStoppingTemporal(dataDir);
    const link = path.join(dataDir, 'postgres');
    if (!(await lstat(link).catch(() => null))?.isSymbolicLink()) continue;
    const placed = path.resolve(dataDir, await readlink(link));
    if (placed.startsWith(`${PUBLIC_BASE}${path.sep}`)) await rm(placed, { recursive: true, force: true });
  }
  await rm(dir, { recursive: true, force: true });
}
