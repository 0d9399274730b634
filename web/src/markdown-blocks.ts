/**
 * A small Markdown reader for posting descriptions (JobSpy writes them as Markdown; other sources leave HTML
 * remnants). It produces plain data that the UI renders as React elements, never as HTML, so nothing in a
 * description can run or style the page: that is the sanitizing. Supported: headings, paragraphs, bullet and
 * numbered lists, **bold**, *italic*, `code`, [links](https://...) (http, https and mailto only), backslash
 * escapes ("\*\*Overview\*\*" shows the asterisks; the import stores JobSpy's markdownify escapes undone, so
 * its "**Overview**" is bold), and common HTML tags turned into line breaks.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: number; content: Inline[] }
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

/** Escaped punctuation is hidden in the private use area while the inline rules run, then restored. */
const ESCAPE_BASE = 0xe000;
const hideEscapes = (text: string) =>
  text.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, (_, char: string) =>
    String.fromCharCode(ESCAPE_BASE + char.charCodeAt(0)),
  );
const restoreEscapes = (text: string) =>
  text.replace(/[\ue000-\ue07f]/g, (char) => String.fromCharCode(char.charCodeAt(0) - ESCAPE_BASE));

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** HTML remnants: block tags become line breaks, other tags are dropped, entities decoded. */
function flattenHtml(text: string): string {
  return decodeEntities(
    text
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(?:p|div|li|ul|ol|h[1-6]|tr|table|section)\b[^<>]*>/gi, '\n')
      .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, ''),
  );
}

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

const INLINE_RULES: ReadonlyArray<{ pattern: RegExp; build: (match: RegExpExecArray) => Inline }> = [
  { pattern: /`([^`\n]+)`/, build: (m) => ({ kind: 'code', text: restoreEscapes(m[1]!) }) },
  {
    pattern: /\[([^\]\n]+)\]\(([^)\s]+)\)/,
    build: (m) =>
      SAFE_LINK.test(m[2]!)
        ? { kind: 'link', href: restoreEscapes(m[2]!), children: parseInline(m[1]!) }
        : { kind: 'text', text: restoreEscapes(m[1]!) },
  },
  {
    pattern: /\*\*(?=\S)([^\n]+?)(?<=\S)\*\*|__(?=\S)([^\n]+?)(?<=\S)__/,
    build: (m) => ({ kind: 'strong', children: parseInline(m[1] ?? m[2]!) }),
  },
  {
    pattern:
      /\*(?=[^\s*])([^\n*]+?)(?<=[^\s*])\*|(?<![\p{L}\p{N}])_(?=\S)([^\n_]+?)(?<=\S)_(?![\p{L}\p{N}])/u,
    build: (m) => ({ kind: 'em', children: parseInline(m[1] ?? m[2]!) }),
  },
];

/** Inline Markdown of one line whose escapes are hidden. */
function parseInline(text: string): Inline[] {
  const result: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    let best: { index: number; match: RegExpExecArray; build: (m: RegExpExecArray) => Inline } | null = null;
    for (const rule of INLINE_RULES) {
      const match = rule.pattern.exec(rest);
      if (match && (best === null || match.index < best.index))
        best = { index: match.index, match, build: rule.build };
    }
    if (best === null) {
      result.push({ kind: 'text', text: restoreEscapes(rest) });
      break;
    }
    if (best.index > 0) result.push({ kind: 'text', text: restoreEscapes(rest.slice(0, best.index)) });
    result.push(best.build(best.match));
    rest = rest.slice(best.index + best.match[0].length);
  }
  return result;
}

const HEADING_RE = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET_RE = /^\s*[-*+•·]\s+(.*)$/;
const NUMBERED_RE = /^\s*\d{1,3}[.)]\s+(.*)$/;
/** A line that is bold and nothing else ("**Overview**") reads as a heading. */
const BOLD_LINE_RE = /^\s*\*\*([^*\n]+)\*\*:?\s*$/;

export function parseMarkdown(source: string | null | undefined): Block[] {
  if (!source) return [];
  const lines = hideEscapes(flattenHtml(source.replace(/\r\n?/g, '\n'))).split('\n');
  const blocks: Block[] = [];
  let paragraph: Inline[][] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', lines: paragraph });
    if (list !== null) blocks.push({ kind: 'list', ...list });
    paragraph = [];
    list = null;
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading =
      HEADING_RE.exec(line) ?? (BOLD_LINE_RE.test(line) ? ['', '###', BOLD_LINE_RE.exec(line)![1]!] : null);
    if (heading) {
      flush();
      blocks.push({
        kind: 'heading',
        level: Math.min(heading[1]!.length, 6),
        content: parseInline(heading[2]!),
      });
      continue;
    }
    const bullet = BULLET_RE.exec(line);
    const numbered = bullet ? null : NUMBERED_RE.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null;
      if (paragraph.length > 0 || (list !== null && (list as { ordered: boolean }).ordered !== ordered))
        flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline(item[1]!));
      continue;
    }
    if (list !== null) flush();
    paragraph.push(parseInline(line.trim()));
  }
  flush();
  return blocks;
}
