import ExcelJS from 'exceljs';
import type { Analysis } from '../domain/analysis-contract.ts';
import { nameOf } from '../domain/chart-of-accounts.ts';
import { RATIO_DEFINITIONS, RATIO_IDS } from '../domain/ratio-definitions.ts';
import type { Locale } from '../domain/format-number.ts';

/** A workbook an accountant can open: the statement as printed, the ratios, the checks. */
export async function buildWorkbook(a: Analysis, locale: Locale = 'tr'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Smart Lodge Budget';
  const periods = [...a.periods];
  const tr = locale === 'tr';

  const st = wb.addWorksheet(tr ? 'Tablo' : 'Statement', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  st.addRow([tr ? 'Kod' : 'Code', tr ? 'Hesap' : 'Account', ...periods]).font = { bold: true };
  for (const line of a.lines) {
    st.addRow([line.key ?? '', line.key ? nameOf(line.key, locale) ?? line.label : line.label, ...periods.map((p) => line.values[p] ?? null)]);
  }
  st.getColumn(1).width = 22;
  st.getColumn(2).width = 48;
  periods.forEach((_, i) => {
    st.getColumn(3 + i).width = 18;
    st.getColumn(3 + i).numFmt = '#,##0.00;[Red](#,##0.00)';
  });

  const rs = wb.addWorksheet(tr ? 'Oranlar' : 'Ratios', { views: [{ state: 'frozen', ySplit: 1 }] });
  rs.addRow([tr ? 'Oran' : 'Ratio', ...periods, tr ? 'Formül' : 'Formula']).font = { bold: true };
  for (const id of RATIO_IDS) {
    const def = RATIO_DEFINITIONS[id];
    rs.addRow([def.name[locale], ...periods.map((p) => a.ratios[id]?.[p] ?? null), def.formula[locale]]);
  }
  rs.getColumn(1).width = 40;
  rs.getColumn(periods.length + 2).width = 60;
  periods.forEach((_, i) => (rs.getColumn(2 + i).numFmt = '0.00'));

  const vs = wb.addWorksheet(tr ? 'Doğrulama' : 'Validation');
  vs.addRow([tr ? 'Kontrol' : 'Check', tr ? 'Dönem' : 'Period', tr ? 'Sonuç' : 'Result', tr ? 'Beklenen' : 'Expected', tr ? 'Okunan' : 'Actual']).font = { bold: true };
  for (const c of a.validation.checks) vs.addRow([c.id, c.period ?? '', c.ok ? 'OK' : tr ? 'TUTMUYOR' : 'FAILED', c.expected ?? null, c.actual ?? null]);
  vs.getColumn(1).width = 36;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
