// One static app, several surfaces: each surface is an entry with its own HTML page.
// Heavy or mode-specific code (teams-js, MSAL, the Graph client, the demo tenant) is split
// into chunks that load after the first paint.
const path = require('node:path');
const fs = require('node:fs');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { InjectManifest } = require('workbox-webpack-plugin');
const { SizeReportPlugin } = require('./scripts/size-report-plugin.js');
const { PrecompressPlugin } = require('./scripts/precompress-plugin.js');
const { loadEnv } = require('./scripts/load-env.js');

const env = loadEnv(__dirname);
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Configuration compiled into the app; an empty clientId means demo mode. */
const appConfig = {
  clientId: env.CLIENT_ID ?? '',
  tenantId: env.TENANT_ID ?? '',
  planDriveId: env.PLAN_DRIVE_ID ?? '',
  municipality: env.MUNICIPALITY ?? '',
  areaChampions: env.AREA_CHAMPIONS ?? '',
  plannerPlanId: env.PLANNER_PLAN_ID ?? '',
};

const pages = [
  { name: 'personal', filename: 'index.html', title: 'Samenwerkoverleg' },
  { name: 'config', filename: 'config.html', title: 'Samenwerkoverleg – instellingen' },
  { name: 'addin', filename: 'addin.html', title: 'Samenwerkoverleg in Outlook', officeJs: true },
  { name: 'redirect', filename: 'redirect.html', title: 'Aanmelden…' },
];

/**
 * Outlook's send-time check (src/entries/launchevent.ts). The manifest names its files by fixed URL:
 * classic Outlook on Windows loads launchevent.js alone in a JavaScript-only runtime (so it carries its own
 * webpack runtime and shares no chunk), the other Outlooks load launchevent.html, which loads Office.js
 * first, without async, so Office exists when the handler registers.
 */
const SEND_CHECK = { name: 'launchevent', filename: 'launchevent.html', script: 'launchevent.js', title: 'Samenwerkoverleg – controle bij verzenden' };

/** Copies files into the output without another plugin dependency. */
class CopyFilesPlugin {
  constructor(files) { this.files = files; }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyFilesPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const { from, to } of this.files) {
          compilation.fileDependencies.add(from);
          compilation.emitAsset(to, new webpack.sources.RawSource(fs.readFileSync(from)));
        }
      });
    });
  }
}

/** Where the app fetches the principles hand-out (src/hosts/handoutFile.ts DEFAULT_HANDOUT_URL). */
const HANDOUT_TARGET = 'assets/handout/samenwerkwijze-principes.pdf';

/** HANDOUT_PDF=<path>: the municipality's own hand-out replaces ours in the build. It must be a PDF below 3 MB. */
function handoutSource(file) {
  if (!file) return undefined;
  const from = path.resolve(__dirname, file);
  if (!fs.existsSync(from)) throw new Error(`HANDOUT_PDF: ${from} does not exist`);
  const head = Buffer.alloc(5);
  const fd = fs.openSync(from, 'r');
  try { fs.readSync(fd, head, 0, 5, 0); } finally { fs.closeSync(fd); }
  if (head.toString('latin1') !== '%PDF-') throw new Error(`HANDOUT_PDF: ${from} is not a PDF`);
  // It travels as an event attachment through Graph, which takes files below 3 MB in one request.
  if (fs.statSync(from).size >= 3 * 1024 * 1024) throw new Error(`HANDOUT_PDF: ${from} is 3 MB or larger; invitations cannot carry it`);
  return from;
}

// Icons and the hand-out are served under /assets; the static privacy and terms pages at the root.
const assetFiles = fs.readdirSync(path.join(__dirname, 'assets'), { recursive: true })
  .map((f) => f.split(path.sep).join('/'))
  .filter((f) => /\.(png|pdf|svg|html)$/.test(f))
  .map((f) => ({ from: path.join(__dirname, 'assets', f), to: f.startsWith('pages/') ? f.slice('pages/'.length) : `assets/${f}` }))
  .map((file) => (file.to === HANDOUT_TARGET ? { ...file, from: handoutSource(env.HANDOUT_PDF) ?? file.from } : file));

module.exports = async (_env, argv) => {
  const production = argv.mode === 'production';
  // Only `webpack serve` needs a certificate (scripts/dev-https.js); a build never makes one.
  const devServerTls = argv.env?.WEBPACK_SERVE ? await require('./scripts/dev-https.js').devServerOption() : undefined;
  for (const message of devServerTls?.messages ?? []) console.warn(`[dev server] ${message}`);
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      ...Object.fromEntries(pages.map((p) => [p.name, `./src/entries/${p.name}.tsx`])),
      [SEND_CHECK.name]: { import: `./src/entries/${SEND_CHECK.name}.ts`, runtime: false },
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: (pathData) => (pathData.chunk?.name === SEND_CHECK.name ? SEND_CHECK.script : production ? 'js/[name].[contenthash:8].js' : 'js/[name].js'),
      chunkFilename: production ? 'js/[name].[contenthash:8].js' : 'js/[name].js',
      publicPath: '/',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, loader: 'esbuild-loader', options: { target: 'es2022', jsx: 'automatic' } },
      ],
    },
    optimization: {
      runtimeChunk: 'single',
      // The send check's file must stand alone (see SEND_CHECK): it shares no chunk with the pages.
      splitChunks: { chunks: (chunk) => chunk.name !== SEND_CHECK.name },
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({
        __APP_CONFIG__: JSON.stringify(appConfig),
        'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
      }),
      ...pages.map((p) => new HtmlWebpackPlugin({
        filename: p.filename,
        chunks: [p.name],
        template: './src/entries/page.html',
        title: p.title,
        officeJs: p.officeJs ? OFFICE_JS : '',
        scriptLoading: 'defer',
      })),
      new HtmlWebpackPlugin({
        filename: SEND_CHECK.filename,
        chunks: [SEND_CHECK.name],
        template: './src/entries/launchevent.html',
        title: SEND_CHECK.title,
        officeJs: OFFICE_JS,
        scriptLoading: 'defer',
      }),
      new CopyFilesPlugin([
        // The demo tenant's service worker must be served from the site root to control every page.
        { from: require.resolve('msw/mockServiceWorker.js'), to: 'mockServiceWorker.js' },
        ...assetFiles,
      ]),
      new SizeReportPlugin({ entries: [...pages.map((p) => p.name), SEND_CHECK.name] }),
      // The app shell that opens offline (src/sw/serviceWorker.ts). Only in production builds: the dev server
      // rebuilds all the time, and a worker serving yesterday's files would only confuse.
      ...(production ? [
        new InjectManifest({
          swSrc: './src/sw/serviceWorker.ts',
          swDest: 'sw.js',
          // What a page needs to open: the pages, the scripts and the icons. Not source maps, the size report,
          // the compressed copies (the browser negotiates those itself) or MSW's script (the worker imports it).
          include: [/\.(html|js|png|svg)$/],
          exclude: [/\.map$/, /^size-report\.json$/, /\.(br|gz)$/, /^mockServiceWorker\.js$/, /^assets\/icons\//],
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        }),
        new PrecompressPlugin(),
      ] : []),
    ],
    devServer: {
      port: 3000,
      host: 'localhost',
      server: devServerTls?.server ?? 'http',
      hot: false,
      liveReload: true,
      client: { overlay: false },
      static: false,
      headers: { 'Cache-Control': 'no-store' },
    },
  };
};
