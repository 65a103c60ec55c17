/**
 * A Kurumlar Vergisi Beyannamesi annex as e-Beyanname prints it: tax-office and form headings
 * on every page, an approval stamp, the taxpayer's identity block, a foreign-currency position
 * annex, then the TDHP detailed balance sheet and income statement with Roman-numeral,
 * lettered and numbered lines, labels cut at the form's field width, deductions printed
 * positive under `(-)`, and three columns: Önceki Dönem, Cari Dönem and Enflasyon Düzeltmesi
 * Sonrası Cari Dönem (the current period restated for inflation: a variant, not a period).
 */
import type { Kurus, StatementType } from '../../domain/types.ts';
import { formatAmount } from './format-amount.ts';
import { A4, Sheet } from './fuzz/sheet.ts';
import { modelTruth, type Truth } from './index.ts';
import { createRng } from './random.ts';
import { buildStatementModel, resolveOptions, type ModelLine, type StatementModel } from './statement-model.ts';

/** The restated column's key inside the model: sorts after the period it restates. */
const RESTATED = '~enflasyon';
const VARIANT_LABEL = 'Enflasyon Düzeltmesi Sonrası Cari Dönem';
/** The form's label field holds this many characters; longer names are cut. */
const LABEL_CHARS = 38;
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVYZ';
const ROW = 11;
const BOTTOM = 800;
const COLS = [372, 466, 560];

export type TaxReturnTruth = Truth & {
  template: 'tax-return';
  /** Columns that restate a period: kept apart from it, labelled as printed. */
  variants: { period: string; label: string; items: Record<string, number> }[];
};

/** Roman numerals for main groups, letters for groups, numbers for accounts, as the form prints. */
function numbered(lines: ModelLine[], kind: StatementType): string[] {
  let main = 0;
  let letter = 0;
  let number = 0;
  return lines.map((l) => {
    const name = l.label.minus ? `${l.label.tr} (-)` : l.label.tr;
    let text = name;
    if (l.kind === 'main') { text = `${ROMAN[main++]}- ${name}`; letter = 0; }
    else if (l.kind === 'sub' || (kind === 'income_statement' && l.key === 'NET_SALES')) { text = `${LETTERS[letter++]}- ${name}`; number = 0; }
    else if (l.kind === 'account') text = `${++number}- ${name}`;
    // The form's field is fixed: long names lose their end, "(-)" included.
    return text.length > LABEL_CHARS ? text.slice(0, LABEL_CHARS).trimEnd() : text;
  });
}

function pageHeader(sheet: Sheet, model: StatementModel, approval: string): number {
  const mid = A4.width / 2;
  sheet.text('T.C.', mid, 30, { size: 8, align: 'center' });
  sheet.text('GELİR İDARESİ BAŞKANLIĞI', mid, 40, { size: 8, align: 'center' });
  sheet.text(`${model.company.taxOffice.toLocaleUpperCase('tr-TR')} VERGİ DAİRESİ MÜDÜRLÜĞÜ`, mid, 52, { size: 9, bold: true, align: 'center' });
  sheet.text('KURUMLAR VERGİSİ BEYANNAMESİ', mid, 64, { size: 10, bold: true, align: 'center' });
  sheet.text(`Onay Zamanı : ${approval}`, 560, 78, { size: 7, align: 'right' });
  return 92;
}

function identityBlock(sheet: Sheet, model: StatementModel, year: string, top: number): number {
  const rows: [string, string][] = [
    ['Dönem Tipi', 'Yıllık'], ['Yılı', year], ['Vergi Kimlik Numarası', model.company.taxId],
    ['Soyadı (Unvanı)', model.company.name], ['Adı (Unvanın Devamı)', ''], ['Ticaret Sicil No', String(40000 + (model.options.seed % 50000))],
    ['İrtibat Telefon No', '0312 555 01 02'], ['Adres', model.company.address],
  ];
  sheet.text('MÜKELLEFİN', 36, top, { size: 8, bold: true });
  rows.forEach(([k, v], i) => {
    sheet.text(k, 36, top + 11 * (i + 1), { size: 7.5 });
    sheet.text(v ? `: ${v}` : ':', 150, top + 11 * (i + 1), { size: 7.5 });
  });
  return top + 11 * (rows.length + 2);
}

/** The annex: holdings in foreign currency, with their own amounts and currency names. */
function currencyAnnex(sheet: Sheet, top: number, rng: ReturnType<typeof createRng>): number {
  sheet.text('EK: YABANCI PARA POZİSYONU TABLOSU', 36, top, { size: 8, bold: true });
  const head = ['Döviz Cinsi', 'Döviz Tutarı', 'Kur', 'TL Karşılığı'];
  [36, 230, 320, 420].forEach((x, i) => sheet.text(head[i]!, x, top + 12, { size: 7.5, bold: true }));
  const rows = [['ABD Doları (USD)', 35.28], ['Avro (EUR)', 36.74]] as const;
  rows.forEach(([name, rate], i) => {
    const units = rng.int(10, 900) * 1000;
    const fmt = (v: number) => formatAmount(Math.round(v * 100), { numberFormat: 'tr', decimals: 2, negatives: 'minus', zero: '-' });
    const y = top + 24 + 11 * i;
    sheet.text(name, 36, y, { size: 7.5 });
    sheet.text(fmt(units), 290, y, { size: 7.5, align: 'right' });
    sheet.text(String(rate).replace('.', ','), 320, y, { size: 7.5 });
    sheet.text(fmt(units * rate), 490, y, { size: 7.5, align: 'right' });
  });
  return top + 24 + 11 * rows.length + 14;
}

