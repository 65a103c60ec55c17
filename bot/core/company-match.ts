import { ACTIONS } from '../../contracts/outgoing.ts';
import { tokensOf } from '../../domain/questions/ratio-aliases.ts';

/**
 * Which company a question names: "Örnek Gıda 2024 net kar marjı", "ornek gida", "örnek'in
 * cari oranı", "Örn…" all name "Örnek Gıda San. ve Tic. A.Ş.". A company's distinctive words
 * are its name without the legal form; a question names it when it carries its first
 * distinctive word (whole, with a suffix, or a prefix of at least three letters). Words the bot
 * itself understands ("net", "kar", "cari") never name a company on their own.
 */
const LEGAL = new Set(tokensOf(
  'a ş as aş anonim şirketi şti sti ltd limited san sanayi ve tic ticaret ith ihr ithalat ihracat paz pazarlama ' +
  'koll kollektif holding grup group inc llc co corp corporation gmbh plc the ve de ile',
));

export interface NamedCompany {
  id: number;
  name: string;
}

/** The name's own words: no legal form, no number, none of the bot's words ("Kar Tekstil" → "tekstil"). */
function distinctive(name: string, vocabulary: ReadonlySet<string>): string[] {
  return tokensOf(name).filter((t) => !LEGAL.has(t) && !/^\d+$/.test(t) && !vocabulary.has(t));
}

const wordNames = (word: string, token: string) =>
  token === word || (token.startsWith(word) && token.length - word.length <= 5) || (token.length >= 3 && word.startsWith(token));

/**
 * The companies a question names, best first; several when they tie ("Örnek" with "Örnek
 * Gıda" and "Örnek İnşaat"). `vocabulary` holds the bot's own words.
 */
export function companiesNamed(text: string, companies: readonly NamedCompany[], vocabulary: ReadonlySet<string>): NamedCompany[] {
  const tokens = tokensOf(text).filter((t) => t.length >= 3 && !vocabulary.has(t) && !/^\d+$/.test(t));
  if (tokens.length === 0) return [];
  const scored: { c: NamedCompany; score: number }[] = [];
  for (const c of companies) {
    const words = distinctive(c.name, vocabulary);
    if (words.length === 0 || !tokens.some((t) => wordNames(words[0]!, t))) continue;
    const score = words.filter((w) => tokens.some((t) => wordNames(w, t))).length;
    scored.push({ c, score });
  }
  if (scored.length === 0) return [];
  const best = Math.max(...scored.map((s) => s.score));
  return scored.filter((s) => s.score === best).map((s) => s.c);
}

/** One button per candidate company (at most five); the value is only the company id. */
export function companyButtons(companies: readonly { id: number; name: string }[]) {
  return companies.slice(0, 5).map((c) => ({ actionId: ACTIONS.pickCompany, label: c.name.slice(0, 60), value: String(c.id) }));
}
