/**
 * Reads the source tree (not tests, not bench) the way tests/unit/layout.test.ts checks it:
 * every relative import of every source file, resolved to its top-level folder, plus file and
 * function lengths. Uses the TypeScript compiler's parser, so an import in a comment or a
 * string is not mistaken for one, and `import type` counts like any other import (a type is
 * still a dependency a reader has to follow).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers, highest first. A folder may import a folder of a lower layer; within one layer
 * only where the folders' graph stays free of loops. `domain/` is stricter: it may import
 * `contracts/` only (see DOMAIN_MAY_IMPORT).
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['scripts'],
  ['app'],
  ['bot', 'workflows', 'activities'],
  ['reading', 'reports'],
  ['domain', 'db'],
  ['contracts', 'lib'],
];
export const DOMAIN_MAY_IMPORT = ['contracts'];
export const SOURCE_FOLDERS = LAYERS.flat();
export const MAX_FILE_LINES = 300;
export const MAX_FUNCTION_LINES = 80;

export interface ImportEdge {
  file: string;
  line: number;
  from: string;
  to: string;
  specifier: string;
}

export function layerOf(folder: string): number {
  return LAYERS.findIndex((l) => l.includes(folder));
}

export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    let entries;
    try {
      entries = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true });
    } catch {
      continue; // a layer may have no folder yet
    }
    for (const e of entries) {
      if (e.isFile() && /\.(ts|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path.relative(root, path.join(e.parentPath, e.name)));
    }
  }
  return out.sort();
}

function parse(root: string, file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** Relative module specifiers: static imports/exports, import(), and new URL('./x', import.meta.url). */
function specifiers(sf: ts.SourceFile): { text: string; node: ts.Node }[] {
  const found: { text: string; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ text: node.moduleSpecifier.text, node });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.push({ text: node.arguments[0].text, node });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.[0] && ts.isStringLiteralLike(node.arguments[0])) {
      // A module loaded by URL (worker threads); a URL of a data folder or font is no import.
      if (/\.(ts|mts|mjs|js)$/.test(node.arguments[0].text)) found.push({ text: node.arguments[0].text, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found.filter((s) => s.text.startsWith('./') || s.text.startsWith('../'));
}

export function importEdges(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    const sf = parse(root, file);
    for (const s of specifiers(sf)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.split(path.sep).join('/')), s.text));
      const line = sf.getLineAndCharacterOfPosition(s.node.getStart()).line + 1;
      edges.push({ file, line, from: file.split(/[\\/]/)[0]!, to: target.split('/')[0]!, specifier: s.text });
    }
  }
  return edges;
}

/** Why an import between two different folders is not allowed, or null when it is. */
export function upwardReason(from: string, to: string): string | null {
  if (from === to) return null;
  // scripts/make-sample.ts draws the committed samples with the test generator (a dev tool).
  if (!SOURCE_FOLDERS.includes(to)) return from === 'scripts' ? null : `${to}/ is not a source folder`;
  if (from === 'domain' && !DOMAIN_MAY_IMPORT.includes(to)) return 'domain/ imports nothing but contracts/';
  const a = layerOf(from);
  const b = layerOf(to);
  if (b < a) return `${to}/ is above ${from}/`;
  return null;
}

/** Folder loops: strongly connected groups of more than one folder in the folder graph. */
export function folderLoops(edges: ImportEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) if (e.from !== e.to) (graph.get(e.from) ?? graph.set(e.from, new Set()).get(e.from)!).add(e.to);
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) for (const n of graph.get(stack.pop()!) ?? []) if (!seen.has(n)) (seen.add(n), stack.push(n));
    return seen;
  };
  const loops: string[][] = [];
  const done = new Set<string>();
  for (const f of graph.keys()) {
    if (done.has(f)) continue;
    const group = [...reach(f)].filter((g) => g === f || reach(g).has(f));
    if (!group.includes(f) || group.length < 2) continue;
    group.forEach((g) => done.add(g));
    loops.push(group.sort());
  }
  return loops;
}

export interface LongThing {
  file: string;
  name: string;
  line: number;
  lines: number;
}

export function longFiles(root: string): LongThing[] {
  return sourceFiles(root)
    .map((file) => ({ file, name: file, line: 1, lines: readFileSync(path.join(root, file), 'utf8').split('\n').filter((l, i, all) => i < all.length - 1 || l !== '').length }))
    .filter((f) => f.lines > MAX_FILE_LINES);
}

function functionName(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name) || ts.isPrivateIdentifier(named.name))) return named.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  return '(anonymous)';
}

/**
 * Every function-like node with a body (declarations, methods, arrows, function expressions,
 * accessors, constructors), measured from its first to its last line. A nested function counts
 * inside its parent too: the parent is still that long to read.
 */
export function longFunctions(root: string): LongThing[] {
  const out: LongThing[] = [];
  for (const file of sourceFiles(root)) {
    const sf = parse(root, file);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
        const start = sf.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > MAX_FUNCTION_LINES) out.push({ file, name: functionName(node), line: start + 1, lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}
