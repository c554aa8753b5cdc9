// Draws the app icons from simple geometry so they are ours and reproducible:
// a rounded square in the accent colour with a white mark of three connected circles ("samen").
//   assets/icons/color.png    192×192  Teams colour icon
//   assets/icons/outline.png   32×32   Teams outline icon: white on fully transparent
//   assets/icon-16|32|80.png           Outlook ribbon button icons (https://HOST/assets/…)
//   assets/icon-64|128.png             the add-in's alternateIcons (64×64 and 128×128 for a mail add-in):
//                                      Outlook clients without the unified manifest (Mac, mobile, older and
//                                      perpetual Windows) get an XML manifest generated with these icons
// Run: node scripts/make-icons.mjs   (output is committed; rerun only when the drawing changes)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ACCENT = [0x1f, 0x6f, 0x78]; // #1F6F78, same as manifest accentColor
const SUPERSAMPLE = 4; // 4×4 samples per pixel: smooth edges without any randomness

// The mark in its own unit box: three circles on a triangle, joined by bars.
const NODES = [
  [0.5, 0.2],
  [0.18, 0.78],
  [0.82, 0.78],
];
const NODE_RADIUS = 0.17;
const BAR_WIDTH = 0.1;

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inMark(u, v) {
  if (NODES.some(([cx, cy]) => Math.hypot(u - cx, v - cy) <= NODE_RADIUS)) return true;
  return NODES.some((a, i) => distanceToSegment(u, v, a, NODES[(i + 1) % NODES.length]) <= BAR_WIDTH / 2);
}

function inRoundedSquare(x, y, size, radius) {
  // Distance to the inner rectangle shrunk by the radius; inside when within the radius.
  const qx = Math.max(radius - x, 0, x - (size - radius));
  const qy = Math.max(radius - y, 0, y - (size - radius));
  return qx * qx + qy * qy <= radius * radius;
}

/** Fraction (0..1) of pixel (px,py) covered by `inside(x, y)` in pixel coordinates. */
function coverage(px, py, inside) {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      if (inside(px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE)) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

function markInBox(size, margin) {
  const box = size * (1 - 2 * margin);
  const offset = size * margin;
  return (x, y) => inMark((x - offset) / box, (y - offset) / box);
}

/** Full-colour icon: accent rounded square, white mark inside the central safe area. */
export function drawColorIcon(size) {
  const png = new PNG({ width: size, height: size });
  const radius = size * 0.2;
  // Teams keeps the symbol inside the central 120/192 of the colour icon; margin 0.2 stays within it.
  const mark = markInBox(size, 0.2);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const bg = coverage(x, y, (sx, sy) => inRoundedSquare(sx, sy, size, radius));
      const m = coverage(x, y, mark);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(ACCENT[c] + (255 - ACCENT[c]) * m);
      png.data[i + 3] = Math.round(255 * bg);
    }
  }
  return png;
}

/** Outline icon: only white pixels (alpha = coverage), everything else alpha 0, as Teams requires. */
export function drawOutlineIcon(size) {
  const png = new PNG({ width: size, height: size });
  const mark = markInBox(size, 0.06);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = Math.round(255 * coverage(x, y, mark));
      const i = (y * size + x) * 4;
      const white = alpha > 0 ? 255 : 0; // fully transparent pixels are (0,0,0,0): no hidden colour
      png.data[i] = white;
      png.data[i + 1] = white;
      png.data[i + 2] = white;
      png.data[i + 3] = alpha;
    }
  }
  return png;
}

export function makeIcons(outRoot = root) {
  const files = {
    'assets/icons/color.png': drawColorIcon(192),
    'assets/icons/outline.png': drawOutlineIcon(32),
    'assets/icon-16.png': drawColorIcon(16),
    'assets/icon-32.png': drawColorIcon(32),
    'assets/icon-80.png': drawColorIcon(80),
    'assets/icon-64.png': drawColorIcon(64),
    'assets/icon-128.png': drawColorIcon(128),
  };
  for (const [rel, png] of Object.entries(files)) {
    const file = path.join(outRoot, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    // Fixed deflate level so the same drawing gives the same bytes.
    writeFileSync(file, PNG.sync.write(png, { deflateLevel: 9 }));
  }
  return Object.keys(files);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const rel of makeIcons()) console.log(`wrote ${rel}`);
}
