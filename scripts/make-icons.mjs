// Draws the app and tray icons into resources/ as PNG files, with nothing but node:zlib: shapes are signed-distance
// tests, anti-aliased by 4×4 supersampling. Run `node scripts/make-icons.mjs` after changing a shape or colour,
// and commit the PNGs (the build and the packaging read them; they are not generated at build time).
//
//   resources/icon.png                  1024 px app icon (electron-builder makes the .icns and .ico from it)
//   resources/icons/<n>x<n>.png         the Linux icon set (16 … 512)
//   resources/tray/<state>.png, @2x     tray states: online, busy, offline, failing (16 px and 32 px)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');

// ── PNG ──────────────────────────────────────────────────────────────────────────────────────────────────
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** RGBA pixels (Float32, 0…1, premultiplied) → PNG bytes. */
function png(size, pixels) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      const a = pixels[i + 3];
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c += 1) raw[o + c] = a > 0 ? Math.round((pixels[i + c] / a) * 255) : 0;
      raw[o + 3] = Math.round(a * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ── shapes: (x, y) in 0…1 → inside? ───────────────────────────────────────────────────────────────────────
const roundedSquare = (margin, radius) => (x, y) => {
  const qx = Math.abs(x - 0.5) - (0.5 - margin - radius);
  const qy = Math.abs(y - 0.5) - (0.5 - margin - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) <= radius;
};
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
/** A ring segment opening upwards, ±`spread` radians around the vertical, with round ends. */
const arc = (cx, cy, r, width, spread) => (x, y) => {
  const dx = x - cx;
  const dy = cy - y;
  const angle = Math.atan2(dx, dy);
  if (Math.abs(angle) <= spread) return Math.abs(Math.hypot(dx, dy) - r) <= width / 2;
  for (const side of [-1, 1]) {
    const ex = cx + Math.sin(side * spread) * r;
    const ey = cy - Math.cos(side * spread) * r;
    if (Math.hypot(x - ex, y - ey) <= width / 2) return true;
  }
  return false;
};
/** A thick line with round ends. */
const capsule = (ax, ay, bx, by, width) => (x, y) => {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy)) <= width / 2;
};
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus = (shape, hole) => (x, y) => shape(x, y) && !hole(x, y);

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);

/** Layers painted in order: [shape, colour (#rrggbb or (x, y) => [r, g, b])]. */
function render(size, layers) {
  const pixels = new Float32Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const out = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let sample = [0, 0, 0, 0];
          for (const [shape, colour] of layers) {
            if (!shape(x, y)) continue;
            const rgb = typeof colour === 'function' ? colour(x, y) : hex(colour);
            sample = [...rgb, 1];
          }
          for (let c = 0; c < 3; c += 1) out[c] += sample[c] * sample[3];
          out[3] += sample[3];
        }
      }
      const i = (py * size + px) * 4;
      for (let c = 0; c < 4; c += 1) pixels[i + c] = out[c] / (n * n);
    }
  }
  return png(size, pixels);
}

// ── the glyph: a remote signal (a source and two waves), white ─────────────────────────────────────────
const waves = (cx, cy, scale) =>
  union(
    disc(cx, cy, 0.075 * scale),
    arc(cx, cy, 0.2 * scale, 0.075 * scale, 0.78),
    arc(cx, cy, 0.34 * scale, 0.075 * scale, 0.78),
  );

// App icon: a blue rounded square, lighter at the top; the glyph above a vehicle's roofline.
const top = hex('#339af0');
const bottom = hex('#1864ab');
const gradient = (_x, y) => top.map((t, i) => t + (bottom[i] - t) * y);
const appIcon = [
  [roundedSquare(0.06, 0.2), gradient],
  [waves(0.5, 0.56, 1.15), '#ffffff'],
  [capsule(0.27, 0.78, 0.73, 0.78, 0.07), '#ffffff'],
];

// Tray: a coloured disc (the state) with a white mark; shapes differ too, not only colours.
const TRAY = {
  online: { colour: '#2f9e44', mark: waves(0.5, 0.64, 1.05) },
  busy: {
    colour: '#1c7ed6',
    mark: union(disc(0.3, 0.5, 0.08), disc(0.5, 0.5, 0.08), disc(0.7, 0.5, 0.08)),
  },
  offline: {
    colour: '#868e96',
    mark: union(
      minus(waves(0.5, 0.64, 1.05), capsule(0.22, 0.22, 0.78, 0.78, 0.2)),
      capsule(0.26, 0.26, 0.74, 0.74, 0.09),
    ),
  },
  failing: {
    colour: '#e03131',
    mark: union(capsule(0.5, 0.24, 0.5, 0.58, 0.13), disc(0.5, 0.76, 0.075)),
  },
};

function write(file, bytes) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`${file.slice(root.length - 'resources'.length)} (${bytes.length} bytes)`);
}

write(join(root, 'icon.png'), render(1024, appIcon));
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  write(join(root, 'icons', `${size}x${size}.png`), render(size, appIcon));
}
for (const [state, { colour, mark }] of Object.entries(TRAY)) {
  const layers = [
    [disc(0.5, 0.5, 0.47), colour],
    [mark, '#ffffff'],
  ];
  write(join(root, 'tray', `${state}.png`), render(16, layers));
  write(join(root, 'tray', `${state}@2x.png`), render(32, layers));
}
