import { CODE_ALIASES, nameOf } from '../chart-of-accounts.ts';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioId } from '../ratio-definitions.ts';
import { INPUT_NAMES, type InputName, INPUT_LABELS } from '../statement-inputs.ts';
import { foldTurkish } from '../turkish-text.ts';
import { FAMILY_NAMES, hasAnalysis, inputsFor, isWeakness, ratioValue, resolvePeriod, ruleStatus, TEXTBOOK_NOTE, tx, validationNote, view, Writer, type AnalysedContext, type Answer, type AnswerContext, type DataView, type L } from './answer-writer.ts';
import { answerGrowth, answerJudgement, answerLineValue } from './answers-owner.ts';
import type { Intent } from '../questions/intents.ts';
import { closestQuestions } from '../questions/suggestions.ts';
import { answerCompare, answerWhy, displayName } from './answers-compare.ts';
import { answerRatios, answerRatioValue, noPeriod } from './answers-ratio.ts';
import type { Locale } from '../../contracts/locale.ts';
export { displayName };
export { numberTokens, unsupportedNumbers, type NumberToken } from './answer-numbers.ts';
export { hasAnalysis, resolvePeriod, type AnalysedContext, type Answer, type AnswerContext, type Attachment, type Citation } from './answer-writer.ts';

/**
 * Answers to chat questions, computed only from stored data (analysis.json and, when given,
 * earlier analyses of the same company). Every number the text shows is pushed to
 * `citations` as it is formatted, so a caller (or the LLM answerer's validator) can check
 * that nothing in the text was made up. Turkish answers use Turkish number formatting
 * (`1,52`, `%25,3`, `15.234.000 TL`); rules of thumb are worded as general textbook rules,
 * never as sector benchmarks.
 */

/** What each ratio tells, one sentence, for definitions. */
const MEANING: Record<RatioId, L> = {
  current_ratio: { tr: 'Kısa vadeli borçların dönen varlıklarla ne ölçüde karşılanabildiğini gösterir.', en: 'Shows how far short-term liabilities are covered by current assets.' },
  acid_test_ratio: { tr: 'Stoklar satılmadan kısa vadeli borçların ne ölçüde ödenebileceğini gösterir.', en: 'Shows how far short-term liabilities could be paid without selling inventory.' },
  cash_ratio: { tr: 'Yalnızca nakit ve menkul kıymetlerle kısa vadeli borçların ne kadarının karşılanabildiğini gösterir.', en: 'Shows how much of the short-term liabilities cash and securities alone would cover.' },
  inventory_dependency_ratio: { tr: 'Kısa vadeli borçların ödenmesinin stokların satışına ne kadar bağlı olduğunu gösterir.', en: 'Shows how much paying short-term liabilities depends on selling inventory.' },
  net_working_capital: { tr: 'Dönen varlıkların kısa vadeli borçları aşan kısmıdır (tutar).', en: 'The part of current assets in excess of short-term liabilities (an amount).' },
  gross_margin: { tr: 'Satışların ne kadarının satışların maliyeti düşüldükten sonra kaldığını gösterir.', en: 'Shows how much of sales is left after the cost of sales.' },
  operating_margin: { tr: 'Esas faaliyetlerden satışların ne kadarının kar olarak kaldığını gösterir.', en: 'Shows how much of sales remains as profit from core operations.' },
  net_margin: { tr: 'Satışların ne kadarının dönem net karına dönüştüğünü gösterir.', en: 'Shows how much of sales turns into net profit.' },
  operating_expense_ratio: { tr: 'Faaliyet giderlerinin satışlara göre büyüklüğünü gösterir.', en: 'Shows operating expenses relative to sales.' },
  return_on_assets: { tr: 'Varlıkların ne kadar kar ürettiğini gösterir.', en: 'Shows how much profit the assets generate.' },
  return_on_equity: { tr: 'Ortakların koyduğu özkaynağın ne kadar kar ürettiğini gösterir.', en: 'Shows how much profit the shareholders’ equity generates.' },
  inventory_turnover: { tr: 'Stokların bir yılda kaç kez satışa dönüştüğünü gösterir.', en: 'Shows how many times a year inventory is turned into sales.' },
  receivables_turnover: { tr: 'Ticari alacakların bir yılda kaç kez tahsil edildiğini gösterir.', en: 'Shows how many times a year trade receivables are collected.' },
  asset_turnover: { tr: 'Varlıkların ne kadar satış ürettiğini gösterir.', en: 'Shows how much sales the assets generate.' },
  current_asset_turnover: { tr: 'Dönen varlıkların ne kadar satış ürettiğini gösterir.', en: 'Shows how much sales the current assets generate.' },
  debt_ratio: { tr: 'Varlıkların ne kadarının borçla finanse edildiğini gösterir.', en: 'Shows how much of the assets is financed by debt.' },
  equity_ratio: { tr: 'Varlıkların ne kadarının özkaynakla finanse edildiğini gösterir.', en: 'Shows how much of the assets is financed by equity.' },
  debt_to_equity: { tr: 'Her bir lira özkaynağa karşılık ne kadar borç olduğunu gösterir.', en: 'Shows how much debt there is for each unit of equity.' },
  short_term_debt_share: { tr: 'Toplam kaynakların ne kadarının kısa vadeli borç olduğunu gösterir.', en: 'Shows how much of total funding is short-term debt.' },
  fixed_assets_to_equity: { tr: 'Duran varlıkların ne ölçüde özkaynakla finanse edildiğini gösterir.', en: 'Shows how far non-current assets are financed by equity.' },
  interest_coverage: { tr: 'Faaliyet sonucunun finansman giderlerini kaç kez karşıladığını gösterir.', en: 'Shows how many times earnings cover finance expenses.' },
  days_sales_outstanding: { tr: 'Satışların tahsil edilmesinin ortalama kaç gün sürdüğünü gösterir (dönem sonu alacaklarla).', en: 'Shows how many days sales take to be collected on average (period-end receivables).' },
  days_inventory_outstanding: { tr: 'Stokların satılana kadar ortalama kaç gün beklediğini gösterir.', en: 'Shows how many days inventory waits on average before it is sold.' },
  days_payables_outstanding: { tr: 'Tedarikçilere ortalama kaç günde ödeme yapıldığını gösterir.', en: 'Shows how many days on average suppliers wait to be paid.' },
  cash_conversion_cycle: { tr: 'Stoğa ve alacağa bağlanan paranın, tedarikçi kredisi düşüldükten sonra kaç günde nakde döndüğünü gösterir.', en: 'Shows how many days cash tied up in inventory and receivables takes to come back, net of supplier credit.' },
};

