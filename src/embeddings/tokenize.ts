/**
 * Tokenizer shared by the local embedding model: lower-cases, keeps technology names whole
 * (c++, c#, .net, node.js, asp.net) and expands abbreviations common in job titles.
 */

const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    dev: ['developer'],
    devs: ['developers'],
    eng: ['engineer'],
    engr: ['engineer'],
    engrs: ['engineers'],
    sr: ['senior'],
    snr: ['senior'],
    jr: ['junior'],
    mgr: ['manager'],
    mgrs: ['managers'],
    admin: ['administrator'],
    admins: ['administrators'],
    sysadmin: ['system', 'administrator'],
  }),
);

const RAW_TOKEN = /[\p{L}\p{N}.+#'_-]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ONLY_DIGITS = /^[\d.,+]+$/;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.toLowerCase().matchAll(RAW_TOKEN)) {
    // Runs of two or more dots ("etc...next") separate words; single dots stay inside (node.js).
    for (const piece of match[0].split(/\.{2,}/)) {
      const token = trimPunctuation(piece);
      if (token === '' || ONLY_DIGITS.test(token) || !LETTER_OR_DIGIT.test(token)) continue;
      const expansion = ABBREVIATIONS.get(token);
      if (expansion) tokens.push(...expansion);
      else tokens.push(token);
    }
  }
  return tokens;
}

/** Strips sentence punctuation and possessives while keeping `.net`-style leading dots and `c++`/`c#` tails. */
function trimPunctuation(piece: string): string {
  let token = piece.replace(/'s$/, '').replace(/[.'_-]+$/, '');
  const keepLeadingDot = /^\.\p{L}[\p{L}\p{N}]*$/u.test(token);
  if (!keepLeadingDot) token = token.replace(/^[.'_+#-]+/, '');
  return token;
}

/** Alternate spellings tried for word-vector lookup when the whole token is unknown (node.js → node, js). */
export function tokenParts(token: string): string[] {
  return token.split(/[.'_-]+/).filter((part) => part !== '' && !ONLY_DIGITS.test(part));
}

/**
 * Key used for hashed features: hyphen- and plural-insensitive, so "front-end" meets "frontend" and
 * "developers" meets "developer".
 */
export function featureKey(token: string): string {
  return singular(token.replace(/-/g, ''));
}

function singular(word: string): string {
  if (word.length <= 3 || !/^\p{L}+$/u.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is|ous)$/.test(word)) return word;
  if (/(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
