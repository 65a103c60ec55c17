import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadAnalysis } from '../../db/queries/analysis.ts';
import { submitStatement } from '../../app/submit-statement.ts';
import { generateModel, generateStatement } from '../generator/index.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';
import { transcription } from '../helpers/vision-transcription.ts';

describe('vision as a second reader inside analyzeStatement', () => {
  let fake: FakeOpenAI;
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;

  before(async () => {
    fake = await startFakeOpenAI();
    ctx = await startTestRuntime({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'fake-vision', VISION_MODE: 'always', OPENAI_TIMEOUT_MS: '2000' });
  });
  after(async () => {
    await ctx?.cleanup();
    await fake.close();
  });

  const run = async (seed: number) => {
    const opts = { seed, layout: 't1-detailed' as const };
    const { pdf, truth } = await generateStatement(opts);
    return { truth, model: generateModel(opts), go: async () => (await submitStatement(ctx.rt, { workspace: { kind: 'local', externalId: `vision-${seed}` }, fileName: `v${seed}.pdf`, bytes: pdf })).result() };
  };

  it('a disagreeing model reading does not override text-layer values that tie', async () => {
    const { truth, model, go } = await run(6101);
    const period = truth.periods[0]!;
    // The model misreads Bankalar by 900 TL; the text layer's value makes the sums tie.
    const page = transcription(model, { '102': { [period]: 90_000 } });
    fake.script((_req, i) => ({ content: i === 0 ? page : { ...page, lines: [] } }));
    const result = await go();
    const analysis = (await loadAnalysis(ctx.rt.db, result.documentId))!;
    assert.deepEqual(analysis.items, truth.items);
    assert.ok(analysis.document.pagesByMethod.vision.length > 0, 'vision read the pages');
    const bank = analysis.lines.find((l) => l.key === '102')!;
    assert.deepEqual(bank.sources.sort(), ['text', 'vision']);
    assert.equal(analysis.validation.status, 'ok');
  });

  it('an invalid model reply falls back to the text reading', async () => {
    const { truth, go } = await run(6102);
    fake.script(() => ({ content: 'this is not json {' }));
    const result = await go();
    const analysis = (await loadAnalysis(ctx.rt.db, result.documentId))!;
    assert.deepEqual(analysis.items, truth.items);
    assert.deepEqual(analysis.document.pagesByMethod.vision, []);
  });
});
