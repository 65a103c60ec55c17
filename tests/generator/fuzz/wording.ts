/** The words a draw prints around the table: titles, period headers, unit and identity lines. */
import type { StatementType } from '../../../domain/types.ts';
import type { Company } from '../company.ts';
import type { LayoutDraw } from './dimensions.ts';

const TR_MONTHS = ['Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran', 'Temmuz', 'Ağustos', 'Eylül', 'Ekim', 'Kasım', 'Aralık'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const upTr = (s: string) => s.toLocaleUpperCase('tr-TR');
const parts = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return { y: y!, m: m!, d: d!, month: Number(m) - 1 };
};
export const dotted = (iso: string) => { const p = parts(iso); return `${p.d}.${p.m}.${p.y}`; };
const longDate = (iso: string, en: boolean) => {
  const p = parts(iso);
  return `${Number(p.d)} ${(en ? EN_MONTHS : TR_MONTHS)[p.month]} ${p.y}`;
};
/** First day of the twelve months that end on `iso`. */
export const yearStart = (iso: string) => {
  const p = parts(iso);
  const next = new Date(Date.UTC(Number(p.y) - 1, Number(p.m) - 1, Number(p.d) + 1));
  return next.toISOString().slice(0, 10);
};

export function titleLine(kind: StatementType, newest: string, d: LayoutDraw): string {
  const en = d.language === 'en';
  const bs = kind === 'balance_sheet';
  const p = parts(newest);
  const range = `${dotted(yearStart(newest))} - ${dotted(newest)}`;
  const unit = d.unitLine !== 'in-title' ? '' : en ? (d.unit === 'TL' ? ' (TL)' : ' (THOUSAND TL)') : d.unit === 'TL' ? ' (TL)' : ' (BİN TL)';
  let t: string;
  if (en) {
    const long = longDate(newest, true).toUpperCase();
    t = {
      tarihli: bs ? `BALANCE SHEET AS OF ${dotted(newest)}` : `INCOME STATEMENT FOR THE PERIOD ${range}`,
      itibariyla: bs ? `STATEMENT OF FINANCIAL POSITION AS AT ${long}` : `INCOME STATEMENT FOR THE YEAR ENDED ${long}`,
      yili: bs ? `BALANCE SHEET ${p.y}` : `INCOME STATEMENT ${p.y}`,
      'donem-range': bs ? `BALANCE SHEET (PERIOD ${range})` : `INCOME STATEMENT (${range})`,
    }[d.titleForm];
  } else {
    const long = upTr(longDate(newest, false));
    t = {
      tarihli: bs ? `${dotted(newest)} TARİHLİ BİLANÇO` : `${range} DÖNEMİ GELİR TABLOSU`,
      itibariyla: bs ? `${long} TARİHİ İTİBARIYLA BİLANÇO` : `${long} TARİHİNDE SONA EREN YILA AİT GELİR TABLOSU`,
      yili: bs ? `${p.y} YILI BİLANÇOSU` : `${p.y} YILI GELİR TABLOSU`,
      'donem-range': bs ? `BİLANÇO (${range} DÖNEMİ)` : `GELİR TABLOSU (${range})`,
    }[d.titleForm];
  }
  return t + unit;
}

/** The unit on its own line, or null when the title carries it. */
export function unitLine(d: LayoutDraw): string | null {
  const en = d.language === 'en';
  const bin = d.unit === 'Bin TL';
  switch (d.unitLine) {
    case 'in-title': return null;
    case 'parens': return en ? (bin ? '(Thousands of TL)' : '(TL)') : bin ? '(Bin TL)' : '(TL)';
    case 'labelled': return en ? `Currency: ${bin ? 'thousand TL' : 'TL'}` : `Para Birimi: ${bin ? 'Bin TL' : 'TL'}`;
  }
}

/** Header cells (one or two lines) for each period column, and an optional line above them. */
export function periodHeads(periods: string[], d: LayoutDraw): { cells: string[][]; above: string | null } {
  const en = d.language === 'en';
  const newest = [...periods].sort().at(-1)!;
  const year = (p: string) => parts(p).y;
  const named = (p: string) => (p === newest ? (en ? 'Current Period' : 'Cari Dönem') : en ? 'Prior Period' : 'Önceki Dönem');
  switch (d.periodHeader) {
    case 'dotted': return { cells: periods.map((p) => [dotted(p)]), above: null };
    case 'slashed': return { cells: periods.map((p) => [dotted(p).replaceAll('.', '/')]), above: null };
    case 'long-date': return { cells: periods.map((p) => [longDate(p, en)]), above: null };
    case 'year': return { cells: periods.map((p) => [year(p)]), above: null };
    case 'yili': return { cells: periods.map((p) => [en ? `Year ${year(p)}` : `${year(p)} Yılı`]), above: null };
    case 'cari-onceki': return { cells: periods.map((p) => [named(p), `(${year(p)})`]), above: null };
    case 'donem-line': return { cells: periods.map((p) => [named(p)]), above: `${en ? 'Period' : 'Dönem'}: ${periods.map(year).join(' / ')}` };
  }
}

export function identityLines(company: Company, d: LayoutDraw): { name: string; taxLine: string } {
  const en = d.language === 'en';
  const name = d.companyBlock === 'centered' ? company.name
    : d.companyBlock === 'firma-label' ? `${en ? 'Company' : 'Firma'}: ${company.name}` : `${en ? 'Entity name' : 'Unvanı'}: ${company.name}`;
  const idLabel = en
    ? { vkn: 'Tax ID', 'vergi-no': 'Tax No', 'vergi-kimlik-no': 'Tax Identification No' }[d.taxIdForm]
    : { vkn: 'VKN', 'vergi-no': 'Vergi No', 'vergi-kimlik-no': 'Vergi Kimlik No' }[d.taxIdForm];
  const office = en ? `Tax Office: ${company.taxOffice}` : `Vergi Dairesi: ${company.taxOffice}`;
  return { name, taxLine: `${office}    ${idLabel}: ${company.taxId}` };
}

/** Print furniture: a stamp or address at the top, page numbers or a print note at the bottom. */
export function furniture(d: LayoutDraw, page: number, of: number, printed: string): { top: string | null; bottom: string | null } {
  const en = d.language === 'en';
  const top = d.printHeader === 'timestamp' ? `${en ? 'Printed' : 'Yazdırma Tarihi'}: ${printed} 10:42:17`
    : d.printHeader === 'url' ? `https://portal.muhasebe-ornek.com.tr/raporlar/mali-tablo?id=48${page}21&t=${printed.replaceAll('.', '')}` : null;
  const bottom = d.printFooter === 'page-of' ? `${en ? 'Page' : 'Sayfa'} ${page + 1} / ${of}`
    : d.printFooter === 'printed-on' ? (en ? `This report was produced on ${printed} at 10:42.` : `Bu rapor ${printed} 10:42 tarihinde oluşturulmuştur.`)
      : d.printFooter === 'url-date' ? `www.muhasebe-ornek.com.tr   ${printed} 10:42   ${page + 1}/${of}` : null;
  return { top, bottom };
}
