import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, it } from 'node:test';
import { submitStatement } from '../../app/submit-statement.ts';
import { generateStatement } from '../generator/index.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';

describe('retention of uploaded files and exports', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  before(async () => {
    ctx = await startTestRuntime({ RETENTION_DAYS: '30' });
  });
  after(async () => ctx?.cleanup());

  it('a daily schedule exists, and a run removes expired files but keeps the analysis', async () => {
    const { rt } = ctx;
    const schedule = await rt.client.schedule.getHandle('retention-daily').describe();
    assert.equal(schedule.spec.timezone, 'Europe/Istanbul');

    const old = await generateStatement({ seed: 5151, layout: 't2-summary' });
    const fresh = await generateStatement({ seed: 5152, layout: 't2-summary' });
    const ws = { kind: 'local' as const, externalId: 'retention' };
    const oldRun = await (await submitStatement(rt, { workspace: ws, fileName: 'old.pdf', bytes: old.pdf })).result();
    const freshRun = await (await submitStatement(rt, { workspace: ws, fileName: 'fresh.pdf', bytes: fresh.pdf })).result();
    await rt.db.updateTable('documents').set({ created_at: sql`now() - interval '31 days'` as never }).where('id', '=', oldRun.documentId).execute();
    const oldDoc = await rt.db.selectFrom('documents').select(['storage_key', 'sha256']).where('id', '=', oldRun.documentId).executeTakeFirstOrThrow();
    const oldExports = oldRun.exports.map((e) => e.storageKey);

    const purged = await rt.client.workflow.execute('purgeExpiredFiles', { taskQueue: ctx.config.TEMPORAL_TASK_QUEUE, workflowId: `purge-${Date.now()}`, args: [] });
    assert.deepEqual(purged, { documents: 1, files: 2 + oldExports.length });

    for (const key of [oldDoc.storage_key, `uploads/${oldDoc.sha256}.pdf`, ...oldExports]) {
      await assert.rejects(rt.storage.get(key), /ENOENT/, `${key} removed`);
    }
    // The numbers stay: history and answers still work.
    assert.ok(await rt.db.selectFrom('analysis_results').select('id').where('document_id', '=', oldRun.documentId).executeTakeFirst());
    assert.equal((await rt.db.selectFrom('exports').select('id').where('document_id', '=', oldRun.documentId).execute()).length, 0);
    // The fresh document is untouched.
    for (const e of freshRun.exports) assert.ok((await rt.storage.get(e.storageKey)).length > 0);
    const auditRows = await rt.db.selectFrom('audit_log').select('action').where('subject', '=', `document:${oldRun.documentId}`).execute();
    assert.ok(auditRows.some((a) => a.action === 'retention.files_removed'));
  });
});
