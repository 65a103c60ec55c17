/**
 * Exported functions of `domain/` that no source file uses (tests and bench aside): neither
 * imported by another source file nor called inside their own module. What only tests call is
 * dead weight a reader has to walk past. Parsed with the TypeScript compiler, like layout-walk.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './layout-walk.ts';

const posix = (p: string) => p.split(path.sep).join('/');

function exportedFunctions(sf: ts.SourceFile): string[] {
  const names: string[] = [];
  const exported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && exported(st)) names.push(st.name.text);
    if (ts.isVariableStatement(st) && exported(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) names.push(d.name.text);
      }
    }
  }
  return names;
}

/** `file -> names` imported by relative specifiers, resolved to repo paths without extension. */
function importedNames(root: string, files: readonly string[]): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) && !ts.isExportDeclaration(st)) continue;
      const spec = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : null;
      if (!spec?.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(posix(file)), spec)).replace(/\.(ts|mts|js)$/, '');
      const names = used.get(target) ?? used.set(target, new Set()).get(target)!;
      const bindings = ts.isImportDeclaration(st) ? st.importClause?.namedBindings : st.exportClause;
      if (bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings))) {
        for (const el of bindings.elements) names.add((el.propertyName ?? el.name).text);
      } else names.add('*');
    }
  }
  return used;
}

export function unusedDomainFunctions(root: string): string[] {
  const files = sourceFiles(root);
  const used = importedNames(root, files);
  const unused: string[] = [];
  for (const file of files.filter((f) => posix(f).startsWith('domain/'))) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const importers = used.get(posix(file).replace(/\.ts$/, '')) ?? new Set();
    for (const name of exportedFunctions(sf)) {
      if (importers.has(name) || importers.has('*')) continue;
      // Used inside its own module (exported for its tests too): more than the declaration.
      if ((text.match(new RegExp(`\\b${name}\\b`, 'g')) ?? []).length > 1) continue;
      unused.push(`${posix(file)} ${name}`);
    }
  }
  return unused;
}
