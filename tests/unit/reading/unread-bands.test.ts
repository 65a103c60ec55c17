import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GreyImage } from '../../../reading/ocr/image.ts';
import { bandImage, findUnreadBands, INK_LEVEL } from '../../../reading/ocr/unread-bands.ts';

/** A 400×200 page: white, a grey bar (rows 100–140) with glyph-like strokes, and a rule at row 150. */
function page(): GreyImage {
  const width = 400;
  const height = 200;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 100; y < 140; y++) for (let x = 20; x < 380; x++) data[y * width + x] = 200;
  // "Glyphs": 3-px strokes every 10 px across rows 110–130 (many ink crossings per row).
  for (let y = 110; y < 130; y++) for (let x = 30; x < 370; x += 10) for (let k = 0; k < 3; k++) data[y * width + x + k] = 10;
  for (let x = 20; x < 380; x++) data[150 * width + x] = 0; // a table rule: one long run
  // A text line that was read (rows 40–60).
  for (let y = 40; y < 60; y++) for (let x = 30; x < 200; x += 8) data[y * width + x] = 0;
  return { width, height, data };
}

test('a line of ink no word covers is found; rules and lines already read are not', () => {
  const img = page();
  const read = [{ y0: 38, y1: 62 }];
  assert.deepEqual(findUnreadBands(img, read, 8, 60), [{ y0: 110, y1: 130 }]);
  assert.deepEqual(findUnreadBands(img, [...read, { y0: 108, y1: 131 }], 8, 60), [], 'covered by a word box');
  assert.deepEqual(findUnreadBands(img, read, 25, 60), [], 'shorter than a text line');
});

test('a band is cut out alone: the shaded background turns white, the glyphs stay black, neighbours are blanked', () => {
  const img = page();
  const { image, y } = bandImage(img, { y0: 110, y1: 130 });
  assert.ok(y < 110 && y + image.height > 130);
  const at = (yy: number, x: number) => image.data[(yy - y) * image.width + x]!;
  assert.equal(at(105, 100), 255, 'the grey bar above the glyphs is white');
  assert.equal(at(120, 30), 0, 'a glyph stroke is black');
  assert.equal(at(120, 35), 255, 'the bar between strokes is white');
  assert.ok([...image.data].every((v) => v === 0 || v === 255), `thresholded at ${INK_LEVEL}`);
});
