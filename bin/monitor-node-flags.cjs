// Node flags `driftscope monitor` runs with (bin/driftscope.cjs starts it again with them; the monitor bench
// and demo use the same). A 1 MB semi-space: with V8's default the young generation of the long-running
// main thread grows and stays resident, and the monitor's RSS rose with the batches while its heap did not
// (test/bench/bench-monitor.mjs: 500 batches, 74.4 → 85.3 MB without, 71.6 → 73.1 MB with).
module.exports = ['--max-semi-space-size=1'];