// ---- definitions ------------------------------------------------------------------------------

const AVERAGE_VARIANT = new Set<RatioId>(['inventory_turnover', 'receivables_turnover', 'asset_turnover', 'current_asset_turnover', 'return_on_assets', 'return_on_equity']);

function answerDefinition(w: Writer, data: DataView | null, id: RatioId): Answer {
  const def = RATIO_DEFINITIONS[id];
  const lines = [
    w.t(`${def.name.tr} (${FAMILY_NAMES[def.family].tr} grubu): ${def.formula.tr}.`, `${def.name.en} (${FAMILY_NAMES[def.family].en} family): ${def.formula.en}.`),
    MEANING[id][w.locale],
  ];
  const rule = w.rule(id);
  if (rule) {
    lines.push(w.t(`Ders kitabı kuralı: ${rule}. Bu ${TEXTBOOK_NOTE.tr}; uygun düzey sektöre göre değişir.`, `Textbook rule of thumb: ${rule}. This is ${TEXTBOOK_NOTE.en}; the right level depends on the sector.`));
  } else {
    lines.push(w.t('Bu oran için genel bir ders kitabı eşiği yok; yorum sektöre ve şirketin önceki dönemlerine göre yapılır.', 'There is no general textbook threshold for this ratio; read it against the sector and the company’s earlier periods.'));
  }
  if (AVERAGE_VARIANT.has(id)) {
    lines.push(w.t('Bazı kaynaklar dönem başı ve dönem sonu bakiyelerinin ortalamasını kullanır; burada dönem sonu bakiyeleri kullanılır.', 'Some textbooks use the average of opening and closing balances; here period-end balances are used.'));
  }
  if (id === 'inventory_turnover' || id === 'receivables_turnover') {
    w.cite(w.t('Bir yıldaki gün sayısı', 'Days in a year'), 365);
    lines.push(w.t(`Gün olarak: 365 / ${def.name.tr} (${id === 'inventory_turnover' ? 'stok gün sayısı' : 'tahsilat süresi'}).`, `In days: 365 / ${def.name.en} (${id === 'inventory_turnover' ? 'days in inventory' : 'collection period'}).`));
  }
  if (id === 'debt_to_equity') {
    lines.push(w.t('“Finansman oranı” adı hem Özkaynaklar / Yabancı Kaynaklar hem de tersi için kullanılır; burada Yabancı Kaynaklar / Özkaynaklar hesaplanır.', '“Finansman oranı” is used for both Equity / Liabilities and its inverse; here Liabilities / Equity is computed.'));
  }
  if (data && data.periods.length) {
    const parts = [...data.periods].reverse().map((p) => {
      const v = ratioValue(data, id, p);
      return `${w.period(p)}: ${v === null ? w.t('hesaplanamıyor', 'n/a') : w.ratio(id, v, p)}`;
    });
    lines.push(w.t(`Bu tabloda: ${parts.join('; ')}.`, `In this statement: ${parts.join('; ')}.`));
  }
  return w.answer(lines.join('\n'));
}

