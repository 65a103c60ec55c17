import type { Kysely } from 'kysely';
import type { ChatScope } from '../../db/queries/chat-scope.ts';
import { loadedSectors, markSectorAsked, sectorTable, setCompanySector } from '../../db/queries/benchmarks.ts';
import { saveAnalysisExtras, storedExtras } from '../../db/queries/history.ts';
import type { Database } from '../../db/schema.ts';
import { benchmarkReport, describeBenchmarks } from '../../domain/benchmarks.ts';
import type { SectorCommand } from '../../domain/questions/sector-command.ts';
import { sectorInvalidText, sectorNoCompanyText, sectorSavedText } from '../../domain/wording/sector-text.ts';
import type { Locale } from '../../contracts/locale.ts';
import { recordQuestion } from '../../db/queries/conversations.ts';
import type { Incoming } from '../../contracts/incoming.ts';
import { questionContext, type ThreadStates } from './question-context.ts';

/**
 * "sektör C10" (typed, or a sector button): stores the sector of the company the conversation
 * is about (or the one the button names, only inside the message's scope), records the
 * question as answered, and says where the newest statement stands in that sector's table.
 * The newest statement's stored positions are brought up to date, so later answers, digests
 * and exports use them.
 */
export async function handleSectorCommand(
  db: Kysely<Database>,
  args: { who: { workspaceId: number; userId: number }; msg: Incoming; text: string; scope: ChatScope; threads: ThreadStates; command: SectorCommand; locale: Locale },
): Promise<string> {
  const { msg, who } = args;
  const reply = await sectorReply(db, args);
  // Kept like any question: who set which sector, when.
  await recordQuestion(db, { ...who, documentId: null, companyId: msg.companyId ?? null, question: args.text, answer: reply, intent: 'sector', durationMs: 0, eventId: msg.eventId });
  return reply;
}

async function sectorReply(db: Kysely<Database>, args: Parameters<typeof handleSectorCommand>[1]): Promise<string> {
  const { locale, msg, who } = args;
  let { command } = args;
  if (command.kind === 'invalid') {
    const raw = command.raw;
    // A loaded table's own code (`T10`, `C10_SMALL`) is a sector too, whatever NACE says.
    const loaded = (await loadedSectors(db, 1000)).find((c) => c.toUpperCase() === raw.toUpperCase());
    if (!loaded) return sectorInvalidText(raw, locale);
    command = { kind: 'set', code: loaded };
  }
  const state = await args.threads.get(who.workspaceId, `${who.workspaceId}:${msg.conversationKey ?? msg.threadKey}`);
  const context = await questionContext(db, args.scope, '', state, msg.companyId);
  if (context.kind !== 'document' || context.doc.companyId === null) return sectorNoCompanyText(locale);
  const { doc } = context;
  await setCompanySector(db, doc.companyId!, command.code);
  await markSectorAsked(db, doc.companyId!);
  const table = await sectorTable(db, command.code);
  const period = [...doc.analysis.periods].sort().pop() ?? '';
  const report = benchmarkReport({ sector: table.sector, period, ratios: doc.analysis.ratios, rows: table.rows });
  const extras = await storedExtras(db, doc.id);
  if (extras) await saveAnalysisExtras(db, doc.id, { ...extras, benchmarks: report });
  return sectorSavedText(doc.companyName ?? doc.analysis.company.name, command.code, describeBenchmarks(report, locale), locale);
}
