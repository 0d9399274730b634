/**
 * Plain text of an HTML document, as a reader sees it: scripts, styles and comments dropped, block elements
 * and <br> end lines, entities decoded, runs of spaces collapsed. Pure and tolerant of broken markup.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  bull: '•',
  middot: '·',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  copy: '©',
  reg: '®',
  trade: '™',
  ...Object.fromEntries(
    [...'aeiouAEIOU'].flatMap((vowel) =>
      (
        [
          ['acute', 0x301],
          ['grave', 0x300],
          ['uml', 0x308],
          ['circ', 0x302],
        ] as const
      ).map(([accent, mark]) => [
        `${vowel}${accent}`,
        `${vowel}${String.fromCharCode(mark)}`.normalize('NFC'),
      ]),
    ),
  ),
  ntilde: 'ñ',
  Ntilde: 'Ñ',
  ccedil: 'ç',
  Ccedil: 'Ç',
  szlig: 'ß',
};

const BLOCK_TAGS =
  /^(?:p|div|br|li|ul|ol|tr|table|h[1-6]|section|article|header|footer|aside|nav|blockquote|pre|dt|dd|dl|hr|title|address|main|form|fieldset|figure|figcaption)$/i;

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,10});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '';
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Collapses spaces inside lines and blank-line runs to one blank line; trims the whole. */
export function tidyLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t \u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function htmlToText(html: string): string {
  const visible = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/\s+/g, ' ');
  const text = visible.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>?|<[!?][^>]*>/gi, (_tag, name?: string) => {
    if (!name) return '';
    if (BLOCK_TAGS.test(name)) return '\n';
    return /^t[dh]$/i.test(name) ? ' ' : '';
  });
  return tidyLines(decodeHtmlEntities(text)).replace(/\n{2,}/g, '\n');
}
