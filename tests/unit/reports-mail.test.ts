import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { reportFileName, reportMailText } from '../../activities/render-reports.ts';
import { renderAllReports } from '../../reports/render-all.ts';
import { CONTENT_TYPES, createMailer } from '../../lib/mailer.ts';
import { analysisOf, SAMPLE } from './reports-fixtures.ts';

/** The MIME parts of a message that carry a file name, decoded (enough for our own mails). */
function attachmentsOf(raw: string): Map<string, { type: string; bytes: Buffer }> {
  const out = new Map<string, { type: string; bytes: Buffer }>();
  const boundary = /boundary="?([^"\r\n;]+)"?/.exec(raw)?.[1];
  assert.ok(boundary, 'multipart message');
  for (const part of raw.split(`--${boundary}`)) {
    const [head = '', ...body] = part.split(/\r?\n\r?\n/);
    const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
    const name = /filename\*?=(?:utf-8'')?"?([^";\r\n]+)"?/i.exec(unfolded)?.[1];
    if (!name) continue;
    assert.match(unfolded, /Content-Transfer-Encoding: base64/i);
    out.set(decodeURIComponent(name), { type: /Content-Type: ([^;\s]+)/i.exec(unfolded)?.[1] ?? '', bytes: Buffer.from(body.join('').replace(/\s+/g, ''), 'base64') });
  }
  return out;
}

describe('report e-mail', () => {
  it('is off without SMTP_URL', () => {
    assert.equal(createMailer({ SMTP_URL: undefined, MAIL_FROM: 'x@y.z' }), null);
  });

  it('delivers the workbook and the PDF to a local SMTP server', async () => {
    const received: { from?: string; to: string[]; raw: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          done();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.server.address() as AddressInfo;
    const mailer = createMailer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Rapor <rapor@example.test>' })!;
    try {
      const a = await analysisOf(SAMPLE);
      const files = (await renderAllReports(a, 'tr')).filter((f) => f.format === 'xlsx' || f.format === 'pdf');
      const { subject, text } = reportMailText(a, 'tr');
      const sent = await mailer.send({
        to: 'muhasebe@example.test',
        subject,
        text,
        attachments: files.map((f) => ({ filename: reportFileName(a, f.name), content: f.bytes, contentType: CONTENT_TYPES[f.format as 'xlsx' | 'pdf'] })),
      });
      assert.deepEqual(sent.accepted, ['muhasebe@example.test']);
      await assert.rejects(mailer.send({ to: 'a@b.c\r\nBcc: x@y.z', subject, text, attachments: [] }), /Not an e-mail address/);

      assert.equal(received.length, 1);
      const [mail] = received;
      assert.equal(mail!.from, 'rapor@example.test');
      assert.deepEqual(mail!.to, ['muhasebe@example.test']);
      const atts = attachmentsOf(mail!.raw);
      assert.deepEqual([...atts.keys()].sort(), ['ornek-gida-sanayi-ve-ticaret-a-s-2024-report.pdf', 'ornek-gida-sanayi-ve-ticaret-a-s-2024-report.xlsx']);
      for (const f of files) {
        const got = atts.get(reportFileName(a, f.name))!;
        assert.deepEqual(got.bytes, Buffer.from(f.bytes), `${f.name} arrives byte for byte`);
        assert.equal(got.type, CONTENT_TYPES[f.format as 'xlsx' | 'pdf']);
      }
      assert.match(subject, /^Finansal Analiz Raporu: Örnek Gıda Sanayi ve Ticaret A\.Ş\. \(2024 \/ 2023\)$/);
      assert.ok(/Subject: =\?UTF-8\?/i.test(mail!.raw), 'the Turkish subject is encoded');
    } finally {
      mailer.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
