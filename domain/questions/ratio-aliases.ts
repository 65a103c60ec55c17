import { RATIO_DEFINITIONS, RATIO_IDS, type RatioFamily, type RatioId } from '../ratio-definitions.ts';
import { foldTurkish } from '../turkish-text.ts';

/**
 * What people call the ratios in chat, Turkish and English, with the usual abbreviations.
 * Everything is matched on `foldTurkish` tokens ("CARİ ORANI" → "cari orani"), so the lists
 * are written naturally and folded once. The official names of RATIO_DEFINITIONS are added
 * automatically. Ambiguous single words ("oran", "ratio", "cari", "current") are deliberately
 * absent; "likidite oranı" is the acid-test ratio (its Turkish textbook name), while "likidite"
 * alone is the liquidity family.
 */
const EXTRA: Record<RatioId, readonly string[]> = {
  current_ratio: ['cari oran', 'cari rasyo', 'current ratio', 'working capital ratio'],
  acid_test_ratio: [
    'asit test', 'asit test oranı', 'asit-test', 'likidite oranı', 'likidite rasyosu', 'hızlı oran', 'çabuk oran',
    'acid test', 'acid-test ratio', 'quick ratio',
  ],
  cash_ratio: ['nakit oranı', 'nakit oran', 'nakit rasyosu', 'hazır değerler oranı', 'mutlak likidite', 'cash ratio'],
  inventory_dependency_ratio: ['stok bağımlılık', 'stoklara bağımlılık', 'stok bağımlılığı', 'inventory dependency'],
  net_working_capital: [
    'net çalışma sermayesi', 'net işletme sermayesi', 'çalışma sermayesi', 'işletme sermayesi', 'nçs',
    'net working capital', 'working capital', 'nwc',
  ],
  gross_margin: ['brüt kar marjı', 'brüt karı marjı', 'brüt marj', 'brüt satış karı marjı', 'brüt karlılık', 'gross margin', 'gross profit margin'],
  operating_margin: [
    'faaliyet kar marjı', 'faaliyet karı marjı', 'esas faaliyet kar marjı', 'faaliyet marjı',
    'operating margin', 'operating profit margin', 'ebit margin', 'ebit marjı',
  ],
  net_margin: [
    'net kar marjı', 'net karı marjı', 'net marj', 'kar marjı', 'net satış karlılığı', 'net karlılık',
    'net margin', 'net profit margin', 'profit margin',
  ],
  operating_expense_ratio: [
    'faaliyet giderleri oranı', 'faaliyet gider oranı', 'faaliyet giderleri net satışlar', 'faaliyet giderlerinin satışlara oranı',
    'operating expense ratio', 'operating expenses ratio', 'opex ratio', 'opex',
  ],
  return_on_assets: ['aktif karlılığı', 'aktif karlılık', 'aktif karlılık oranı', 'varlık karlılığı', 'aktif getirisi', 'return on assets', 'roa'],
  return_on_equity: [
    'özkaynak karlılığı', 'özkaynak karlılık', 'özsermaye karlılığı', 'öz sermaye karlılığı', 'özkaynak getirisi',
    'return on equity', 'roe',
  ],
  inventory_turnover: ['stok devir hızı', 'stok devir', 'stok devri', 'inventory turnover', 'stock turnover'],
  receivables_turnover: [
    'alacak devir hızı', 'alacak devir', 'alacak devri', 'alacakların devir hızı',
    'receivables turnover', 'receivable turnover', 'debtor turnover',
  ],
  asset_turnover: ['aktif devir hızı', 'aktif devir', 'varlık devir hızı', 'toplam varlık devir hızı', 'asset turnover', 'total asset turnover', 'total assets turnover'],
  current_asset_turnover: [
    'dönen varlık devir hızı', 'dönen varlıklar devir hızı', 'dönen varlık devir', 'dönen varlıkların devir hızı',
    'current asset turnover', 'current assets turnover',
  ],
  debt_ratio: [
    'kaldıraç oranı', 'kaldıraç', 'finansal kaldıraç', 'borç oranı', 'borçluluk oranı', 'yabancı kaynak oranı',
    'debt ratio', 'leverage', 'leverage ratio', 'financial leverage',
  ],
  equity_ratio: ['özkaynak oranı', 'özsermaye oranı', 'öz sermaye oranı', 'özkaynakların aktife oranı', 'equity ratio'],
  debt_to_equity: [
    'yabancı kaynaklar özkaynaklar', 'yabancı kaynak özkaynak', 'yabancı kaynakların özkaynaklara oranı', 'borç özkaynak', 'borç özkaynak oranı',
    'finansman oranı', 'debt to equity', 'debt equity', 'debt to equity ratio', 'd/e', 'gearing',
  ],
  short_term_debt_share: [
    'kvyk pasif toplamı', 'kvyk oranı', 'kısa vadeli yabancı kaynaklar pasif toplamı', 'kısa vadeli yabancı kaynak oranı',
    'kısa vadeli borç oranı', 'kısa vadeli borç payı',
    'short term debt share', 'short term debt ratio', 'short term liabilities to total funding', 'short term liabilities ratio',
  ],
  fixed_assets_to_equity: [
    'duran varlıklar özkaynaklar', 'duran varlık özkaynak', 'duran varlıkların özkaynaklara oranı',
    'fixed assets to equity', 'fixed assets equity', 'non current assets to equity',
  ],
  interest_coverage: [
    'faiz karşılama', 'faiz karşılama oranı', 'faiz karşılama gücü', 'faiz karşılama rasyosu',
    'interest coverage', 'interest coverage ratio', 'interest cover', 'times interest earned',
  ],
  // Days metrics: a "süre" / "gün" / "days" phrase is longer than the turnover alias it contains,
  // and the longest match wins, so "stok devir süresi" is DIO while "stok devir hızı" stays the turnover.
  days_sales_outstanding: [
    'alacak tahsil süresi', 'tahsil süresi', 'tahsilat süresi', 'ortalama tahsil süresi', 'alacak devir süresi', 'alacak süresi',
    'alacak gün sayısı', 'alacakların tahsil süresi', 'tahsilat günü', 'vade günü', 'alacak vadesi', 'ortalama tahsilat süresi',
    'days sales outstanding', 'dso', 'collection period', 'average collection period', 'receivable days', 'receivables days', 'debtor days',
  ],
  days_inventory_outstanding: [
    'stok devir süresi', 'stok gün sayısı', 'stok süresi', 'stokta kalma süresi', 'stok bekleme süresi', 'stokların devir süresi',
    'stok tutma süresi', 'days inventory outstanding', 'days inventory', 'dio', 'inventory days', 'stock days', 'days in inventory',
  ],
  days_payables_outstanding: [
    'borç devir süresi', 'borç ödeme süresi', 'ticari borç ödeme süresi', 'borç ödeme günü', 'borçların ödeme süresi',
    'ticari borç devir süresi', 'tedarikçi ödeme süresi', 'satıcılara ödeme süresi', 'ödeme süresi',
    'days payables outstanding', 'days payable outstanding', 'dpo', 'payable days', 'payables days', 'creditor days', 'payment period',
  ],
  cash_conversion_cycle: [
    'nakit dönüşüm süresi', 'nakit dönüşüm döngüsü', 'nakit döngüsü', 'nakit döngü', 'nakit dönüşüm', 'nakit çevrim süresi', 'nakit dönüş süresi', 'nakit döngü süresi',
    'cash conversion cycle', 'cash cycle', 'ccc', 'cash to cash cycle', 'cash conversion',
  ],
};

