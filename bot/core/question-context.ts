import type { Kysely } from 'kysely';
import {
  companiesInScope, companyDocumentsInScope, documentByIdInScope, documentInScope, type ChatScope, type ScopedDocument,
} from '../../db/queries/chat-scope.ts';
import type { Database } from '../../db/schema.ts';
import { loadThreadState, mergeThreadState } from '../../db/queries/thread-states.ts';
import { z } from 'zod';
import { companiesNamed } from './company-match.ts';
import { QUESTION_VOCABULARY } from '../../domain/questions/intent-words.ts';
import type { Intent } from '../../domain/questions/intents.ts';
import { IntentSchema } from '../../domain/questions/intent-schema.ts';

/**
 * What a thread or chat is talking about: the last question's subject (for follow-ups), the
 * company last named, the document a re-upload selected, and a question waiting for a company
 * choice. Stored in Postgres (db/queries/thread-states.ts), so it survives a restart and every
 * bot process sees the same; a state that does not parse only costs a follow-up its context.
 */
export interface ThreadState {
  lastIntent?: Intent;
  /** A question waiting for the user to say which company it meant. */
  pending?: string;
  companyId?: number;
  documentId?: number;
}

const StoredState = z.object({
  // A stored intent that no longer parses only costs the follow-up its context, not the state.
  lastIntent: IntentSchema.nullish().catch(null),
  pending: z.string().nullish(),
  companyId: z.number().int().positive().nullish(),
  documentId: z.number().int().positive().nullish(),
});

export class ThreadStates {
  constructor(private readonly db: Kysely<Database>) {}

  async get(workspaceId: number, key: string): Promise<ThreadState> {
    const parsed = StoredState.safeParse(await loadThreadState(this.db, workspaceId, key) ?? {});
    if (!parsed.success) return {};
    const s = parsed.data;
    return {
      ...(s.lastIntent ? { lastIntent: s.lastIntent } : {}),
      ...(s.pending ? { pending: s.pending } : {}),
      ...(s.companyId ? { companyId: s.companyId } : {}),
      ...(s.documentId ? { documentId: s.documentId } : {}),
    };
  }

  /** Sets the fields present in `patch`; a field given as undefined is cleared. */
  async set(workspaceId: number, key: string, patch: ThreadState): Promise<void> {
    const stored = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v ?? null]));
    await mergeThreadState(this.db, workspaceId, key, stored);
  }
}

export type QuestionContext =
  | { kind: 'document'; doc: ScopedDocument; history: ScopedDocument[] }
  | { kind: 'ambiguous'; companies: { id: number; name: string }[] }
  | { kind: 'none' };

/**
 * The statement a question is about, in this order: a company the question names (two
 * equally good matches are asked about), the company the thread last talked about, the
 * document a re-upload selected, else the thread's newest statement, else the channel's.
 * History: every other statement of the same company in the channel.
 */
export async function questionContext(db: Kysely<Database>, scope: ChatScope, text: string, state: ThreadState, chosen?: number): Promise<QuestionContext> {
  const companies = await companiesInScope(db, scope);
  const named = chosen !== undefined ? companies.filter((c) => c.id === chosen) : companiesNamed(text, companies, QUESTION_VOCABULARY);
  if (named.length > 1) return { kind: 'ambiguous', companies: named };
  const companyId = named[0]?.id ?? state.companyId;
  let doc: ScopedDocument | undefined;
  if (companyId !== undefined) {
    const docs = await companyDocumentsInScope(db, scope, companyId);
    // A re-upload of this company's older statement stays selected.
    doc = docs.find((d) => d.id === state.documentId) ?? docs[0];
  }
  doc ??= state.documentId !== undefined ? await documentByIdInScope(db, scope, state.documentId) : undefined;
  doc ??= await documentInScope(db, scope);
  if (!doc) return { kind: 'none' };
  const history = doc.companyId === null ? [] : (await companyDocumentsInScope(db, scope, doc.companyId)).filter((d) => d.id !== doc.id);
  return { kind: 'document', doc, history };
}
