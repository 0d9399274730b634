/**
 * Words no role may be named after: keyboard mashing ("asdf", "qwerty"), letters without a vowel
 * ("qwrtzpl"), one letter repeated ("xxxx"), words longer than any English title word, letters and digits
 * alternating ("a1b2c3"), and words of a script other than Latin left untranslated beside English role
 * words ("日本語 Developer"). And text that is code rather than a title (SQL statements, HTML markup).
 * Only words outside the role lexicon are judged: "sdet", "c++" and "1c" are role words.
 */

/** Longer than the longest compound of a German title ("Softwareentwicklungsingenieur" is 29 letters). */
const MAX_WORD_LENGTH = 30;

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEY_RUN = 4;
const VOWELS = /[aeiouy]/g;

/** Four neighbouring keys of one keyboard row, forwards or backwards, with at most one vowel ("asdf", "qwer"). */
function hasKeyboardRun(word: string): boolean {
  for (const row of KEYBOARD_ROWS) {
    for (const line of [row, [...row].reverse().join('')]) {
      for (let at = 0; at + KEY_RUN <= line.length; at++) {
        const run = line.slice(at, at + KEY_RUN);
        if (word.includes(run) && (run.match(VOWELS)?.length ?? 0) <= 1) return true;
      }
    }
  }
  return false;
}

/** Why a cleaned token can name nothing, or null when it reads as a word. */
export function unreadableReason(token: string): string | null {
  if (/[^\p{Script=Latin}\p{N}#+.-]/u.test(token)) return 'a word in a script other than Latin';
  if (token.length > MAX_WORD_LENGTH) return `a word longer than ${MAX_WORD_LENGTH} letters`;
  if (/(\p{L})\1\1/u.test(token)) return 'a letter repeated three times';
  if (/\p{L}\p{N}\p{L}\p{N}|\p{N}\p{L}\p{N}\p{L}/u.test(token)) return 'letters and digits alternating';
  const letters = token.replace(/[^a-z]/g, '');
  if (letters.length >= 5 && !/[aeiouy]/.test(letters)) return 'a word without a vowel';
  if (/[bcdfghjklmnpqrstvwxz]{6}/.test(letters)) return 'six consonants in a row';
  if (hasKeyboardRun(letters)) return 'keys typed along a keyboard row';
  return null;
}

/** SQL statements and injections, HTML and script markup: code pasted where a title belongs. */
const CODE_PATTERNS: readonly RegExp[] = [
  /\b(?:select\b[\s\S]*\bfrom|insert\s+into|delete\s+from|drop\s+(?:table|database|schema)|update\s+\S+\s+set|union\s+(?:all\s+)?select|truncate\s+table|alter\s+table)\b/iu,
  /'\s*(?:or|and)\s+'?\w+'?\s*=|\b(\d+)\s*=\s*\1\b|;\s*--|^\s*--|\/\*[\s\S]*\*\//iu,
  /<\s*\/?\s*(?:script|style|iframe|img|svg|object|embed|a|div|span|p|b|i|u|br|html|body|head|table|tr|td|form|input)\b[^>]*>/iu,
  /\bjavascript\s*:|\bon(?:error|load|click|mouseover)\s*=/iu,
];

export function looksLikeCode(text: string): boolean {
  return CODE_PATTERNS.some((pattern) => pattern.test(text));
}
