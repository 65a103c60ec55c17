import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadImage } from '@napi-rs/canvas';
import ExcelJS from 'exceljs';
import { SMTPServer } from 'smtp-server';
import { createRenderReports } from '../../activities/render-reports.ts';
import { loadAnalysis } from '../../db/queries/analysis.ts';
import { reportCharts } from '../../domain/chart-configs.ts';
import { openPdf, textLayerWords } from '../../reading/pdf.ts';
import { submitStatement } from '../../app/submit-statement.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';
import { SAMPLE } from '../unit/reports-fixtures.ts';

/**
 * The sample statement through the real workflow (Postgres + Temporal), then the render
 * activity again from the stored analysis with an e-mail address: every file stored and
 * recorded, the mail received by a local SMTP server, the send audited.
 */
describe('render-reports from a stored analysis', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let smtp: SMTPServer;
  const mails: { to: string[]; raw: string }[] = [];

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          done();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const { port } = smtp.server.address() as AddressInfo;
    ctx = await startTestRuntime({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'reports@example.test' });
  });
  after(async () => {
    await ctx?.cleanup();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  it('stores and records summary, chat summary, workbook, PDF and charts, and e-mails the reports', async () => {
    const { rt, config } = ctx;
    const run = await submitStatement(rt, {
      workspace: { kind: 'local', externalId: 'reports', name: 'Reports' },
      fileName: 'ornek-bilanco-2024.pdf',
      bytes: await readFile(SAMPLE),
    });
    const result = await run.result();
    const analysis = (await loadAnalysis(rt.db, result.documentId))!;
    const doc = await rt.db.selectFrom('documents').select(['workspace_id']).where('id', '=', result.documentId).executeTakeFirstOrThrow();

    const render = createRenderReports({ db: rt.db, storage: rt.storage, config });
    const files = await render({ documentId: result.documentId, workspaceId: doc.workspace_id, locale: 'tr', emailTo: 'cfo@example.test' });
    const formats = files.map((f) => f.format);
    for (const f of ['summary.md', 'summary.chat', 'xlsx', 'pdf', 'chart:ratios-liquidity', 'chart:balance-composition', 'chart:income-bridge']) {
      assert.ok(formats.includes(f), `${f} rendered`);
    }
    const recorded = await rt.db.selectFrom('exports').select(['format', 'storage_key']).where('document_id', '=', result.documentId).execute();
    assert.deepEqual(new Set(recorded.map((r) => r.format)), new Set(formats));

    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await rt.storage.get(`exports/${result.documentId}/report.xlsx`)) as never);
    assert.ok(xlsx.getWorksheet('Grafikler')!.getImages().length >= 7);
    const pdf = await openPdf(await rt.storage.get(`exports/${result.documentId}/report.pdf`));
    const first = (await textLayerWords(pdf, 1)).words.map((w) => w.text).join(' ');
    assert.ok(first.includes(analysis.company.name!));
    const png = await loadImage(await rt.storage.get(`exports/${result.documentId}/charts/income-bridge.png`));
    const bridge = reportCharts(analysis, 'tr').find((c) => c.name === 'income-bridge')!;
    assert.equal(png.width, bridge.width * bridge.devicePixelRatio!);
    const chat = (await rt.storage.get(`exports/${result.documentId}/summary-chat.md`)).toString('utf8');
    assert.match(chat, /Örnek Gıda/);

    assert.equal(mails.length, 1);
    assert.deepEqual(mails[0]!.to, ['cfo@example.test']);
    assert.match(mails[0]!.raw, /report\.xlsx/);
    assert.match(mails[0]!.raw, /report\.pdf/);
    const audited = await rt.db.selectFrom('audit_log').selectAll().where('action', '=', 'report.emailed').execute();
    assert.equal(audited.length, 1);

    // A bad address fails without retrying and sends nothing.
    await assert.rejects(render({ documentId: result.documentId, workspaceId: doc.workspace_id, locale: 'en', emailTo: 'not-an-address' }), /Not an e-mail address/);
    assert.equal(mails.length, 1);
  });
});
