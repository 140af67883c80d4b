// Builds the add-in into dist/: taskpane.html + commands.html (office.js from OFFICE_JS_URL, a
// Content-Security-Policy allowing only this origin and office.js's), assets, help page, and manifest.xml
// with the dev URL https://localhost:3000/ replaced by ADDIN_BASE_URL in production builds.
//
//   ADDIN_BASE_URL=https://intranet.example/final-accounts/ npm run build
//   OFFICE_JS_URL=https://intranet.example/office-js/office.js npm run build   (self-hosted office.js)
//
// The standalone page (the same pane without Excel, src/page) is built with the add-in as dist/page.html, and
// alone by `npm run build:page` (webpack --env page) into dist/page/ (index.html + page.js): no office.js,
// a Content-Security-Policy allowing only the page's own origin.
'use strict';
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { productionManifest, productionBaseUrl, DEV_BASE_URL } = require('./scripts/validate-manifest');
const { writeStamp } = require('./scripts/page-stamp');

const DEFAULT_OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** The page may load scripts only from itself and from office.js's origin; nothing else goes out. */
function contentSecurityPolicy(officeJsUrl, dev) {
  const office = new URL(officeJsUrl, 'https://localhost/').origin;
  const self = "'self'";
  const officeSrc = office === 'https://localhost' ? '' : ` ${office}`;
  return [
    `default-src ${self}`,
    `script-src ${self}${officeSrc}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data:`,
    `font-src ${self} data:`,
    `connect-src ${self}${officeSrc}${dev ? ` wss://localhost:${DEV_PORT}` : ''}`,
    // office.js talks to the host through frames of its own origin.
    `frame-src ${self}${officeSrc}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

async function httpsOptions() {
  // Only the dev server needs certificates; a build never asks for them.
  const devCerts = require('office-addin-dev-certs');
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (e) {
    // Installing the CA needs admin rights (sudo on Linux). The certificates exist anyway: serve with them,
    // and say that browsers/Office on this machine will not trust them until the CA is installed.
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const file = (name) => fs.readFileSync(path.join(dir, name));
    if (!fs.existsSync(path.join(dir, 'localhost.crt'))) throw e;
    console.warn(
      `Could not install the dev CA (${e.message.split('\n')[0]}). Serving with ${dir}; trust ca.crt there to sideload from this machine.`,
    );
    return { ca: file('ca.crt'), key: file('localhost.key'), cert: file('localhost.crt') };
  }
}

/** The standalone page loads nothing but itself: no office.js, no CDN, no connections elsewhere. */
function pageContentSecurityPolicy() {
  const self = "'self'";
  return [
    `default-src ${self}`,
    `script-src ${self}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data: blob:`,
    `font-src ${self} data:`,
    `connect-src ${self}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

const tsRule = (dev) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: dev } } },
});

/** `--env page`: the standalone page alone, into dist/page/ (what `npm run serve` and the e2e tests serve). */
function pageOnlyConfig(dev) {
  return {
    devtool: dev ? 'source-map' : false,
    entry: { page: './src/page/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist', 'page'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule(dev)] },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/page/page.html', chunks: ['page'], csp: pageContentSecurityPolicy() }),
      {
        // What `npm run serve` compares to decide whether to rebuild (scripts/page-stamp.js): production builds only.
        apply: (compiler) =>
          compiler.hooks.afterEmit.tap('PageSourcesStamp', (compilation) => {
            if (!dev && compilation.getStats().hasErrors() === false) writeStamp(__dirname, compiler.options.output.path);
          }),
      },
    ],
    performance: { hints: false },
  };
}

/** The add-in build cleans dist/ but keeps dist/page/, which `npm run build:page` owns (and `npm run serve` serves). */
const KEEP_PAGE_BUILD = /^page[\\/]/;

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  if (env && env.page) return pageOnlyConfig(dev);
  const officeJsUrl = process.env.OFFICE_JS_URL || DEFAULT_OFFICE_JS_URL;
  const csp = contentSecurityPolicy(officeJsUrl, dev);
  const baseUrl = productionBaseUrl();
  const serving = process.env.WEBPACK_SERVE === 'true';
  if (!dev && !process.env.ADDIN_BASE_URL) {
    console.warn(`ADDIN_BASE_URL is not set: dist/manifest.xml points at the placeholder ${baseUrl}. Set it to where dist/ is served.`);
  }
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      // The standalone page (ExcelJS, in the browser through its "browser" build); never loaded by the add-in.
      page: './src/page/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: { keep: KEEP_PAGE_BUILD },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule(dev)] },
    // ExcelJS (reached through shared modules) is never needed in Excel; keep Node built-ins out of the bundle.
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], officeJsUrl, csp }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], officeJsUrl, csp }),
      new HtmlWebpackPlugin({ filename: 'page.html', template: './src/page/page.html', chunks: ['page'], csp: pageContentSecurityPolicy() }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : Buffer.from(productionManifest(content.toString(), baseUrl))),
          },
        ],
      }),
      {
        // A development build keeps the localhost URLs on purpose; the validate script reads this marker.
        apply: (compiler) =>
          compiler.hooks.afterEmit.tap('DevBuildMarker', () => {
            const marker = path.join(compiler.options.output.path, '.dev-build');
            if (dev) fs.writeFileSync(marker, 'development build: manifest points at https://localhost:3000/\n');
            else if (fs.existsSync(marker)) fs.unlinkSync(marker);
          }),
      },
    ],
    performance: { hints: false },
  };
  if (serving) {
    config.devServer = {
      port: DEV_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await httpsOptions() },
      static: false,
      hot: false,
      client: { webSocketURL: `wss://localhost:${DEV_PORT}/ws` },
    };
  }
  return config;
};

module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.pageContentSecurityPolicy = pageContentSecurityPolicy;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