// ---- weak ratios ------------------------------------------------------------------------------

export interface WeakRatio {
  id: RatioId;
  period: string;
  value: number;
  status: 'low' | 'high';
}

/** Ratios on the weak side of their textbook rule in a period (the latest by default); above a range with no preferred side is not weak. */
export function weakRatios(ctx: AnalysedContext, period?: string): WeakRatio[] {
  const data = view(ctx);
  const p = resolvePeriod(period, data.periods);
  if (!p) return [];
  const out: WeakRatio[] = [];
  for (const id of RATIO_IDS) {
    const v = ratioValue(data, id, p);
    if (v === null) continue;
    const status = ruleStatus(id, v);
    if ((status === 'low' || status === 'high') && isWeakness(id, status)) out.push({ id, period: p, value: v, status });
  }
  return out;
}

function answerWeak(w: Writer, ctx: AnalysedContext, data: DataView): Answer {
  const period = data.periods[data.periods.length - 1];
  if (!period) return w.answer(w.t('Tabloda dönem yok.', 'The statement has no periods.'));
  const weak = weakRatios(ctx, period);
  const unrated = RATIO_IDS.filter((id) => ruleStatus(id, 0) !== null && ratioValue(data, id, period) === null);
  const lines: string[] = [];
  if (weak.length === 0) {
    lines.push(w.t(
      `${w.period(period)} itibarıyla kuralı olan oranların hepsi ders kitabı aralığında (genel kurallar; sektör karşılaştırması değildir).`,
      `As of ${w.period(period)} every ratio with a rule of thumb is within it (general textbook rules, not sector benchmarks).`,
    ));
  } else {
    lines.push(w.t(
      `${w.period(period)} itibarıyla ders kitabı kurallarının dışında kalan oranlar (genel kurallar; sektör karşılaştırması değildir):`,
      `Ratios outside their textbook rule of thumb as of ${w.period(period)} (general rules, not sector benchmarks):`,
    ));
    for (const x of weak) {
      const rule = w.rule(x.id)!;
      const where = x.status === 'low' ? w.t('altında', 'below') : w.t('üstünde', 'above');
      lines.push(w.t(
        `• ${RATIO_DEFINITIONS[x.id].name.tr}: ${w.ratio(x.id, x.value, period)} — kural: ${rule}; kuralın ${where}.`,
        `• ${RATIO_DEFINITIONS[x.id].name.en}: ${w.ratio(x.id, x.value, period)} — rule: ${rule}; ${where} it.`,
      ));
    }
  }
  if (unrated.length) {
    const names = unrated.map((id) => RATIO_DEFINITIONS[id].name[w.locale]).join(', ');
    lines.push(w.t(`Hesaplanamadığı için değerlendirilemeyen: ${names}.`, `Not assessed because they cannot be computed: ${names}.`));
  }
  lines.push(w.t('Karlılık ve devir hızlarının genel bir eşiği yok; onları dönemler arası karşılaştırma ile değerlendirin.', 'Profitability ratios and turnovers have no general threshold; judge them by comparing periods.'));
  return w.answer(lines.join('\n') + validationNote(data, w.locale));
}

