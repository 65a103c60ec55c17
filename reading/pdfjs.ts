/**
 * pdf.js's legacy build (the one that runs on Node 20) carries core-js, which on Node 20's V8
 * replaces some built-ins that already work, for spec corners nothing here uses: a JavaScript
 * Array.prototype.push (an error on a frozen length), and JSON.parse / JSON.stringify for the
 * JSON.rawJSON proposal. Once pdf.js is loaded, every push and JSON call in the process or
 * thread goes through them: JSON.stringify ran ~4x slower and push was the top entry of a
 * report-rendering profile (the pool threads that render reports also read PDFs).
 *
 * So pdf.js is loaded here, with its fake worker (which loads the polyfills again, otherwise
 * at the first getDocument), and those four built-ins are put back. The polyfills for what
 * Node 20 lacks (Promise.withResolvers, Uint8Array.toBase64, iterator helpers…) stay.
 */
const NATIVE = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
] as const;
const saved = NATIVE.map(([owner, key]) => Object.getOwnPropertyDescriptor(owner, key)!);

export const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// Sets globalThis.pdfjsWorker, which pdf.js uses instead of importing the worker itself.
// @ts-expect-error -- the worker module ships no typings; it is loaded for its side effect.
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
NATIVE.forEach(([owner, key], i) => Object.defineProperty(owner, key, saved[i]!));
