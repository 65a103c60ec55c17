import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { outputFolderName } from '../../lib/output-folder.ts';

describe('CLI output folder names from hostile file names', () => {
  it('stays inside --out and is never empty', () => {
    const out = path.resolve('/tmp/out');
    const names = ['...pdf', '..pdf', '..', '.', '.pdf', 'a/../../b.pdf', '..\\..\\evil.pdf', '  .. .pdf', 'bilan\u0000ço\n.pdf', ''];
    for (const n of names) {
      const folder = outputFolderName(n);
      assert.ok(folder.length > 0, JSON.stringify(n));
      const dir = path.join(out, folder);
      assert.equal(path.dirname(dir), out, `${JSON.stringify(n)} -> ${folder}`);
      assert.doesNotMatch(folder, /[\u0000-\u001f/\\]/);
    }
  });

  it('keeps ordinary names and separates equal ones', () => {
    const taken = new Set<string>();
    assert.equal(outputFolderName('statements/Örnek Bilanço 2024.PDF', taken), 'Örnek Bilanço 2024');
    assert.equal(outputFolderName('other/örnek bilanço 2024.pdf', taken), 'örnek bilanço 2024-2');
  });
});
