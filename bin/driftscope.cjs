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
const monitorFlags = require('./monitor-node-flags.cjs');
if (process.argv[2] === 'monitor' && !monitorFlags.every((flag) => process.execArgv.includes(flag))) {
  // The monitor runs for days: start it again with its Node flags, passing signals on and its exit back.
  const child = require('node:child_process').spawn(
    process.execPath,
    [...process.execArgv, ...monitorFlags, __filename, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGHUP', forward('SIGHUP'));
  // Ctrl-C on a terminal reaches the child already (same process group); pass on only a SIGINT sent here.
  process.on('SIGINT', process.stdin.isTTY ? () => {} : forward('SIGINT'));
  child.on('exit', (code, signal) =>
    process.exit(code ?? 128 + (require('node:os').constants.signals[signal] ?? 0)),
  );
} else {
  require(cli);
}
