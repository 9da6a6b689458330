/**
 * A small Markdown reader for the documentation link check: the links of a file (inline links and
 * images, reference definitions, HTML href/src), its heading anchors as GitHub computes them, and the
 * spans that are code. Enough CommonMark for this repository's docs; not a general renderer.
 */
export interface MarkdownLink {
  /** The destination as written, e.g. `statistics.md#6-bins-and-zero-filling`. */
  target: string;
  /** The link text (empty for reference definitions and HTML attributes). */
  text: string;
  line: number;
}

/** A `§N` written outside the text of a link, so a reader cannot follow it. */
export interface BareSection {
  mention: string;
  line: number;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Lines of a Markdown file with a flag for fenced code blocks (the fence lines count as code). */
export function markdownLines(source: string): { text: string; code: boolean; line: number }[] {
  const out: { text: string; code: boolean; line: number }[] = [];
  let fence: string | null = null;
  source.split(/\r?\n/).forEach((text, i) => {
    const m = FENCE.exec(text);
    if (fence === null && m) {
      fence = m[1][0].repeat(m[1].length);
      out.push({ text, code: true, line: i + 1 });
      return;
    }
    if (fence !== null) {
      // A closing fence is the opening character, at least as many times, and nothing else.
      const close = /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(text);
      if (close?.[1].startsWith(fence)) fence = null;
      out.push({ text, code: true, line: i + 1 });
      return;
    }
    out.push({ text, code: false, line: i + 1 });
  });
  return out;
}

/** The line with every inline code span replaced by spaces of the same length (positions are kept). */
export function blankCodeSpans(line: string): string {
  return line.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (m) => ' '.repeat(m.length));
}

/** `[text](dest "title")` and `![alt](dest)`; the destination may be wrapped in <...>. */
const INLINE_LINK = /!?\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/;
const HTML_ATTRIBUTE = /\b(?:href|src)\s*=\s*("([^"]*)"|'([^']*)')/gi;

/** Every link of a Markdown file outside code, with its 1-based line. */
export function markdownLinks(source: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { text, code, line } of markdownLines(source)) {
    if (code) continue;
    const plain = blankCodeSpans(text);
    const def = REFERENCE_DEFINITION.exec(plain);
    if (def) links.push({ target: unwrap(def[1]), text: '', line });
    for (const m of plain.matchAll(INLINE_LINK)) links.push({ target: unwrap(m[2]), text: m[1], line });
    for (const m of plain.matchAll(HTML_ATTRIBUTE)) links.push({ target: m[2] ?? m[3], text: '', line });
  }
  return links;
}

function unwrap(dest: string): string {
  return dest.startsWith('<') && dest.endsWith('>') ? dest.slice(1, -1) : dest;
}

/**
 * GitHub's heading anchor (github-slugger): lower case, every character that is not a letter, mark,
 * number, connector punctuation, hyphen or space removed, then each space replaced by a hyphen.
 * Source: https://github.com/Flet/github-slugger/blob/master/index.js
 *
 * @example githubSlug('1. Cleaning and missing values') // '1-cleaning-and-missing-values'
 */
export function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The text GitHub renders for a heading's inline Markdown: links and images by their text, code by its content, no emphasis markers or HTML tags. */
export function headingText(inline: string): string {
  return inline
    .replace(/!?\[((?:[^[\]]|\[[^[\]]*\])*)\]\([^)]*\)/g, '$1')
    .replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, content: string) => content.trim())
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])[*_](\S(?:.*?\S)?)[*_](?=$|[^\p{L}\p{N}])/gu, '$1$2')
    .trim();
}

/**
 * The anchors a reader can link to in a Markdown file: one per ATX or setext heading (duplicates get
 * -1, -2, … as on GitHub) and every HTML `id`/`name` attribute.
 */
export function headingAnchors(source: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (text: string) => {
    const base = githubSlug(headingText(text));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  };
  const lines = markdownLines(source);
  lines.forEach(({ text, code }, i) => {
    if (code) return;
    const atx = /^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(text);
    if (atx) add(atx[1] ?? '');
    else {
      const next = lines[i + 1];
      if (next && !next.code && text.trim() !== '' && /^\s{0,3}(=+|-+)\s*$/.test(next.text)) add(text.trim());
    }
    for (const m of blankCodeSpans(text).matchAll(/\b(?:id|name)\s*=\s*"([^"]+)"/g)) anchors.add(m[1]);
  });
  return anchors;
}

/**
 * Every `§N` that is not inside the text of a link, code included (a link cannot be followed there).
 *
 * @example bareSectionMentions('see §3 and [§4](a.md#4)') // [{ mention: '§3', line: 1 }]
 */
export function bareSectionMentions(source: string): BareSection[] {
  const out: BareSection[] = [];
  for (const { text, code, line } of markdownLines(source)) {
    const linked: [number, number][] = [];
    if (!code) {
      for (const m of blankCodeSpans(text).matchAll(INLINE_LINK)) {
        const start = m.index + m[0].indexOf('[') + 1;
        linked.push([start, start + m[1].length]);
      }
    }
    for (const m of text.matchAll(/§\s*\d+/g)) {
      if (!linked.some(([a, b]) => m.index >= a && m.index < b)) out.push({ mention: m[0], line });
    }
  }
  return out;
}
