/** English cardinal words for small counts, as written in job texts ("at least two years"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

/** Regex alternation of the words, longest first so "fourteen" wins over "four". */
export const NUMBER_WORD_PATTERN: string = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The value of a digit string ("5", "2.5") or a number word ("five"); null otherwise. */
export function parseSmallNumber(token: string): number | null {
  const word = NUMBER_WORDS[token.toLowerCase()];
  if (word !== undefined) return word;
  if (!/^\d+(?:\.\d+)?$/.test(token)) return null;
  return Number(token);
}
