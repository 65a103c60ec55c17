import type { Analysis } from './analysis-contract.ts';
import { formatRatioValue, type Locale } from './format-number.ts';
import { RATIO_DEFINITIONS, RATIO_IDS } from './ratio-definitions.ts';

const T = {
  tr: {
    title: 'Finansal Analiz Özeti',
    company: 'Şirket', taxId: 'VKN', periods: 'Dönemler', unit: 'Birim', source: 'Kaynak dosya',
    validation: 'Doğrulama', confidence: 'güven', alerts: 'Uyarılar', none: 'Uyarı yok.',
    ratios: 'Oranlar', ratio: 'Oran', formula: 'Formül', failed: 'Tutmayan kontroller',
    status: { ok: 'tutarlı', warnings: 'uyarılarla', failed: 'tutarsızlık var' },
    method: { text: 'PDF metni', ocr: 'OCR', vision: 'görsel model', mixed: 'karma' },
    note: 'Genel kabul gören aralıklar ders kitabı kurallarıdır, sektör karşılaştırması değildir.',
  },
  en: {
    title: 'Financial Analysis Summary',
    company: 'Company', taxId: 'Tax ID', periods: 'Periods', unit: 'Unit', source: 'Source file',
    validation: 'Validation', confidence: 'confidence', alerts: 'Alerts', none: 'No alerts.',
    ratios: 'Ratios', ratio: 'Ratio', formula: 'Formula', failed: 'Checks that do not tie',
    status: { ok: 'consistent', warnings: 'with warnings', failed: 'inconsistent' },
    method: { text: 'PDF text', ocr: 'OCR', vision: 'vision model', mixed: 'mixed' },
    note: 'Rules of thumb are general textbook ranges, not sector benchmarks.',
  },
} as const;

/** The report-length summary as Markdown, from the stored analysis only. */
export function summaryMarkdown(a: Analysis, locale: Locale = 'tr'): string {
  const t = T[locale];
  const periods = [...a.periods].sort().reverse();
  const out: string[] = [];
  out.push(`# ${t.title}: ${a.company.name ?? '—'}`, '');
  out.push(`- ${t.company}: ${a.company.name ?? '—'}${a.company.taxId ? ` (${t.taxId} ${a.company.taxId})` : ''}`);
  out.push(`- ${t.periods}: ${periods.join(', ')}`);
  out.push(`- ${t.unit}: ${a.unit} (${a.currency}) · ${t.source}: ${a.document.file} (${t.method[a.document.method]})`);
  out.push(`- ${t.validation}: ${t.status[a.validation.status]}, ${t.confidence} ${formatRatioValue(a.validation.confidence, 'percent', locale)}`);
  out.push('', `## ${t.alerts}`, '');
  if (!a.alerts.length) out.push(t.none);
  const order = { critical: 0, warning: 1, info: 2 } as const;
  const shown = [...a.alerts].sort((x, y) => order[x.severity] - order[y.severity]).slice(0, 12);
  for (const al of shown) out.push(`- ${al.severity === 'critical' ? '🔴' : al.severity === 'warning' ? '🟠' : 'ℹ️'} ${al.message}`);
  if (a.alerts.length > shown.length) out.push(`- … +${a.alerts.length - shown.length}`);
  out.push('', `## ${t.ratios}`, '');
  out.push(`| ${t.ratio} | ${periods.join(' | ')} | ${t.formula} |`);
  out.push(`| --- | ${periods.map(() => '---:').join(' | ')} | --- |`);
  for (const id of RATIO_IDS) {
    const def = RATIO_DEFINITIONS[id];
    const cells = periods.map((p) => formatRatioValue(a.ratios[id]?.[p] ?? null, def.kind, locale));
    out.push(`| ${def.name[locale]} | ${cells.join(' | ')} | ${def.formula[locale]} |`);
  }
  out.push('', `_${t.note}_`);
  const failed = a.validation.checks.filter((c) => !c.ok);
  if (failed.length) {
    out.push('', `## ${t.failed}`, '');
    for (const c of failed) out.push(`- ${c.id} (${c.period}): ${c.expected} ≠ ${c.actual}${c.message ? ` — ${c.message}` : ''}`);
  }
  return out.join('\n') + '\n';
}
