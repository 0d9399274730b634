/** Search keywords of a posting, and HTML clean-up shared by the text parsers. Pure. */

export interface KeywordInput {
  title: string;
  description?: string | null;
  requirements?: string | null;
  skills?: string[];
}

const DEFAULT_MAX_KEYWORDS = 20;
const MAX_KEYWORD_LENGTH = 100;
const MIN_TERM_FREQUENCY = 2;
/** A bigram repeated this often says more than either of its words. */
const BIGRAM_WEIGHT = 1.5;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  nbsp: ' ',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
  middot: '·',
  trade: '™',
  reg: '®',
  copy: '©',
  euro: '€',
  pound: '£',
};

/** Removes tags, scripts/styles and comments, decodes entities and collapses whitespace. */
export function stripHtml(text: string): string {
  if (typeof text !== 'string' || text === '') return '';
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, decodeEntity)
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

function decodeEntity(entity: string, body: string): string {
  if (body[0] === '#') {
    const isHex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(isHex ? 2 : 1), isHex ? 16 : 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
}

const STOP_WORDS = new Set(
  `a about above across after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either etc few for from further had
has have having he her here hers him his how i if in into is it its itself just may me might more most must
my no nor not now of off on once only or other our ours out over own per same shall she should so some such
than that the their theirs them then there these they this those through to too under until up upon us very
via was we were what when where which while who whom why will with within without would you your yours
able ability across apply applicants candidate candidates company day days description duties employer
employment equal etc excellent experience experienced good great including job jobs join looking make new
opportunity opportunities plus position preferred provide related required requirements responsibilities
role skills strong team teams use using well work working year years yrs e.g i.e s`.split(/\s+/),
);

const WORD_PATTERN = /[\p{L}\p{N}](?:[\p{L}\p{N}+#]|\.(?=[\p{L}\p{N}]))*/gu;

function termsOf(text: string): string[][] {
  // Sentences and list items are kept apart so that bigrams never span them.
  return text
    .split(/[.!?;:,|•·()[\]\n\r]+(?:\s|$)|[;|•·()[\]\n\r]/u)
    .map((segment) => (segment.toLowerCase().match(WORD_PATTERN) ?? []).filter(isMeaningful));
}

function isMeaningful(word: string): boolean {
  return word.length >= 2 && word.length <= 40 && !STOP_WORDS.has(word) && !/^[\d.]+$/.test(word);
}

function frequentTerms(text: string): string[] {
  const scores = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  const add = (term: string, weight: number) => {
    scores.set(term, (scores.get(term) ?? 0) + weight);
    if (!firstSeen.has(term)) firstSeen.set(term, firstSeen.size);
  };
  for (const segment of termsOf(text)) {
    for (const [i, word] of segment.entries()) {
      add(word, 1);
      const next = segment[i + 1];
      if (next) add(`${word} ${next}`, BIGRAM_WEIGHT);
    }
  }
  const minimum = (term: string) =>
    term.includes(' ') ? MIN_TERM_FREQUENCY * BIGRAM_WEIGHT : MIN_TERM_FREQUENCY;
  return [...scores]
    .filter(([term, score]) => score >= minimum(term))
    .sort((a, b) => b[1] - a[1] || firstSeen.get(a[0])! - firstSeen.get(b[0])!)
    .map(([term]) => term);
}

/** Salient lower-case terms for search: title words, skills, then frequent description terms and bigrams. */
export function extractKeywords(input: KeywordInput, opts?: { max?: number }): string[] {
  const max = Math.max(0, Math.floor(opts?.max ?? DEFAULT_MAX_KEYWORDS));
  const keywords: string[] = [];
  const seen = new Set<string>();
  const push = (term: string) => {
    const cleaned = term.toLowerCase().replace(/\s+/g, ' ').trim();
    if (cleaned === '' || cleaned.length > MAX_KEYWORD_LENGTH || seen.has(cleaned) || keywords.length >= max)
      return;
    seen.add(cleaned);
    keywords.push(cleaned);
  };
  const title = stripHtml(input?.title ?? '');
  for (const segment of termsOf(title)) for (const word of segment) push(word);
  for (const skill of input?.skills ?? []) if (typeof skill === 'string') push(stripHtml(skill));
  const body = [input?.description, input?.requirements]
    .filter((t): t is string => typeof t === 'string')
    .map(stripHtml)
    .join('\n');
  for (const term of frequentTerms(body)) push(term);
  return keywords;
}
