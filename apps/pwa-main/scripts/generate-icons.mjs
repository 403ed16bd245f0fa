#!/usr/bin/env node
// Draws the app icons (a teal tile with three gold/white bars) as PNGs with no image library:
// pixels → zlib → PNG chunks. Run it when the design changes; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
mkdirSync(out, { recursive: true });

const TEAL = [15, 95, 99];
const WHITE = [250, 250, 247];
const GOLD = [214, 170, 74];

function draw(size, { maskable, rounded }) {
  const px = Buffer.alloc(size * size * 4);
  const radius = rounded ? size * 0.22 : 0;
  const inside = (x, y) => {
    if (!rounded) return true;
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  // Content box: the maskable safe zone is the central 80 %.
  const pad = maskable ? size * 0.28 : size * 0.2;
  const box = size - 2 * pad;
  const barWidth = box / 5;
  const bars = [
    { x: pad + barWidth * 0.0, h: 0.45, color: WHITE },
    { x: pad + barWidth * 2.0, h: 0.7, color: WHITE },
    { x: pad + barWidth * 4.0, h: 1.0, color: GOLD },
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      if (!inside(x + 0.5, y + 0.5)) continue;
      let color = TEAL;
      for (const bar of bars) {
        const top = pad + box * (1 - bar.h);
        if (x >= bar.x && x < bar.x + barWidth && y >= top && y < pad + box) color = bar.color;
      }
      px[i] = color[0];
      px[i + 1] = color[1];
      px[i + 2] = color[2];
      px[i + 3] = 255;
    }
  }
  return png(size, px);
}

function png(size, rgba) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

const icons = [
  ['icon-192.png', 192, { maskable: false, rounded: true }],
  ['icon-512.png', 512, { maskable: false, rounded: true }],
  ['maskable-512.png', 512, { maskable: true, rounded: false }],
  ['apple-touch-icon.png', 180, { maskable: true, rounded: false }],
  ['favicon-32.png', 32, { maskable: false, rounded: true }],
];
for (const [name, size, options] of icons) writeFileSync(join(out, name), draw(size, options));
console.log(`wrote ${icons.length} icons to ${out}`);
