// Reads KEY=VALUE lines from .env in the repo root (# comments, optional quotes and `export `);
// a value set in the shell or CI always wins. Shared by webpack.config.js and the packager.
const fs = require('node:fs');
const path = require('node:path');

function parseDotEnv(text) {
  const out = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2].trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    out[m[1]] = value;
  }
  return out;
}

function loadEnv(dir) {
  const file = path.join(dir, '.env');
  const fromFile = fs.existsSync(file) ? parseDotEnv(fs.readFileSync(file, 'utf8')) : {};
  const merged = { ...fromFile };
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && value !== '') merged[key] = value;
  return merged;
}

module.exports = { parseDotEnv, loadEnv };
