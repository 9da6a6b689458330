#!/usr/bin/env node
/**
 * Compares two V8 heap snapshots (.heapsnapshot, as written by --heapsnapshot-signal or
 * v8.writeHeapSnapshot) by node type and name (the constructor for objects): count and self size in each,
 * and the change, largest first. For the monitor's leak benchmark (test/bench/bench-monitor.mjs --snapshots).
 *
 * Usage: node test/bench/lib/diff-heapsnapshots.mjs BEFORE.heapsnapshot AFTER.heapsnapshot [--top 40]
 */
import { readFileSync } from 'node:fs';

/** Count and self size by "type name" of one snapshot, and its total self size. */
export function groupSnapshot(file) {
  const snapshot = JSON.parse(readFileSync(file, 'utf8'));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const at = (name) => fields.indexOf(name);
  const [typeAt, nameAt, sizeAt] = [at('type'), at('name'), at('self_size')];
  const { nodes, strings } = snapshot;
  const groups = new Map();
  let total = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]];
    // Strings and code are grouped by type alone: their names are their contents.
    const name = ['string', 'concatenated string', 'sliced string', 'number', 'code'].includes(type)
      ? ''
      : strings[nodes[i + nameAt]].slice(0, 80);
    const key = `${type} ${name}`.trim();
    const size = nodes[i + sizeAt];
    const g = groups.get(key) ?? { count: 0, bytes: 0 };
    g.count++;
    g.bytes += size;
    groups.set(key, g);
    total += size;
  }
  return { groups, total, nodes: nodes.length / width };
}

/** The groups whose self size changed most between two grouped snapshots. */
export function diffGroups(before, after, top = 40) {
  const keys = new Set([...before.groups.keys(), ...after.groups.keys()]);
  const none = { count: 0, bytes: 0 };
  return [...keys]
    .map((key) => {
      const b = before.groups.get(key) ?? none;
      const a = after.groups.get(key) ?? none;
      return {
        key,
        count: a.count - b.count,
        bytes: a.bytes - b.bytes,
        countAfter: a.count,
        bytesAfter: a.bytes,
      };
    })
    .filter((d) => d.bytes !== 0 || d.count !== 0)
    .sort((x, y) => Math.abs(y.bytes) - Math.abs(x.bytes))
    .slice(0, top);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [beforeFile, afterFile] = process.argv.slice(2);
  const topAt = process.argv.indexOf('--top');
  const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 40;
  const before = groupSnapshot(beforeFile);
  const after = groupSnapshot(afterFile);
  console.log(
    `self size: ${before.total} -> ${after.total} bytes (${after.total - before.total >= 0 ? '+' : ''}${after.total - before.total}); nodes ${before.nodes} -> ${after.nodes}`,
  );
  console.log('   Δ bytes   Δ count   bytes after   count after   type name');
  for (const d of diffGroups(before, after, top))
    console.log(
      `${String(d.bytes).padStart(10)} ${String(d.count).padStart(9)} ${String(d.bytesAfter).padStart(13)} ${String(d.countAfter).padStart(13)}   ${d.key}`,
    );
}
