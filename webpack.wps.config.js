// Builds the WPS add-in into dist/wps/ (and only there: `clean` empties dist/wps, never the rest of dist/):
// ribbon.xml, the entry page index.html with main.js (the ribbon callbacks), taskpane.html (the React pane on the WPS adapter),
// the icons, and the offline deployment files (publish.xml, jsplugins.xml, install.sh, 安装说明.txt).
//
//   npm run build:wps
//   WPS_ADDIN_BASE_URL=http://intranet.example/final-accounts/ npm run build:wps   (jsplugins.xml's address)
'use strict';
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { version } = require('./package.json');
const deploy = require('./scripts/wps-deploy');

const OUT = path.resolve(__dirname, 'dist', 'wps');
const PLACEHOLDER_BASE_URL = 'http://内网服务器/final-accounts/';

/** Emits the deployment files with the build (so a build is always complete). */
class WpsDeploymentFiles {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('WpsDeploymentFiles', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'WpsDeploymentFiles', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const baseUrl = process.env.WPS_ADDIN_BASE_URL || PLACEHOLDER_BASE_URL;
        compilation.emitAsset('publish.xml', new RawSource(deploy.publishXml(version)));
        compilation.emitAsset('jsplugins.xml', new RawSource(deploy.jsPluginsXml(baseUrl)));
        compilation.emitAsset('install.sh', new RawSource(deploy.installSh(version)));
        compilation.emitAsset('安装说明.txt', new RawSource(deploy.installNotes(version)));
      });
    });
  }
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== 'production';
  if (!dev && !process.env.WPS_ADDIN_BASE_URL) {
    console.warn(
      `WPS_ADDIN_BASE_URL is not set: dist/wps/jsplugins.xml points at the placeholder ${PLACEHOLDER_BASE_URL} (the offline install.sh needs no address).`,
    );
  }
  return {
    devtool: dev ? 'source-map' : false,
    // main.js: WPS opens the add-in's index.html, which loads main.js (WPS 加载项开发说明, docs/wps.md).
    entry: { main: './src/wps/ribbon.ts', taskpane: './src/wps/taskpane.tsx' },
    output: { path: OUT, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: dev } } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['main'] }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/wps/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'assets/{check,generate,clear,icon}-32.png', to: 'images/[name][ext]' },
        ],
      }),
      new WpsDeploymentFiles(),
    ],
    performance: { hints: false },
  };
};

module.exports.OUT = OUT;
