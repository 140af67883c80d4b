#!/usr/bin/env node
// Entry point of the `final-accounts` command: runs the compiled CLI (built by `npm ci` via `prepare`).
require('../lib/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
