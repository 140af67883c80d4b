// Draws the add-in's PNG icons (no image library needed): `node assets/make-icons.js`.
// Each icon is a coloured rounded square with a white glyph, drawn on a 0..1 grid and supersampled.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const distToSegment = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

const inRoundedSquare = (x, y) => {
  const r = 0.16,
    m = 0.04;
  const cx = Math.max(m + r, Math.min(1 - m - r, x));
  const cy = Math.max(m + r, Math.min(1 - m - r, y));
  return Math.hypot(x - cx, y - cy) <= r && x >= m && x <= 1 - m && y >= m && y <= 1 - m;
};

const grid = (x, y) => {
  const inBox = x >= 0.2 && x <= 0.8 && y >= 0.22 && y <= 0.78;
  if (!inBox) return false;
  const w = 0.055;
  const lines = [0.2, 0.4, 0.6, 0.8];
  const rows = [0.22, 0.405, 0.59, 0.78];
  return lines.some((l) => Math.abs(x - l) < w / 2) || rows.some((l) => Math.abs(y - l) < w / 2);
};

const GLYPHS = {
  icon: { color: [0x1f, 0x6f, 0xb2], glyph: grid },
  check: {
    color: [0x1f, 0x6f, 0xb2],
    glyph: (x, y) => distToSegment(x, y, 0.24, 0.52, 0.43, 0.71) < 0.075 || distToSegment(x, y, 0.43, 0.71, 0.78, 0.3) < 0.075,
  },
  generate: {
    color: [0x21, 0x7a, 0x46],
    glyph: (x, y) =>
      grid(x * 1.25 - 0.02, y * 1.25 - 0.02) ||
      (Math.abs(x - 0.74) < 0.05 && Math.abs(y - 0.74) < 0.2) ||
      (Math.abs(y - 0.74) < 0.05 && Math.abs(x - 0.74) < 0.2),
  },
  clear: {
    color: [0xc2, 0x5b, 0x12],
    glyph: (x, y) => distToSegment(x, y, 0.28, 0.28, 0.72, 0.72) < 0.07 || distToSegment(x, y, 0.72, 0.28, 0.28, 0.72) < 0.07,
  },
};

function draw(kind, size) {
  const { color, glyph } = GLYPHS[kind];
  const out = Buffer.alloc(size * size * 4);
  const S = 4; // supersampling per axis
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0,
        white = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          if (!inRoundedSquare(x, y)) continue;
          cover++;
          if (glyph(x, y)) white++;
        }
      }
      const i = (py * size + px) * 4;
      const a = cover / (S * S);
      const wf = cover ? white / cover : 0;
      out[i] = Math.round(color[0] * (1 - wf) + 255 * wf);
      out[i + 1] = Math.round(color[1] * (1 - wf) + 255 * wf);
      out[i + 2] = Math.round(color[2] * (1 - wf) + 255 * wf);
      out[i + 3] = Math.round(255 * a);
    }
  }
  return png(size, out);
}

const sizes = { icon: [16, 32, 64, 80, 128], check: [16, 32, 80], generate: [16, 32, 80], clear: [16, 32, 80] };
for (const [kind, list] of Object.entries(sizes)) {
  for (const size of list) fs.writeFileSync(path.join(__dirname, `${kind}-${size}.png`), draw(kind, size));
}
