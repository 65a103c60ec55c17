import { companyHistory } from '../db/queries/statements.ts';
import { storedAnalysisOf } from '../db/queries/history.ts';
import { bundledPriceIndices } from '../db/price-indices.ts';
import type { Basis } from '../domain/statement-basis.ts';
import { digestCompanies, getSubscription, previousAlertIds } from '../db/queries/digests.ts';
import { digestSections, type CompanySeries } from '../domain/digest-content.ts';
import { addPeriodItems } from '../domain/money.ts';
import type { Items } from '../domain/types.ts';
import type { OutgoingMessage } from '../contracts/outgoing.ts';
import type { ActivityDeps } from './deps.ts';
import type { Locale } from '../contracts/locale.ts';

export interface PreparedDigest {
  message: OutgoingMessage | null;
  chartKey: string | null;
  alertIds: string[];
  /** An alerts-only subscription found no alert it has not reported before. */
  nothingNew?: boolean;
}

/** Builds one digest from the companies' stored history (nothing is posted here). */
export function createPrepareDigest(deps: ActivityDeps) {
  return async function prepareDigest(input: { subscriptionId: number; runKey: string; locale?: Locale }): Promise<PreparedDigest> {
    const { db } = deps;
    const locale = input.locale ?? 'tr';
    const sub = await getSubscription(db, null, input.subscriptionId);
    if (!sub) return { message: null, chartKey: null, alertIds: [] };
    const companies: CompanySeries[] = [];
    for (const c of await digestCompanies(db, sub.workspace_id, sub.company_id)) {
      const items: Items = {};
      const basis: Record<string, { basis: Basis }> = {};
      const months: Record<string, number> = {};
      for (const row of await companyHistory(db, c.id)) {
        addPeriodItems(items, row.period_end, row.items);
        const analysis = row.document_id === null ? undefined : (await storedAnalysisOf(db, row.document_id))?.analysis;
        const found = analysis?.basis?.[row.period_end];
        if (found) basis[row.period_end] = { basis: found.basis };
        const length = analysis?.periodLengths?.[row.period_end];
        if (length) months[row.period_end] = length.months;
      }
      companies.push({ name: c.name, items, basis, months });
    }
    const indices = deps.priceIndices ?? (await bundledPriceIndices());
    const sections = digestSections(companies, await previousAlertIds(db, sub.id), locale, indices[deps.config.PRICE_INDEX]);
    const alertIds = sections.flatMap((s) => s.alertIds);
    // "Alerts only" stays quiet unless something new crossed a threshold.
    if (sub.alerts_only && alertIds.length === 0) return { message: null, chartKey: null, alertIds, nothingNew: true };
    const tr = locale === 'tr';
    const message: OutgoingMessage = {
      title: tr ? `Dönem karşılaştırma özeti (${sub.cadence === 'weekly' ? 'haftalık' : sub.cadence === 'monthly' ? 'aylık' : 'çeyreklik'})` : `Period comparison digest (${sub.cadence})`,
      text: sections.length ? (tr ? `${sections.length} şirket` : `${sections.length} companies`) : tr ? 'Bu çalışma alanında henüz şirket yok.' : 'No companies in this workspace yet.',
      sections: sections.map((s) => ({ title: `${s.company}${s.from ? ` — ${s.from.slice(0, 4)} → ${s.to?.slice(0, 4)}` : ''}`, lines: s.lines.length ? s.lines : [tr ? 'Önemli bir değişiklik yok.' : 'No significant change.'] })),
    };
    const first = sections.find((s) => s.ratios.length);
    let chartKey: string | null = null;
    if (first) {
      // Loaded here, not at the top: the worker's main thread otherwise carries chart.js and Skia.
      const { renderChart } = await import('../reports/chart-renderer.ts');
      const png = await renderChart({
        name: 'digest',
        width: 900,
        height: 500,
        config: {
          type: 'bar',
          data: {
            labels: first.ratios.map((r) => r.name),
            datasets: [
              { label: first.from!.slice(0, 4), data: first.ratios.map((r) => r.from), backgroundColor: '#a0aec0' },
              { label: first.to!.slice(0, 4), data: first.ratios.map((r) => r.to), backgroundColor: '#2b6cb0' },
            ],
          },
          options: { plugins: { title: { display: true, text: first.company, font: { size: 18 } } } },
        },
      }, deps.config.QUICKCHART_URL);
      chartKey = await deps.storage.putAt(`digests/${input.runKey.replace(/[^\w.-]/g, '_')}.png`, png);
    }
    return { message, chartKey, alertIds };
  };
}
