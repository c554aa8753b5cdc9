// Writes a brotli (.br) and a gzip (.gz) copy next to every text asset of the build, so a static host sends
// compressed files without compressing per request (scripts/serve-dist.mjs negotiates them with
// Accept-Encoding; the README's hosting recipe says how a real host does the same). node:zlib only: no plugin
// dependency for something this small.
const zlib = require('node:zlib');

const COMPRESSIBLE = /\.(js|html|json|svg|txt|css|webmanifest)$/;
/** Below this a compressed copy saves less than a packet and costs a file. */
const MIN_BYTES = 1024;

/** The brotli and gzip copies of one file's bytes; a copy that is not smaller is left out. */
function compressedCopies(buffer) {
  const copies = [];
  const br = zlib.brotliCompressSync(buffer, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  });
  if (br.length < buffer.length) copies.push({ extension: '.br', bytes: br });
  const gz = zlib.gzipSync(buffer, { level: 9 });
  if (gz.length < buffer.length) copies.push({ extension: '.gz', bytes: gz });
  return copies;
}

class PrecompressPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      // After Workbox has written the precache manifest into sw.js (OPTIMIZE_TRANSFER - 10), so that file is
      // compressed in its final form and the copies never enter the manifest.
      compilation.hooks.processAssets.tap(
        { name: 'PrecompressPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          for (const asset of compilation.getAssets()) {
            if (!COMPRESSIBLE.test(asset.name)) continue;
            const buffer = asset.source.buffer();
            if (buffer.length < MIN_BYTES) continue;
            for (const { extension, bytes } of compressedCopies(buffer)) {
              compilation.emitAsset(`${asset.name}${extension}`, new compiler.webpack.sources.RawSource(bytes), { compressed: true });
            }
          }
        },
      );
    });
  }
}

module.exports = { PrecompressPlugin, compressedCopies, COMPRESSIBLE };
