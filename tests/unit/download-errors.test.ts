import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import { createDownloadUpload } from '../../activities/download-upload.ts';
import type { ActivityDeps } from '../../activities/deps.ts';
import { DownloadError } from '../../bot/chat/download-error.ts';
import { SlackPoster } from '../../bot/chat/slack-poster.ts';

/**
 * Download failures are told apart by type (DownloadError.kind), not by message text: a refusal,
 * a 4xx or an oversized file is final at once, a 5xx is tried again, and the cause is kept.
 */
describe('chat download errors by type', () => {
  const hits = new Map<string, number>();
  let server: http.Server;
  let base: string;
  before(async () => {
    server = http.createServer((req, res) => {
      hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
      const path = req.url!.split('?')[0];
      if (path === '/gone') res.writeHead(404).end('no');
      else if (path === '/busy') res.writeHead(503).end('later');
      else if (path === '/big') res.writeHead(200).end(Buffer.alloc(5000));
      else res.writeHead(200).end('%PDF-1.7 tiny');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const poster = () => new SlackPoster('xoxb-test', { fileHosts: ['127.0.0.1'] });
  const deps = () => ({ config: { MAX_UPLOAD_BYTES: 1000 }, posters: { slack: poster() }, storage: { put: async () => 'uploads/x.pdf' } }) as unknown as ActivityDeps;
  const download = (url: string) => createDownloadUpload(deps())({ source: { kind: 'slack', fileId: 'F1', url } });

  async function failure(url: string): Promise<ApplicationFailure> {
    const e = await download(url).then(() => null, (err: unknown) => err);
    assert.ok(e instanceof ApplicationFailure, String(e));
    return e;
  }

  it('the poster throws a DownloadError with its kind and status', async () => {
    const refused = await poster().download({ fileId: 'F1', url: 'https://evil.example/x' }, 1000).catch((e: unknown) => e);
    assert.ok(refused instanceof DownloadError && refused.kind === 'refused_host' && !refused.retryable);
    const gone = await poster().download({ fileId: 'F1', url: `${base}/gone?probe` }, 1000).catch((e: unknown) => e);
    assert.ok(gone instanceof DownloadError && gone.kind === 'http_status' && gone.status === 404 && !gone.retryable);
    const big = await poster().download({ fileId: 'F1', url: `${base}/big?probe` }, 1000).catch((e: unknown) => e);
    assert.ok(big instanceof DownloadError && big.kind === 'too_large');
  });

  it('a refused host and a 404 fail as download_failed after one try, with the cause kept', async () => {
    const refused = await failure('https://evil.example/x');
    assert.equal(refused.type, 'download_failed');
    assert.ok(refused.cause instanceof DownloadError && refused.cause.kind === 'refused_host');
    const gone = await failure(`${base}/gone`);
    assert.equal(gone.type, 'download_failed');
    assert.equal(hits.get('/gone'), 1, 'a 404 is not asked again');
  });

  it('a 5xx is tried again before failing', async () => {
    const busy = await failure(`${base}/busy`);
    assert.equal(busy.type, 'download_failed');
    assert.equal(hits.get('/busy'), 3);
  });

  it('a file over the limit is the user error too_large, once', async () => {
    const big = await failure(`${base}/big`);
    assert.equal(big.type, 'too_large');
    assert.ok(big.cause instanceof DownloadError);
    assert.equal(hits.get('/big'), 1);
    assert.equal(await download(`${base}/ok`), 'uploads/x.pdf');
  });
});