function columnHeads(sheet: Sheet, title: string, top: number): number {
  sheet.text(title, A4.width / 2, top, { size: 9, bold: true, align: 'center' });
  sheet.text('(TL)', A4.width / 2, top + 10, { size: 7, align: 'center' });
  // The restated column's name wraps over three lines; the others sit on its last line.
  const heads = [['Önceki Dönem'], ['Cari Dönem'], ['Enflasyon Düzeltmesi', 'Sonrası', 'Cari Dönem']];
  sheet.text('Hesap Adı', 36, top + 42, { size: 7.5, bold: true });
  heads.forEach((h, i) => h.forEach((t, j) => sheet.text(t, COLS[i]!, top + 42 - (h.length - 1 - j) * 9, { size: 7, bold: true, align: 'right' })));
  sheet.hline(top + 46, 36, 560);
  return top + 58;
}

export async function renderTaxReturnPdf(model: StatementModel): Promise<Uint8Array> {
  const [previous, current] = model.options.periods as [string, string, string];
  const year = current.slice(0, 4);
  // Filed in April after the year closes: a date and a time that date nothing in the statements.
  const approval = `28.04.${Number(year) + 1} 14:32:11`;
  const sheet = await Sheet.create('sans', `${model.company.name} - Kurumlar Vergisi Beyannamesi ${year}`, Number(year) + 1);
  const rng = createRng(model.options.seed * 31 + 5);
  let top = pageHeader(sheet, model, approval);
  top = identityBlock(sheet, model, year, top);
  top = currencyAnnex(sheet, top, rng);
  const amount = (v: Kurus, minus: boolean) =>
    formatAmount(minus ? Math.abs(v) : v, { numberFormat: 'tr', decimals: 2, negatives: 'minus', zero: '0,00' });
  for (const kind of ['balance_sheet', 'income_statement'] as const) {
    const lines = kind === 'balance_sheet' ? model.balanceSheet : model.incomeStatement;
    const title = kind === 'balance_sheet' ? 'AYRINTILI BİLANÇO' : 'AYRINTILI GELİR TABLOSU';
    if (kind === 'income_statement') { sheet.newPage(); top = pageHeader(sheet, model, approval); }
    top = columnHeads(sheet, title, top);
    const labels = numbered(lines, kind);
    lines.forEach((line, i) => {
      if (top > BOTTOM) { sheet.newPage(); top = columnHeads(sheet, `${title} (devamı)`, pageHeader(sheet, model, approval)); }
      const strong = line.kind !== 'account';
      const indent = line.kind === 'account' ? 14 : line.kind === 'sub' ? 7 : 0;
      sheet.text(labels[i]!, 36 + indent, top, { size: 7, bold: strong });
      if (line.key) [previous, current, `${current}${RESTATED}`].forEach((p, c) =>
        sheet.text(amount(line.values[p] ?? 0, !!line.label.minus), COLS[c]!, top, { size: 7, bold: strong, align: 'right' }));
      top += ROW;
    });
  }
  return sheet.finish((s, i, of) => s.text(`Sayfa ${i + 1} / ${of}`, A4.width / 2, 825, { size: 6.5, align: 'center' }), 0);
}

export function taxReturnModel(seed: number, year: number): StatementModel {
  const periods = [`${year - 1}-12-31`, `${year}-12-31`, `${year}-12-31${RESTATED}`];
  const opts = resolveOptions({ seed, layout: 't1-detailed', periods, unit: 'TL', statements: ['balance_sheet', 'income_statement'] });
  return buildStatementModel(opts, createRng(seed));
}

export function taxReturnTruth(model: StatementModel): TaxReturnTruth {
  const base = modelTruth(model);
  const periods = model.options.periods.filter((p) => !p.endsWith(RESTATED));
  const restated = model.options.periods.find((p) => p.endsWith(RESTATED))!;
  const only = (values: Record<string, number>, keep: (p: string) => boolean) =>
    Object.fromEntries(Object.entries(values).filter(([p]) => keep(p)));
  const variantItems = Object.fromEntries(Object.entries(base.items).map(([k, v]) => [k, v[restated]!]));
  return {
    ...base,
    template: 'tax-return',
    periods,
    items: Object.fromEntries(Object.entries(base.items).map(([k, v]) => [k, only(v, (p) => !p.endsWith(RESTATED))])),
    itemsKurus: Object.fromEntries(Object.entries(base.itemsKurus).map(([k, v]) => [k, only(v, (p) => !p.endsWith(RESTATED))])),
    variants: [{ period: restated.replace(RESTATED, ''), label: VARIANT_LABEL, items: variantItems }],
  };
}
