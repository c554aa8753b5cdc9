// Serves dist/ on localhost the way the production host should: the security headers, the build's precompressed
// copies (brotli, else gzip; chosen by Accept-Encoding) and cache headers per file (scripts/security-headers.js).
// Used by the end-to-end tests, the bench, and anyone who wants to try the production build (`npm run serve:dist`).
// DIST_DIR serves another build directory (the service worker's update test deploys a second build that way).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import securityHeaders from './security-headers.js';

const root = path.resolve(process.env.DIST_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
const port = Number(process.env.PORT ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.pdf': 'application/pdf', '.map': 'application/json', '.txt': 'text/plain',
};

if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`${path.join(root, 'index.html')} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const isFile = (file) => existsSync(file) && statSync(file).isFile();

/** The encodings the client accepts (q > 0), from its Accept-Encoding header. */
function acceptedEncodings(header = '') {
  const accepted = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

/** The file to send: the brotli or gzip copy the build wrote when the client takes it, else the file itself. */
function negotiate(file, acceptEncoding) {
  const accepted = acceptedEncodings(acceptEncoding);
  for (const [encoding, extension] of [['br', '.br'], ['gzip', '.gz']]) {
    if ((accepted.has(encoding) || accepted.has('*')) && isFile(file + extension)) return { file: file + extension, encoding };
  }
  return { file, encoding: undefined };
}

const server = createServer((req, res) => {
  const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const relative = urlPath === '/' ? 'index.html' : urlPath.slice(1);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep) || !isFile(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Niet gevonden');
    return;
  }
  const chosen = negotiate(file, req.headers['accept-encoding']);
  const headers = {
    'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(statSync(chosen.file).size),
    ...securityHeaders.headersFor(urlPath),
  };
  // A file with compressed copies varies by Accept-Encoding, whichever copy this answer carries.
  if (isFile(`${file}.br`) || isFile(`${file}.gz`)) headers.Vary = 'Accept-Encoding';
  if (chosen.encoding) headers['Content-Encoding'] = chosen.encoding;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(chosen.file).pipe(res);
});

server.listen(port, '127.0.0.1', () => console.log(`Serving ${path.relative(process.cwd(), root) || '.'} on http://localhost:${port}`));
