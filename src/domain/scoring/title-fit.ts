/**
 * Title agreement: how much of the posting's title the candidate's own words cover, by weight. A title names the kind of
 * work ("Test Automation Engineer", "Oracle Database Administrator"); a candidate whose title, asked-for roles
 * or skills use those words does that kind of work. Level words and filler are left out (seniority is scored
 * on its own). The words before the head noun name the field and weigh 1; the head noun ("Engineer",
 * "Analyst": the last word of the title's main part) and anything after a dash, comma or bracket ("- Payments")
 * weigh QUALIFIER_WEIGHT: many jobs share them. Each weight is scaled by the word's specificity among posting
 * titles when a corpus table is given. 0-100; null when the title has no such word or the candidate has no
 * words.
 */

const FILLER = new Set([
  'and',
  'or',
  'of',
  'the',
  'a',
  'an',
  'for',
  'in',
  'at',
  'to',
  'with',
  'on',
  'by',
  'from',
  'senior',
  'snr',
  'sr',
  'junior',
  'jr',
  'jnr',
  'lead',
  'principal',
  'staff',
  'head',
  'chief',
  'director',
  'associate',
  'assistant',
  'graduate',
  'intern',
  'trainee',
  'entry',
  'level',
  'mid',
  'vice',
  'president',
  'vp',
  'i',
  'ii',
  'iii',
  'iv',
  'v',
  'contract',
  'permanent',
  'temporary',
  'ftc',
  'month',
  'months',
  'remote',
  'hybrid',
  'onsite',
  'uk',
  'us',
  'new',
  'team',
  'role',
  'job',
  'based',
  'up',
  'k',
]);

export function titleWords(text: string | null | undefined): string[] {
  if (typeof text !== 'string') return [];
  const words = text.toLowerCase().match(/[\p{L}][\p{L}\p{N}+#]*/gu) ?? [];
  return words.filter((word) => !FILLER.has(word) && word.length > 1);
}

/** Crude stem so "testing" meets "tester" and "test", "developer" meets "development". */
export function stem(word: string): string {
  return word.replace(/(?:ment|ing|ers|er|ors|or|s)$/u, '') || word;
}

export function candidateWordSet(texts: readonly (string | null | undefined)[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of titleWords(text)) words.add(stem(word));
  return words;
}

const QUALIFIER_WEIGHT = 0.5;
const MAIN_PART_END = /\s[-–—|]\s|[,(:/|]/;

export interface TitleWord {
  stem: string;
  weight: number;
}

/**
 * The posting title's words with their weights, each stem once (its highest weight), times the word's
 * specificity among posting titles (`specificity`; 1 for every word when not given): "engineer" and "data"
 * say less about the kind of work than "test" or "network".
 */
export function weightedTitleWords(
  title: string,
  specificity: (stemmed: string) => number = () => 1,
): TitleWord[] {
  const end = title.search(MAIN_PART_END);
  const main = titleWords(end < 0 ? title : title.slice(0, end));
  const rest = end < 0 ? [] : titleWords(title.slice(end));
  const weights = new Map<string, number>();
  const put = (word: string, weight: number) => {
    const key = stem(word);
    weights.set(key, Math.max(weights.get(key) ?? 0, weight));
  };
  for (const [i, word] of main.entries()) put(word, i === main.length - 1 ? QUALIFIER_WEIGHT : 1);
  for (const word of rest) put(word, QUALIFIER_WEIGHT);
  return [...weights].map(([key, weight]) => ({ stem: key, weight: weight * specificity(key) }));
}

/**
 * Title agreement grows with the weight of the posting's title words the candidate's words cover, and
 * saturates (like a term's contribution in BM25): one specific word shared ("Security", "Test") says more than
 * the share of a short title covered ("Data Analyst" covered by "analyst" alone is half the title but says
 * little). At a covered weight of TITLE_SATURATION the agreement is 63, at twice that 86.
 */
export const TITLE_SATURATION = 0.6;

export function titleAgreement(
  jobTitle: readonly TitleWord[],
  candidateWords: ReadonlySet<string>,
): number | null {
  if (jobTitle.length === 0 || candidateWords.size === 0) return null;
  let covered = 0;
  for (const word of jobTitle) if (candidateWords.has(word.stem)) covered += word.weight;
  return 100 * (1 - Math.exp(-covered / TITLE_SATURATION));
}