// ---- a statement line (for the LLM's get_line tool) --------------------------------------------

/** A printed line's values: by key ("102", "TOTAL_ASSETS", "690"), by input ("CA") or by name ("Bankalar"). */
export function answerLine(ctx: AnalysedContext, keyOrName: string, wanted?: string): Answer & { key: string | null } {
  const w = new Writer(ctx.locale, view(ctx));
  const data = w.data!;
  const periods = wanted ? [resolvePeriod(wanted, data.periods)].filter((p): p is string => p !== null) : [...data.periods].reverse();
  if (wanted && periods.length === 0) return { ...noPeriod(w, data, wanted), key: null };
  const raw = keyOrName.trim();
  const key = data.items[raw] ? raw : data.items[CODE_ALIASES[raw] ?? ''] ? CODE_ALIASES[raw]! : findKeyByName(data, raw);
  if (key) {
    const name = displayName(nameOf(key, w.locale) ?? data.labels.get(key) ?? key, w.locale);
    const parts = periods.filter((p) => data.items[key]?.[p] !== undefined).map((p) => `${w.period(p)}: ${w.amount(name, data.items[key]![p]! / 100, p)}`);
    if (parts.length) return { ...w.answer(`${name}: ${parts.join('; ')}.`), key };
  }
  const input = (INPUT_NAMES as readonly string[]).includes(raw.toUpperCase()) ? (raw.toUpperCase() as InputName) : null;
  if (input) {
    const label = INPUT_LABELS[input][w.locale];
    const parts = periods.map((p) => {
      const v = inputsFor(data, p)[input];
      return `${w.period(p)}: ${v === null ? w.t('yok', 'n/a') : w.amount(label, v / 100, p)}`;
    });
    return { ...w.answer(`${label}: ${parts.join('; ')}.`), key: null };
  }
  return { ...w.answer(w.t(`“${raw}” kalemi tabloda bulunamadı.`, `No line “${raw}” in the statement.`)), key: null };
}

function findKeyByName(data: DataView, name: string): string | null {
  const wanted = foldTurkish(name);
  if (!wanted) return null;
  const keys = Object.keys(data.items);
  const exact = keys.find((k) => [nameOf(k, 'tr'), nameOf(k, 'en'), data.labels.get(k)].some((n) => n && foldTurkish(n) === wanted));
  if (exact) return exact;
  return keys.find((k) => [nameOf(k, 'tr'), nameOf(k, 'en'), data.labels.get(k)].some((n) => n && foldTurkish(n).includes(wanted))) ?? null;
}

// ---- help and the rest ------------------------------------------------------------------------

export function helpText(locale: Locale): string {
  return locale === 'tr'
    ? [
        'Sorabilecekleriniz:',
        '• Tüm oranlar: “oranlar”, “/ratios <yıl>”',
        '• Tek oran: “cari oran kaç?”, “ROE”, “<yıl> kaldıraç oranı”',
        '• Tablo kalemi ve değişimi: “kasada ne kadar para var?”, “net kar ne kadar?”, “satışlar ne kadar arttı?”',
        '• Değerlendirme: “şirket iyi mi?”, “kârlı mı?”, “borçlarım çok mu?”, “likidite durumum nasıl?”',
        '• Şirket seçmek için adını yazın: “<şirket> net kar marjı”; devam soruları: “peki <yıl>?”, “neden?”',
        '• Karşılaştırma: “net kar marjı karşılaştır”, “/compare”',
        '• Nedeni: “cari oran neden düştü?”',
        '• Tanım ve formül: “asit test oranı nasıl hesaplanır?”',
        '• Zayıf oranlar: “hangi oranlar zayıf?”',
        '• Grafik ve dosya: “likidite grafiği”, “excel gönder”, “PDF rapor”',
        '• Özet aboneliği: “/digest haftalık <şirket> <SS:DD>”',
        '• Dil: “English please” / “Türkçe”',
      ].join('\n')
    : [
        'You can ask:',
        '• All ratios: “ratios”, “/ratios <year>”',
        '• One ratio: “what is the current ratio?”, “ROE”, “debt ratio <year>”',
        '• Statement lines and growth: “how much cash do we have?”, “net profit?”, “how much did sales grow?”',
        '• Judgements: “is the company profitable?”, “do we have too much debt?”, “how is our liquidity?”',
        '• Name a company to pick it: “<company> net margin”; follow-ups: “and <year>?”, “why?”',
        '• Comparison: “compare net margin”, “/compare”',
        '• Why: “why did the current ratio fall?”',
        '• Definition and formula: “how is the quick ratio calculated?”',
        '• Weak ratios: “which ratios are weak?”',
        '• Charts and files: “liquidity chart”, “send excel”, “PDF report”',
        '• Digest subscription: “/digest weekly <company> <HH:MM>”',
        '• Language: “Türkçe” / “English please”',
      ].join('\n');
}

