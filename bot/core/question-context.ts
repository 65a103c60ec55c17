import type { Kysely } from 'kysely';
import {
  companiesInScope, companyDocumentsInScope, documentByIdInScope, documentInScope, type ChatScope, type ScopedDocument,
} from '../../db/queries/chat-scope.ts';
import type { Database } from '../../db/schema.ts';
import { companiesNamed } from './company-match.ts';
import { QUESTION_VOCABULARY } from '../../domain/questions/intent-words.ts';
import type { Intent } from '../../domain/questions/intents.ts';

/**
 * What a thread or chat is talking about: the last question's subject (for follow-ups), the
 * company last named, and the document a re-upload selected. Kept per bot process, bounded;
 * losing it on a restart only costs a follow-up its context, never a wrong figure.
 */
export interface ThreadState {
  lastIntent?: Intent;
  /** A question waiting for the user to say which company it meant. */
  pending?: string;
  companyId?: number;
  documentId?: number;
}

export class ThreadStates {
  private readonly states = new Map<string, ThreadState>();
  constructor(private readonly max = 10_000) {}

  get(key: string): ThreadState {
    return this.states.get(key) ?? {};
  }
  set(key: string, patch: ThreadState): void {
    const next = { ...this.get(key), ...patch };
    this.states.delete(key);
    this.states.set(key, next);
    // Oldest first in a Map's order: drop the least recently touched.
    if (this.states.size > this.max) this.states.delete(this.states.keys().next().value!);
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
