/**
 * The folder name for one input file's results under the CLI's --out folder. A file name is
 * user input: "...pdf", "..", "a/../../b.pdf" or control characters must never turn into a
 * path outside --out, and the name is never empty. Names already taken get a numeric suffix,
 * so two inputs with one name do not overwrite each other.
 */
export function outputFolderName(fileName: string, taken: Set<string> = new Set()): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.pdf$/i, '');
  const cleaned = stem
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  const name = cleaned || 'document';
  let unique = name;
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name}-${n}`;
  taken.add(unique.toLowerCase());
  return unique;
}
