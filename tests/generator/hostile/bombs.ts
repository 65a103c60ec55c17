import { onePage, zeroFlate, zeroLzw, type RawObject } from './raw-pdf.ts';

const GiB = 1024 * 1024 * 1024;

export interface HostileCase {
  bytes: Buffer;
  /** Acceptable outcomes: user-error codes (or 'ok'). */
  expect: string[];
}

/**
 * Decompression bombs that slipped past a guard looking only at "/FlateDecode" right before
 * "stream": each is the content stream of a one-page document, so a reader that trusts it
 * inflates gigabytes as soon as it reads the page.
 */
export function bombCases(): Record<string, HostileCase> {
  const gib = zeroFlate(GiB);
  const content = (dict: string, stream: Buffer): RawObject => ({ dict, stream });
  return {
    // A nested dictionary between the stream's "<<" and its /Filter.
    'bomb-nested-dict.pdf': { bytes: onePage(content(`<< /Extra << /Note << /A 1 >> /B [1 2] >> /Filter /FlateDecode >>`, gib)), expect: ['pdf_bomb'] },
    // Hex first, Flate second: the raw bytes are not zlib at all.
    'bomb-hex-flate.pdf': { bytes: onePage(content('<< /Filter [/ASCIIHexDecode /FlateDecode] >>', Buffer.from(gib.toString('hex') + '>', 'latin1'))), expect: ['pdf_bomb'] },
    'bomb-lzw.pdf': { bytes: onePage(content('<< /Filter /LZWDecode >>', zeroLzw(GiB))), expect: ['pdf_bomb'] },
    'bomb-six-gib.pdf': { bytes: onePage(content('<< /Filter /FlateDecode >>', zeroFlate(6 * GiB))), expect: ['pdf_bomb'] },
    // The bomb is an object the page never names, reached only through the cross-reference table.
    'bomb-unreferenced-object.pdf': {
      bytes: onePage(content('<< >>', Buffer.from('BT ET')), [{ dict: '<< /Filter /FlateDecode >>', stream: gib }]),
      expect: ['pdf_bomb'],
    },
    // A stream nobody can decode cannot be vouched for.
    'undecodable-stream.pdf': { bytes: onePage(content('<< /Filter /FlateDecode >>', Buffer.from([0x78, 0x9c, 0xff, 0xff, 0xff, 0xff, 0x00, 0x13]))), expect: ['corrupt_pdf'] },
    'unknown-filter.pdf': { bytes: onePage(content('<< /Filter /MadeUpDecode >>', Buffer.from('xyz'))), expect: ['corrupt_pdf'] },
  };
}

/** Images whose size asks the renderer for a surface of gigapixels. */
export function giantImageCases(): Record<string, HostileCase> {
  const tinyFlate = zeroFlate(16 * 1024 * 1024).subarray(0, 64);
  const xobject = (dict: string, stream: Buffer) =>
    onePage({ dict: '<< >>', stream: Buffer.from('q 500 0 0 500 50 300 cm /Im1 Do Q') }, [{ dict, stream }], '<< /XObject << /Im1 5 0 R >> >>');
  // A JPEG whose frame header says 30000 × 30000, declared in the PDF as 100 × 100.
  const sof = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x75, 0x30, 0x75, 0x30, 0x03, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xff, 0xd9]);
  return {
    'inline-image-30000px.pdf': {
      bytes: onePage({ dict: '<< >>', stream: Buffer.concat([Buffer.from('q 500 0 0 500 50 300 cm\nBI /W 30000 /H 30000 /CS /G /BPC 8 /F /Fl ID\n'), tinyFlate, Buffer.from('\nEI Q\n')]) }),
      expect: ['image_too_large'],
    },
    'xobject-image-30000px.pdf': {
      bytes: xobject('<< /Type /XObject /Subtype /Image /Width 30000 /Height 30000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode >>', tinyFlate),
      expect: ['image_too_large'],
    },
    'jpeg-lies-about-size.pdf': {
      bytes: xobject('<< /Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode >>', sof),
      expect: ['image_too_large'],
    },
  };
}

/**
 * A file that made a backtracking regular expression over the whole file run for tens of
 * seconds: thousands of "/Type /Pages" with no ">" and no "/Count 0" after them.
 */
export function quadraticScanCase(): Record<string, HostileCase> {
  const body = '/Type /Pages /Count 1 '.repeat(16_000);
  return { 'page-tree-regex-trap.pdf': { bytes: Buffer.from(`%PDF-1.4\n1 0 obj\n<< ${body}\nendobj\n%%EOF\n`, 'latin1'), expect: ['corrupt_pdf', 'no_pages', 'no_text', 'not_a_statement'] } };
}
