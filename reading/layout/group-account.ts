import { levelOf, parentOf } from '../../domain/chart-of-accounts.ts';
import { matchLabel, type LabelMatch, type MatchContext } from '../label-matcher.ts';
import { statementOfKey } from './inferred-keys.ts';

/**
 * A group heading and its account often share a name ("GEÇMİŞ YILLAR KARLARI" over
 * "Geçmiş Yıllar Karları"). Read away from its heading (a T-format continuation page resumes
 * the right half after the left half's total, so the group context is gone), the account's
 * name matches the group again, whose key is taken already: in that group's own context it is
 * the group's account. Null when it is not (the line then stays unkeyed, as before).
 */
export function accountOfUsedGroup(label: string, match: LabelMatch | null, used: Set<string>, ctx: Pick<MatchContext, 'printedCode' | 'fuzzy'>): LabelMatch | null {
  if (!match || !used.has(match.key) || levelOf(match.key) !== 2) return null;
  const again = matchLabel(label, { ...ctx, statement: statementOfKey(match.key), mainGroup: parentOf(match.key), subGroup: match.key });
  return again && !used.has(again.key) && parentOf(again.key) === match.key ? again : null;
}
