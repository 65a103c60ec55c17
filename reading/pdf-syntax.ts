/**
 * A linear tokenizer and object parser for raw PDF bytes, enough to find every dictionary and
 * stream of a file without trusting its cross-reference table (which a hostile file can make
 * lie). Every byte is looked at a bounded number of times: no regular expression ever runs
 * over the file, and nesting is parsed with an explicit stack whose depth is capped, so
 * neither a long file nor a deeply nested one can take the process down.
 */

export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfKeyword | PdfValue[] | PdfDict;
export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfString {
  constructor(readonly bytes: Buffer) {}
}
export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
}
export class PdfKeyword {
  constructor(readonly word: string) {}
}
export type PdfDict = Map<string, PdfValue>;

/** Raised for structure no reader should be asked to parse (nesting beyond any real file). */
export class PdfSyntaxError extends Error {}

export const MAX_NESTING = 200;

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

export const isWhite = (c: number | undefined): boolean => c !== undefined && WS[c] === 1;
export const isDelimiter = (c: number | undefined): boolean => c === undefined || WS[c] === 1 || DELIM[c] === 1;

type Token = { kind: 'value'; value: PdfValue } | { kind: 'open'; container: 'array' | 'dict' } | { kind: 'close'; container: 'array' | 'dict' } | { kind: 'eof' };

export class PdfLexer {
  pos: number;
  constructor(readonly buf: Buffer, start = 0, readonly end = buf.length) {
    this.pos = start;
  }

  skipSpaceAndComments(): void {
    const { buf, end } = this;
    while (this.pos < end) {
      const c = buf[this.pos]!;
      if (WS[c]) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < end && buf[this.pos] !== 10 && buf[this.pos] !== 13) this.pos++;
      } else break;
    }
  }

  next(): Token {
    this.skipSpaceAndComments();
    const { buf, end } = this;
    if (this.pos >= end) return { kind: 'eof' };
    const c = buf[this.pos]!;
    if (c === 0x5b) return this.pos++, { kind: 'open', container: 'array' };
    if (c === 0x5d) return this.pos++, { kind: 'close', container: 'array' };
    if (c === 0x3c && buf[this.pos + 1] === 0x3c) return (this.pos += 2), { kind: 'open', container: 'dict' };
    if (c === 0x3e && buf[this.pos + 1] === 0x3e) return (this.pos += 2), { kind: 'close', container: 'dict' };
    if (c === 0x3c) return { kind: 'value', value: this.hexString() };
    if (c === 0x28) return { kind: 'value', value: this.literalString() };
    if (c === 0x2f) return { kind: 'value', value: new PdfName(this.word(this.pos + 1)) };
    if (c === 0x7b || c === 0x7d || c === 0x29 || c === 0x3e) return this.pos++, this.next();
    const word = this.word(this.pos);
    const n = Number(word);
    if (word !== '' && Number.isFinite(n) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { kind: 'value', value: n };
    if (word === 'true' || word === 'false') return { kind: 'value', value: word === 'true' };
    if (word === 'null') return { kind: 'value', value: null };
    return { kind: 'value', value: new PdfKeyword(word) };
  }

  /** Regular characters from `from`; names decode #xx. Capped: a "word" of a megabyte is junk. */
  private word(from: number): string {
    let p = from;
    while (p < this.end && !isDelimiter(this.buf[p]) && p - from < 256) p++;
    const raw = this.buf.toString('latin1', from, p);
    this.pos = p;
    return raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw;
  }

  private literalString(): PdfString {
    const { buf, end } = this;
    const start = ++this.pos;
    let depth = 1;
    while (this.pos < end && depth > 0) {
      const c = buf[this.pos++]!;
      if (c === 0x5c) this.pos++;
      else if (c === 0x28) depth++;
      else if (c === 0x29) depth--;
    }
    // Escapes are left as they are: the guard needs sizes and structure, not string contents.
    return new PdfString(buf.subarray(start, Math.max(start, this.pos - 1)));
  }

  private hexString(): PdfString {
    const close = this.buf.indexOf(0x3e, this.pos);
    const stop = close < 0 || close > this.end ? this.end : close;
    const hex = this.buf.toString('latin1', this.pos + 1, stop).replace(/[^0-9a-fA-F]/g, '');
    this.pos = stop + 1;
    return new PdfString(Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex'));
  }
}

/**
 * Parses one complete value (a dict or array with everything inside, or a scalar), folding
 * "n g R" into references. `onDict` sees every dictionary, nested ones included. Returns
 * undefined at the end of input.
 */
export function parseValue(lex: PdfLexer, onDict?: (d: PdfDict) => void): PdfValue | undefined {
  const stack: { items: PdfValue[]; container: 'array' | 'dict' }[] = [];
  for (;;) {
    const t = lex.next();
    if (t.kind === 'eof') {
      // A file cut off inside a dictionary: close what is open so its keys still count.
      if (!stack.length) return undefined;
      let v: PdfValue = finish(stack.pop()!, onDict);
      while (stack.length) {
        stack.at(-1)!.items.push(v);
        v = finish(stack.pop()!, onDict);
      }
      return v;
    }
    if (t.kind === 'open') {
      if (stack.length >= MAX_NESTING) throw new PdfSyntaxError(`objects nested deeper than ${MAX_NESTING}`);
      stack.push({ items: [], container: t.container });
      continue;
    }
    let value: PdfValue;
    if (t.kind === 'close') {
      if (!stack.length) continue; // a stray ">>" or "]"
      value = finish(stack.pop()!, onDict);
    } else value = t.value;
    if (!stack.length) return value;
    const items = stack.at(-1)!.items;
    if (value instanceof PdfKeyword && value.word === 'R' && typeof items.at(-1) === 'number' && typeof items.at(-2) === 'number') {
      const gen = items.pop() as number;
      value = new PdfRef(items.pop() as number, gen);
    }
    items.push(value);
  }
}

function finish(frame: { items: PdfValue[]; container: 'array' | 'dict' }, onDict?: (d: PdfDict) => void): PdfValue {
  if (frame.container === 'array') return frame.items;
  const dict: PdfDict = new Map();
  for (let i = 0; i + 1 < frame.items.length; i += 2) {
    const key = frame.items[i];
    if (key instanceof PdfName) dict.set(key.name, frame.items[i + 1]!);
    else i--; // resynchronise on the next name after junk
  }
  onDict?.(dict);
  return dict;
}

export const nameOf = (v: PdfValue | undefined): string | undefined => (v instanceof PdfName ? v.name : undefined);
export const numberOf = (v: PdfValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
export const dictOf = (v: PdfValue | undefined): PdfDict | undefined => (v instanceof Map ? v : undefined);
