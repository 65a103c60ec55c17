import type { Locale } from '../../contracts/locale.ts';
import { inert } from '../../contracts/outgoing.ts';

const t = (locale: Locale, tr: string, en: string) => (locale === 'tr' ? tr : en);

/** The one question about a company's sector, posted after its first analysis. */
export function sectorQuestionText(company: string | null, hasChoices: boolean, locale: Locale): string {
  const name = company ? inert(company) : t(locale, 'bu şirket', 'this company');
  const pick = hasChoices ? t(locale, ' ya da aşağıdaki tablolardan birini seçin', ', or pick one of the tables below') : '';
  return t(
    locale,
    `📌 ${name} oranlarını sektörüyle karşılaştırabilmem için sektörünü NACE koduyla yazın (örneğin \`sektör C10\` ya da \`sektör 51.10\`)${pick}. Bunu bir kez soruyorum; yanıtınız şirketin sonraki tablolarında da kullanılır.`,
    `📌 To compare ${name}'s ratios with its sector, reply with its NACE code (e.g. \`sector C10\` or \`sector 51.10\`)${pick}. I ask this once; your answer is used for the company's later statements too.`,
  );
}

/** The answer to a sector command: what was stored and, when a table is loaded, the positions. */
export function sectorSavedText(company: string | null, code: string, positions: readonly string[], locale: Locale): string {
  const name = company ? inert(company) : t(locale, 'şirket', 'the company');
  const head = t(locale, `✅ ${name} için sektör kaydedildi: ${code}.`, `✅ Sector saved for ${name}: ${code}.`);
  return [head, ...positions].join('\n');
}

export function sectorInvalidText(raw: string, locale: Locale): string {
  return t(
    locale,
    `“${inert(raw)}” bir NACE kodu değil. Bölüm harfi ve bölüm numarası yazın, örneğin \`sektör C10\`, \`sektör H51\` ya da sınıf kodu \`sektör 51.10\`.`,
    `“${inert(raw)}” is not a NACE code. Give the section letter and division, e.g. \`sector C10\`, \`sector H51\`, or a class code such as \`sector 51.10\`.`,
  );
}

export function sectorNoCompanyText(locale: Locale): string {
  return t(
    locale,
    'Sektörü kaydedeceğim bir şirket bu sohbette yok; önce şirketin bir tablosunu gönderin.',
    'There is no company in this conversation to store a sector for; send one of its statements first.',
  );
}
