import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StatementRow {
  periodEnd: string;
  type: 'balance_sheet' | 'income_statement';
  currency: string;
  unit: string;
  items: Record<string, number>;
}

/**
 * Replaces a document's statements and marks older statements of the same company, period
 * and type (from earlier uploads) as superseded: they stay for the audit trail, but the
 * company's history reads only the latest. Callers run this inside their transaction.
 */
export async function replaceDocumentStatements(db: Db, documentId: number, companyId: number, rows: StatementRow[]): Promise<number[]> {
  await db.deleteFrom('financial_statements').where('document_id', '=', documentId).execute();
  const ids: number[] = [];
  for (const r of rows) {
    const { id } = await db
      .insertInto('financial_statements')
      .values({
        document_id: documentId,
        company_id: companyId,
        period_end: r.periodEnd,
        type: r.type,
        currency: r.currency,
        unit: r.unit,
        items: JSON.stringify(r.items),
        superseded_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('financial_statements')
      .set({ superseded_by: id })
      .where('company_id', '=', companyId)
      .where('period_end', '=', r.periodEnd)
      .where('type', '=', r.type)
      .where('id', '!=', id)
      .where('superseded_by', 'is', null)
      .execute();
    ids.push(id);
  }
  return ids;
}

/** The company's current (not superseded) statements, oldest period first. */
export async function companyHistory(db: Db, companyId: number) {
  return db
    .selectFrom('financial_statements')
    .select(['id', 'document_id', 'period_end', 'type', 'currency', 'unit', 'items'])
    .where('company_id', '=', companyId)
    .where('superseded_by', 'is', null)
    .orderBy('period_end')
    .orderBy('type')
    .execute();
}
