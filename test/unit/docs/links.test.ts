/**
 * The documentation stands alone: every relative link of every Markdown file in the repository (README.md,
 * docs/**, fixture notes; not node_modules or test output) resolves to a file inside the repository and,
 * with a #fragment, to a heading of that file; nothing points at ../shared (the developers' background,
 * outside the product); and every "§N" is a link a reader can follow.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bareSectionMentions,
  githubSlug,
  headingAnchors,
  headingText,
  markdownLinks,
} from './markdown-links';
import { projectFiles } from './project-files';

const root = path.resolve(__dirname, '..', '..', '..');
const files = projectFiles(root, '', (name) => name.toLowerCase().endsWith('.md'));
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

/** A URL with a scheme (https:, mailto:, ...) or protocol-relative: not checked here. */
const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/** What is wrong with one relative link of `file`, or null when it resolves. */
function brokenLink(file: string, target: string): string | null {
  const hash = target.indexOf('#');
  const rawPath = hash < 0 ? target : target.slice(0, hash);
  const fragment = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
  const decoded = decodeURIComponent(rawPath);
  // GitHub resolves a leading "/" from the repository root.
  const resolved = decoded.startsWith('/')
    ? path.join(root, decoded)
    : path.resolve(root, path.dirname(file), decoded === '' ? path.basename(file) : decoded);
  const rel = path.relative(root, resolved);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return `points outside the repository (${rel})`;
  if (!existsSync(resolved)) return `no such file: ${rel}`;
  if (fragment === null || fragment === '') return null;
  if (statSync(resolved).isDirectory()) return `a #fragment on a directory: ${rel}`;
  if (!resolved.toLowerCase().endsWith('.md')) {
    // Line anchors of a source file as GitHub shows it.
    return /^L\d+(-L\d+)?$/.test(fragment) ? null : `#${fragment} is not a line anchor of ${rel}`;
  }
  return headingAnchors(read(rel)).has(fragment) ? null : `no heading #${fragment} in ${rel}`;
}

describe('Markdown helpers', () => {
  it('slugs headings as GitHub does', () => {
    // Anchors GitHub renders for these headings (github-slugger 2.0 rules: punctuation other than - and _
    // removed, spaces to hyphens, letters kept; the em dash leaves its two spaces as "--").
    expect(githubSlug(headingText('1. Cleaning and missing values'))).toBe('1-cleaning-and-missing-values');
    expect(githubSlug(headingText('`ks` — two-sample Kolmogorov–Smirnov'))).toBe(
      'ks--two-sample-kolmogorovsmirnov',
    );
    expect(githubSlug(headingText("Analysis settings (`--config FILE`, and the app's settings)"))).toBe(
      'analysis-settings---config-file-and-the-apps-settings',
    );
    expect(githubSlug(headingText('The JSON report (`schemaVersion: 1`)'))).toBe(
      'the-json-report-schemaversion-1',
    );
    expect(githubSlug(headingText('**Bold** and _emphasis_ with `kl_div`'))).toBe(
      'bold-and-emphasis-with-kl_div',
    );
    expect(githubSlug(headingText('Köln [über](x.md) §6'))).toBe('köln-über-6');
  });

  it('numbers repeated headings and reads setext headings and HTML ids', () => {
    const anchors = headingAnchors(
      '# A\n\n## A\n\nB b\n---\n\n<a id="here"></a>\n\n```\n# not a heading\n```\n\n````\n```sh\n# still code\n````\n',
    );
    expect([...anchors].sort()).toEqual(['a', 'a-1', 'b-b', 'here']);
  });

  it('finds links outside code, and § mentions outside link text', () => {
    const source = [
      'See [one](a.md#x), ![img](b.png "t") and <a href="c.md">c</a>.',
      '`[not](code.md)` and [§3](s.md#3) but §4 is bare',
      '```',
      '[in](fence.md) §5',
      '```',
      '[ref]: d.md',
    ].join('\n');
    expect(markdownLinks(source).map((l) => l.target)).toEqual(['a.md#x', 'b.png', 'c.md', 's.md#3', 'd.md']);
    expect(bareSectionMentions(source)).toEqual([
      { mention: '§4', line: 2 },
      { mention: '§5', line: 4 },
    ]);
  });
});

describe('documentation links', () => {
  it('finds the project documentation', () => {
    expect(files).toContain('README.md');
    expect(files).toContain(path.join('docs', 'statistics.md'));
    expect(files.some((f) => f.startsWith('node_modules'))).toBe(false);
  });

  it.each(files)('%s: every relative link resolves inside the repository', (file) => {
    const broken = markdownLinks(read(file))
      .filter((l) => !isExternal(l.target))
      .map((l) => ({ line: l.line, target: l.target, problem: brokenLink(file, l.target) }))
      .filter((l) => l.problem !== null);
    expect(broken).toEqual([]);
  });

  it.each(files)('%s: no reference to ../shared or shared/docs', (file) => {
    const hits = read(file)
      .split(/\r?\n/)
      .map((text, i) => ({ line: i + 1, text }))
      .filter(({ text }) => /\.\.\/shared\b|\bshared\/docs\b/.test(text));
    expect(hits).toEqual([]);
  });

  it.each(files)('%s: every § section reference is a link', (file) => {
    expect(bareSectionMentions(read(file))).toEqual([]);
  });
});

describe('code citing the statistics doc', () => {
  const sections = new Set(
    [...read(path.join('docs', 'statistics.md')).matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1])),
  );
  const sources = ['shared', 'electron', 'renderer', 'test', 'build', 'bin']
    .filter((dir) => existsSync(path.join(root, dir)))
    .flatMap((dir) => projectFiles(root, dir, (name) => /\.(ts|tsx|mts|mjs|js|py)$/.test(name)));

  it('docs/statistics.md has the numbered sections the code cites', () => {
    expect(sources.length).toBeGreaterThan(100);
    const missing: { file: string; cites: string }[] = [];
    for (const file of sources) {
      for (const m of read(file).matchAll(/statistics\.md §(\d+)(?:\s*[-–]\s*§(\d+))?/g)) {
        const cited = [m[1], m[2]].filter((n) => n !== undefined).map(Number);
        if (cited.some((n) => !sections.has(n))) missing.push({ file, cites: m[0] });
      }
    }
    expect(missing).toEqual([]);
  });

  it('no source file points at the background docs outside the repository', () => {
    expect(sources.filter((file) => /\.\.\/shared\/docs\b/.test(read(file)))).toEqual([]);
  });
});
