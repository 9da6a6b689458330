// @vitest-environment node
// The project stands alone: every relative link in its Markdown (README.md, docs/**, build/**, monitoring/**)
// resolves to a file inside the repository, every #fragment to a heading of that file (GitHub's slug rule),
// and no document points at the developers' background notes outside the repository (../shared).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const SKIP = new Set(['node_modules', 'dist', 'test-results', '.git', 'artifacts']);

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full));
    else if (name.endsWith('.md')) out.push(full);
  }
  return out;
}

/** The Markdown outside fenced code blocks and inline code spans. */
export function proseOf(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchor: lower case, punctuation dropped (letters, digits, `_`, `-` and spaces kept), spaces → `-`. */
export function githubSlug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const text = readFileSync(file, 'utf8').replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = githubSlug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

interface Link {
  file: string;
  line: number;
  target: string;
}

function linksOf(file: string): Link[] {
  const prose = proseOf(readFileSync(file, 'utf8'));
  const links: Link[] = [];
  prose.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ file, line: i + 1, target: m[1] });
    }
  });
  return links;
}

describe('documentation links', () => {
  it('the GitHub slug rule (checked against headings GitHub renders)', () => {
    // Anchors as github.com renders them for these headings.
    expect(githubSlug('4. Bins (statistics.md §6)')).toBe('4-bins-statisticsmd-6');
    expect(githubSlug('`ks` — two-sample Kolmogorov–Smirnov')).toBe('ks--two-sample-kolmogorovsmirnov');
  });

  const files = markdownFiles(root);

  it('finds the README and the docs', () => {
    const names = files.map((f) => path.relative(root, f));
    expect(names).toContain('README.md');
    expect(names).toContain(path.join('docs', 'statistics.md'));
  });

  it('every relative link resolves inside the repository, with its #fragment', () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const link of linksOf(file)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) continue; // https:, mailto:
        const [rawPath, fragment] = link.target.split('#', 2);
        const where = `${path.relative(root, file)}:${link.line} → ${link.target}`;
        const resolved = rawPath === '' ? file : path.resolve(path.dirname(file), decodeURI(rawPath));
        if (path.relative(root, resolved).startsWith('..')) {
          broken.push(`${where} (outside the repository)`);
          continue;
        }
        if (!existsSync(resolved)) {
          broken.push(`${where} (no such file)`);
          continue;
        }
        if (fragment && resolved.endsWith('.md') && !anchorsOf(resolved).has(fragment)) {
          broken.push(`${where} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('no document refers to the background notes outside the repository', () => {
    const offenders = files.filter((f) => /\.\.\/shared\/|shared\/docs\//.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