const FAMILY_WORDS: Record<RatioFamily, readonly string[]> = {
  liquidity: ['likidite', 'likidite oranları', 'liquidity', 'liquidity ratios', 'ödeme gücü'],
  profitability: ['karlılık', 'kârlılık', 'karlılık oranları', 'profitability', 'margins', 'marjlar', 'kar marjları'],
  efficiency: ['faaliyet oranları', 'devir hızları', 'devir hızı', 'verimlilik', 'efficiency', 'efficient', 'turnover', 'turnovers', 'activity ratios'],
  solvency: ['mali yapı', 'finansal yapı', 'mali yapı oranları', 'sermaye yapısı', 'borçluluk', 'kaldıraç oranları', 'solvency', 'capital structure', 'leverage ratios'],
};

export type Phrase = readonly string[];
export interface PhraseMatch<T> {
  value: T;
  start: number;
  /** Exclusive token index. */
  end: number;
}

const tokensOf = (s: string): string[] => foldTurkish(s).split(' ').filter(Boolean);

// Short tokens only take a Turkish case ending ("roe'si" folds to "roe si" anyway); longer ones
// any suffix, including a softened final consonant (karlılık → karlılığı: "karlilik" → "karliligi").
const SHORT_SUFFIXES = new Set(['', 'i', 'in', 'e', 'a', 'u', 'yi', 'si', 'nin', 'ye', 'ya']);
const SOFTEN: Record<string, string> = { k: 'g', t: 'd', p: 'b' };

