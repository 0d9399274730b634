/**
 * Plain text of an RTF document: paragraphs and line breaks become newlines, `\'hh` bytes decode as
 * Windows-1252, `\uN` as Unicode (skipping the `\ucN` fallback characters), and destinations that hold no
 * body text (font and colour tables, stylesheets, document info, pictures, `{\*...}` groups) are skipped.
 * Pure; malformed input (unbalanced braces, cut-off escapes) yields the text that could be read.
 */

import { tidyLines } from './html-to-text.js';

const SKIPPED_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'header',
  'footer',
  'headerl',
  'headerr',
  'footerl',
  'footerr',
  'xmlnstbl',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'fldinst',
]);

const WINDOWS_1252_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

function windows1252(byte: number): string {
  if (byte >= 0x80 && byte < 0xa0) return WINDOWS_1252_HIGH[byte - 0x80]!;
  return String.fromCharCode(byte);
}

const CONTROL_TEXT: Record<string, string> = {
  par: '\n',
  line: '\n',
  sect: '\n',
  page: '\n',
  row: '\n',
  cell: ' ',
  tab: '\t',
  emdash: '—',
  endash: '–',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
};

export function isRtf(text: string): boolean {
  return /^\s*\{\\rtf/.test(text);
}

export function rtfToText(rtf: string): string {
  interface Group {
    skip: boolean;
    unicodeSkip: number;
  }
  const stack: Group[] = [];
  let group: Group = { skip: false, unicodeSkip: 1 };
  let out = '';
  let pendingSkip = 0;
  let index = 0;
  const emit = (text: string) => {
    if (group.skip) return;
    if (pendingSkip > 0) {
      pendingSkip--;
      return;
    }
    out += text;
  };
  while (index < rtf.length) {
    const char = rtf[index]!;
    if (char === '{') {
      stack.push(group);
      group = { ...group };
      index++;
      if (rtf.startsWith('\\*', index)) group.skip = true;
      continue;
    }
    if (char === '}') {
      group = stack.pop() ?? { skip: false, unicodeSkip: 1 };
      index++;
      continue;
    }
    if (char === '\\') {
      const next = rtf[index + 1];
      if (next === undefined) break;
      if (next === "'") {
        const hex = rtf.slice(index + 2, index + 4);
        if (/^[0-9a-f]{2}$/i.test(hex)) emit(windows1252(Number.parseInt(hex, 16)));
        index += 2 + hex.length;
        continue;
      }
      if (!/[a-z]/i.test(next)) {
        if (next === '~') emit(' ');
        else if (next === '_') emit('-');
        else if (next === '\\' || next === '{' || next === '}') emit(next);
        else if (next === '\n' || next === '\r') emit('\n');
        index += 2;
        continue;
      }
      const match = /^([a-z]{1,32})(-?\d{1,10})? ?/i.exec(rtf.slice(index + 1, index + 48))!;
      const word = match[1]!;
      const argument = match[2] === undefined ? null : Number(match[2]);
      index += 1 + match[0].length;
      if (SKIPPED_DESTINATIONS.has(word)) group.skip = true;
      else if (word === 'uc' && argument !== null) group.unicodeSkip = Math.max(0, argument);
      else if (word === 'u' && argument !== null) {
        const code = argument < 0 ? argument + 65536 : argument;
        if (!group.skip) out += String.fromCharCode(code);
        pendingSkip = group.unicodeSkip;
      } else if (CONTROL_TEXT[word] !== undefined) emit(CONTROL_TEXT[word]);
      continue;
    }
    if (char === '\n' || char === '\r') {
      index++;
      continue;
    }
    emit(char);
    index++;
  }
  return tidyLines(
    out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );
}
