import { mkdir, readlink, symlink, unlink, copyFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type ModelVariant = 'full' | 'best_int';

interface LangPackage {
  code: string;
  gzip: boolean;
  langPath: string;
}

/**
 * tesseract.js takes ONE langPath for all languages, while each @tesseract.js-data package
 * ships its own folder: this makes a folder under the temp dir holding both
 * `<code>.traineddata.gz` files as symlinks (copies where symlinks are not allowed), so
 * `tur+eng` loads with nothing fetched from the network.
 */
export async function prepareLangPath(langs: string[], variant: ModelVariant = 'best_int', baseDir = os.tmpdir()): Promise<string> {
  const dir = path.join(baseDir, `smart-lodge-budget-tessdata-${variant}`);
  await mkdir(dir, { recursive: true });
  for (const code of langs) {
    const pkg = require(`@tesseract.js-data/${code}`) as LangPackage;
    const srcDir = variant === 'full' ? pkg.langPath : `${pkg.langPath}_best_int`;
    const src = path.join(srcDir, `${code}.traineddata.gz`);
    await stat(src);
    const dest = path.join(dir, `${code}.traineddata.gz`);
    const current = await readlink(dest).catch(() => null);
    if (current === src) continue;
    await unlink(dest).catch(() => {});
    await symlink(src, dest).catch(() => copyFile(src, dest));
  }
  return dir;
}