export function tokenMatches(aliasToken: string, textToken: string): boolean {
  if (aliasToken === textToken) return true;
  if (aliasToken.length === 1) return false;
  if (aliasToken.length <= 3) {
    return textToken.startsWith(aliasToken) && SHORT_SUFFIXES.has(textToken.slice(aliasToken.length));
  }
  if (textToken.startsWith(aliasToken)) return textToken.length - aliasToken.length <= 9;
  // A compound's possessive ending gives way to the speaker's own: "sermayesi" → "sermayemiz",
  // "oranı" → "oranımız". Only on stems of five letters or more, so "karı" does not become "kar…".
  const possessive = /(si|i)$/.exec(aliasToken);
  if (possessive) {
    const stem = aliasToken.slice(0, -possessive[0].length);
    if (stem.length >= 5 && textToken.startsWith(stem) && textToken.length - stem.length <= 9) return true;
  }
  const last = aliasToken.charAt(aliasToken.length - 1);
  const soft = SOFTEN[last];
  if (soft) {
    const stem = aliasToken.slice(0, -1) + soft;
    return textToken.startsWith(stem) && textToken.length > stem.length;
  }
  return false;
}

function matchAt(tokens: readonly string[], phrase: Phrase, at: number): boolean {
  if (at + phrase.length > tokens.length) return false;
  return phrase.every((p, i) => tokenMatches(p, tokens[at + i]!));
}

/** All matches of a phrase table, longest first (by tokens, then characters), then earliest. */
function findAll<T>(tokens: readonly string[], table: readonly (readonly [T, Phrase])[]): PhraseMatch<T>[] {
  const out: (PhraseMatch<T> & { chars: number })[] = [];
  for (let at = 0; at < tokens.length; at++) {
    for (const [value, phrase] of table) {
      if (matchAt(tokens, phrase, at)) out.push({ value, start: at, end: at + phrase.length, chars: phrase.join(' ').length });
    }
  }
  return out
    .sort((a, b) => b.end - b.start - (a.end - a.start) || b.chars - a.chars || a.start - b.start)
    .map(({ value, start, end }) => ({ value, start, end }));
}

function table<T extends string>(entries: [T, readonly string[]][]): (readonly [T, Phrase])[] {
  const seen = new Set<string>();
  const rows: (readonly [T, Phrase])[] = [];
  for (const [value, phrases] of entries) {
    for (const p of phrases) {
      const tokens = tokensOf(p);
      const key = `${value}:${tokens.join(' ')}`;
      if (tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      rows.push([value, tokens]);
    }
  }
  return rows;
}

/** Every alias of every ratio, folded to tokens: the official tr/en names plus EXTRA. */
export const RATIO_ALIASES: readonly (readonly [RatioId, Phrase])[] = table(
  RATIO_IDS.map((id) => [id, [RATIO_DEFINITIONS[id].name.tr, RATIO_DEFINITIONS[id].name.en, ...EXTRA[id]]]),
);
export const FAMILY_ALIASES: readonly (readonly [RatioFamily, Phrase])[] = table(
  (Object.keys(FAMILY_WORDS) as RatioFamily[]).map((f) => [f, FAMILY_WORDS[f]]),
);

/** The best (longest, then earliest) ratio mentioned in folded tokens. */
export function findRatio(tokens: readonly string[]): PhraseMatch<RatioId> | null {
  return findAll(tokens, RATIO_ALIASES)[0] ?? null;
}

export function findFamily(tokens: readonly string[]): PhraseMatch<RatioFamily> | null {
  return findAll(tokens, FAMILY_ALIASES)[0] ?? null;
}

/** A ratio id from free text or an id itself ("current_ratio", "cari oran", "ROE"). */
export function ratioFromText(text: string): RatioId | null {
  const raw = text.trim();
  if ((RATIO_IDS as readonly string[]).includes(raw)) return raw as RatioId;
  return findRatio(tokensOf(raw.replace(/_/g, ' ')))?.value ?? null;
}

export { tokensOf };
