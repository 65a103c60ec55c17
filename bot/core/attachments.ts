import type { Kysely } from 'kysely';
import type { Analysis } from '../../contracts/analysis.ts';
import type { ChatFile } from '../../contracts/outgoing.ts';
import { exportsOf } from '../../db/queries/analysis.ts';
import type { Database } from '../../db/schema.ts';
import type { FileStorage } from '../../lib/storage.ts';
import { exportPrefix } from './export-name.ts';

/** The statement's stored exports, named by company and period ("ornek-gida-2024-report.xlsx"). */
export async function attachmentFiles(deps: { db: Kysely<Database>; storage: FileStorage }, doc: { id: number; companyName: string | null; analysis: Analysis }, attachment: { kind: 'chart'; family?: string } | { kind: 'export'; format: 'xlsx' | 'pdf' }): Promise<ChatFile[]> {
  const rows = await exportsOf(deps.db, doc.id);
  const prefix = exportPrefix(doc.companyName ?? doc.analysis.company.name, doc.analysis.periods);
  const wanted = rows.filter((r) =>
    attachment.kind === 'export' ? r.format === attachment.format : r.format.startsWith(`chart:${attachment.family ? `ratios-${attachment.family}` : ''}`),
  );
  return Promise.all(
    wanted.slice(0, 4).map(async (r) => ({
      name: `${prefix}${r.storage_key.split('/').pop()!}`,
      title: `${prefix}${r.storage_key.split('/').pop()!}`,
      bytes: await deps.storage.get(r.storage_key),
      kind: attachment.kind === 'chart' ? ('image' as const) : ('document' as const),
    })),
  );
}
