/**
 * Draws the app's icons (a blue square with a white check mark) into PNG files under src/web/public/icons.
 * Run with `npx tsx scripts/make-icons.ts` after changing the drawing; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const out = resolve(import.meta.dirname, '../src/web/public/icons');
const blue: Rgba = [0x1d, 0x4e, 0xd8, 0xff];
const white: Rgba = [0xff, 0xff, 0xff, 0xff];
const clear: Rgba = [0, 0, 0, 0];

type Rgba = [number, number, number, number];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG (8-bit RGBA, no interlace) of a size × size picture given pixel by pixel. */
function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from point p to the segment a–b. */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The icon on a 32-unit grid like the favicon: a rounded square (or the full square when maskable,
 * with the check mark shrunk into the safe zone) and the check mark 8,17 → 13,22 → 24,10.
 */
function icon(size: number, maskable: boolean): Buffer {
  const unit = size / 32;
  const scale = maskable ? 0.7 : 1;
  const radius = maskable ? 0 : 6;
  return png(size, (x, y) => {
    const u = (x + 0.5) / unit;
    const v = (y + 0.5) / unit;
    const cx = Math.max(radius, Math.min(32 - radius, u));
    const cy = Math.max(radius, Math.min(32 - radius, v));
    if (radius > 0 && Math.hypot(u - cx, v - cy) > radius) return clear;
    // The mark, scaled around the centre for the maskable icon's safe zone.
    const mu = 16 + (u - 16) / scale;
    const mv = 16 + (v - 16) / scale;
    const d = Math.min(toSegment(mu, mv, 8, 17, 13, 22), toSegment(mu, mv, 13, 22, 24, 10));
    // Coverage of the 4-unit-wide stroke within this pixel, for smooth edges.
    const cover = Math.max(0, Math.min(1, (2 - d) * unit * scale + 0.5));
    return blue.map((c, i) => Math.round(c + (white[i]! - c) * cover)) as Rgba;
  });
}

for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
] as const) {
  writeFileSync(join(out, name), icon(size, maskable));
  console.log(`wrote ${name}`);
}
