#!/usr/bin/env node
// A tiny static server for the standalone page (dist/page/, built by `npm run build:page`): 127.0.0.1 only,
// GET/HEAD only, no directory listing, nothing outside the root. Used by `npm run serve` and the e2e tests.
//
//   node scripts/serve.js [--port 8080] [--root dist/page]
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The same policy as the page's meta tag (webpack.config.js), sent as a header too. */
function pagePolicy() {
  return require('../webpack.config.js').pageContentSecurityPolicy();
}

/**
 * Serves `root` on host:port (port 0 = a free port). Resolves with the URL and a close() that also ends
 * open connections, so a test can always stop it.
 */
function startServer({ root = path.resolve(__dirname, '..', 'dist', 'page'), host = '127.0.0.1', port = 0 } = {}) {
  const base = path.resolve(root);
  const csp = pagePolicy();
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, `.${rel}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': st.size,
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://${host}:${actual}/`,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

module.exports = { startServer };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
  };
  const root = path.resolve(opt('--root', path.join(__dirname, '..', 'dist', 'page')));
  const port = Number(opt('--port', process.env.PORT || 8080));
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`${root} 中没有 index.html：请先运行 npm run build:page。`);
    process.exit(1);
  }
  startServer({ root, port }).then(
    ({ url }) => console.log(`决算公开助手（网页版）：${url}  （仅本机可访问；按 Ctrl+C 停止）`),
    (e) => {
      console.error(e.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请用 --port 换一个。` : e.message);
      process.exit(1);
    },
  );
}
