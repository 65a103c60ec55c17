/**
 * npm run analyze -- <pdf>... --out <dir> [--in-order] [--ask <question>]...
 * Starts what is not running (Postgres, the Temporal dev server, an in-process worker), runs
 * one analyzeStatement workflow per file and writes analysis.json, summary.md, report.xlsx
 * and charts/*.png under <dir>/<file name>/. Files run side by side; with --in-order one after
 * another in the order given, so a company's later report is analysed against the earlier ones
 * (its history, trends and restated prior years), as uploads one after another would be.
 * Then questions are answered as the chat would answer them about the newest statement and
 * its company's history: each --ask, and, when the reports span three or more year-ends, the
 * history questions (margin, leverage, sales over those years; --in-order only, where the
 * files are one company's reports). They go to the terminal and to answers.md, in the last
 * file's folder with --in-order, else in <dir>.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Analysis } from '../contracts/analysis.ts';
import { loadConfigOrExit, startRuntimeOrExit, stopOnSignals } from '../app/command-edge.ts';
import { startHeavyThreads } from '../app/heavy-threads.ts';
import { outputFolderName } from '../lib/output-folder.ts';
import { userMessage } from '../lib/user-errors.ts';
import { CLI_CHANNEL, historyQuestions } from '../bot/local/cli-questions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'out' },
    locale: { type: 'string', default: 'tr' },
    'in-order': { type: 'boolean', default: false },
    ask: { type: 'string', multiple: true, default: [] },
  },
});
if (!positionals.length) {
  console.error('Usage: npm run analyze -- <statement.pdf>... [--out <dir>] [--locale tr|en] [--in-order] [--ask <question>]...');
  process.exit(2);
}
const locale = values.locale === 'en' ? 'en' : 'tr';
const outDir = path.resolve(values.out!);
// Interactive commands print their own results; the JSON log only speaks up for problems.
const config = loadConfigOrExit(locale, (c) => ({ ...c, LOG_LEVEL: c.LOG_LEVEL ?? 'warn' }));

const t0 = Date.now();
// First: the reading and rendering threads load their modules on the other core while this
// thread loads the rest and the servers start. No warm-up here: the document arrives the
// moment the worker is ready, and on two cores a warm-up only competed with the start
// (8 paired runs: 3.44 s median with it, 3.33 s without).
const threads = startHeavyThreads(config);
const [{ loadAnalysis }, { failureCode }, { submitStatement }] = await Promise.all([
  import('../db/queries/analysis.ts'),
  import('../lib/failure-code.ts'),
  import('../app/submit-statement.ts'),
]);
const rt = await startRuntimeOrExit(config, { worker: true, threads, log: (m) => console.error(m) }, locale);
// Interrupted: the files were not all analysed, so the exit code says so (128 + SIGINT).
stopOnSignals(rt, { code: 130 });
console.error(`Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (Postgres, Temporal, worker).`);

let failures = 0;
const analysed: (Analysis | undefined)[] = [];
const taken = new Set<string>();
// Named up front, in argument order, so the suffixes of equal names are deterministic.
const folders = positionals.map((file) => outputFolderName(file, taken));
async function analyzeOne(file: string, i: number): Promise<void> {
  const name = folders[i]!;
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(2);
  try {
    const bytes = await readFile(file);
    const run = await submitStatement(rt, {
      workspace: CLI_CHANNEL.workspace,
      threadKey: CLI_CHANNEL.threadKey,
      userExternalId: os.userInfo().username,
      fileName: path.basename(file),
      bytes,
      locale,
    });
    const result = await run.result();
    const analysis = await loadAnalysis(rt.db, result.documentId);
    if (analysis) analysed[i] = analysis;
    const dir = path.join(outDir, name);
    await mkdir(path.join(dir, 'charts'), { recursive: true });
    await writeFile(path.join(dir, 'analysis.json'), JSON.stringify(analysis, null, 2) + '\n');
    for (const exp of result.exports) {
      await writeFile(path.join(dir, path.relative(`exports/${result.documentId}`, exp.storageKey)), await rt.storage.get(exp.storageKey));
    }
    console.log(`ok      ${path.basename(file)}  method=${result.method}  pages=${result.pages}  validation=${result.validationStatus}  ${seconds()} s  -> ${path.relative(process.cwd(), dir)}`);
  } catch (err) {
    failures++;
    const f = failureCode(err);
    const msg = f.code === 'internal_error' ? f.message : userMessage(f.code, locale, f.params);
    console.log(`FAILED  ${path.basename(file)}  ${f.code}: ${msg}  ${seconds()} s`);
  }
}

if (values['in-order']) for (const [i, file] of positionals.entries()) await analyzeOne(file, i);
else await Promise.all(positionals.map(analyzeOne));

// In order, the files are one company's history and the last one is what the answers are
// about: its company's years decide the history questions. Side by side, only --ask.
const last = values['in-order'] ? analysed[positionals.length - 1] : undefined;
const sameCompany = last ? analysed.filter((a) => a && a.company.name === last.company.name) : [];
const questions = [...historyQuestions(sameCompany.flatMap((a) => a!.periods), locale), ...values.ask!];
if (questions.length && failures < positionals.length) {
  // The conversation core (parsers, wording, the LLM client) is loaded only when asked something.
  const [{ ConversationCore }, { answerInCliChannel }] = await Promise.all([import('../bot/core/conversation.ts'), import('../bot/local/cli-questions.ts')]);
  const blocks = await answerInCliChannel(new ConversationCore(rt), questions, locale, os.userInfo().username);
  const file = path.join(outDir, ...(last ? [folders[folders.length - 1]!] : []), 'answers.md');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, blocks.join('\n'));
  console.log(`\n${blocks.join('\n')}\n-> ${path.relative(process.cwd(), file)}`);
}

await rt.shutdown();
process.exit(failures ? 1 : 0);
