import { foldTurkish } from '../../domain/turkish-text.ts';

/** "Örnek Gıda San. ve Tic. A.Ş.", 2023–2024 → "ornek-gida-san-ve-tic-a-s-2024-": files say whose and when. */
export function exportPrefix(company: string | null, periods: readonly string[]): string {
  const name = foldTurkish(company ?? '').replace(/ /g, '-').slice(0, 40).replace(/-+$/, '');
  const year = [...periods].sort().at(-1)?.slice(0, 4) ?? '';
  return [name, year].filter(Boolean).map((x) => `${x}-`).join('');
}
