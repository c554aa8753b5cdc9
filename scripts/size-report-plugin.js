// Measures what each surface must download before its first paint: the entry's initial
// JavaScript chunks, gzip-compressed. Writes dist/size-report.json and prints a table.
const zlib = require('node:zlib');

class SizeReportPlugin {
  constructor({ entries }) { this.entries = entries; }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SizeReportPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SizeReportPlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const report = { generatedBy: 'scripts/size-report-plugin.js', entries: {} };
          for (const name of this.entries) {
            const entrypoint = compilation.entrypoints.get(name);
            if (!entrypoint) continue;
            const files = [...new Set(entrypoint.getFiles())].filter((f) => f.endsWith('.js'));
            let raw = 0;
            let gzip = 0;
            for (const file of files) {
              const buf = compilation.getAsset(file).source.buffer();
              raw += buf.length;
              gzip += zlib.gzipSync(buf, { level: 9 }).length;
            }
            const packages = new Set();
            for (const chunk of entrypoint.chunks) {
              for (const mod of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
                const id = mod.nameForCondition?.() ?? '';
                const match = id.match(/node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/);
                if (match) packages.add(match[1].replace('\\', '/'));
              }
            }
            report.entries[name] = { files, rawBytes: raw, gzipBytes: gzip, packages: [...packages].sort() };
          }
          compilation.emitAsset('size-report.json', new compiler.webpack.sources.RawSource(JSON.stringify(report, null, 2)));
          this.report = report;
        },
      );
    });
    compiler.hooks.done.tap('SizeReportPlugin', () => {
      if (!this.report) return;
      const rows = Object.entries(this.report.entries).map(([name, e]) =>
        `  ${name.padEnd(10)} ${(e.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzip  ${(e.rawBytes / 1024).toFixed(1).padStart(8)} KB raw  (${e.files.length} files)`);
      console.log(`\nFirst-paint JavaScript per entry:\n${rows.join('\n')}\n`);
    });
  }
}

module.exports = { SizeReportPlugin };
