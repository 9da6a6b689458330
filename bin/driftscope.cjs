#!/usr/bin/env node
// The `driftscope` command: runs the bundled command line (built by `npm install` through the prepare
// script, or by `npm run build`). Builds it first when a fresh clone has not been built yet.
const { existsSync } = require('node:fs');
const path = require('node:path');
const cli = path.join(__dirname, '..', 'dist', 'electron', 'cli.cjs');
if (!existsSync(cli)) {
  require('node:child_process').execFileSync(
    process.execPath,
    [path.join(__dirname, '..', 'build', 'build-node.mjs')],
    {
      stdio: 'inherit',
    },
  );
}
require(cli);