function noAnalysis(locale: Locale): Answer {
  return { text: tx(locale, 'Henüz analiz edilmiş bir tablo yok. Bir bilanço veya gelir tablosu PDF’i gönderin.', 'There is no analysed statement yet. Send a balance sheet or income statement PDF.'), citations: [] };
}

/** The answer to an intent, from stored data only. */
export function answerQuestion(intent: Intent, ctx: AnswerContext): Answer {
  const { locale } = ctx;
  switch (intent.kind) {
    case 'help':
      return { text: helpText(locale), citations: [] };
    case 'unknown': {
      // The three closest answerable questions, not the whole help text.
      const near = closestQuestions(ctx.question ?? '', locale);
      return { text: `${tx(locale, 'Bunu anlayamadım. Şunlardan birini mi sormak istediniz?', 'I did not understand that. Did you mean one of these?')}\n${near.map((q) => `• ${q}`).join('\n')}`, citations: [] };
    }
    case 'language':
      return { text: intent.locale === 'tr' ? 'Tamam, bundan sonra Türkçe yanıtlıyorum.' : 'OK, I will answer in English from now on.', citations: [] };
    case 'digest':
      return { text: tx(locale, 'Özet abonelikleri “/digest” komutuyla yönetilir.', 'Digest subscriptions are managed with the “/digest” command.'), citations: [] };
    case 'definition':
      // A definition needs no statement; the current values are added when there is one.
      if (!ctx.analysis) return answerDefinition(new Writer(locale, null), null, intent.ratioId);
      break;
    default:
      break;
  }
  if (!hasAnalysis(ctx)) return noAnalysis(locale);
  const data = view(ctx);
  const w = new Writer(locale, data);
  switch (intent.kind) {
    case 'ratios':
      return answerRatios(w, data, intent.period);
    case 'ratio_value':
      return answerRatioValue(w, data, intent.ratioId, intent.period);
    case 'compare':
      return answerCompare(w, data, intent.ratioId, intent.from, intent.to, intent.years);
    case 'why':
      return answerWhy(w, data, intent.ratioId);
    case 'definition':
      return answerDefinition(w, data, intent.ratioId);
    case 'weak':
      return answerWeak(w, ctx, data);
    case 'chart': {
      const what = intent.family ? w.t(`${FAMILY_NAMES[intent.family].tr} oranları grafiği`, `${FAMILY_NAMES[intent.family].en} ratios chart`) : w.t('Oran grafikleri', 'Ratio charts');
      return w.answer(w.t(`${what} gönderiliyor.`, `Sending the ${what.charAt(0).toLowerCase()}${what.slice(1)}.`), intent.family ? { kind: 'chart', family: intent.family } : { kind: 'chart' });
    }
    case 'export':
      return w.answer(
        intent.format === 'xlsx' ? w.t('Excel dosyası gönderiliyor.', 'Sending the Excel workbook.') : w.t('PDF raporu gönderiliyor.', 'Sending the PDF report.'),
        { kind: 'export', format: intent.format },
      );
    case 'family':
      return answerRatios(w, data, intent.period, intent.family);
    case 'line':
      return answerLineValue(w, data, intent.line, intent.period);
    case 'growth':
      return answerGrowth(w, data, intent.line, intent.from, intent.to, intent.years);
    case 'judgement':
      return answerJudgement(w, data, intent.topic);
    default:
      return answerQuestion({ kind: 'unknown' }, ctx);
  }
}

/** The periods an answer context knows (for `unsupportedNumbers`). */
export function knownPeriods(ctx: AnswerContext): string[] {
  return hasAnalysis(ctx) ? view(ctx).periods : [];
}
