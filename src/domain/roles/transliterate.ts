/**
 * English role and technology words written in Cyrillic letters, as Ukrainian and Russian boards do
 * ("Джава девелопер", "Пайтон розробник", "Лінукс адмін"): a Cyrillic word is transliterated the way loanwords
 * are spelt, both it and the English vocabulary are reduced to a sound key (c and k alike, y and i alike, double
 * letters once), and the word is read as the one vocabulary word whose key is that close. Words of the
 * language itself ("розробник") are translated by parse-title's dictionary first; a word with no close
 * English word is left as it is.
 */
import { editDistance } from './edit-distance.js';

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Digraphs first: "дж" is the English j of loanwords ("джава", "джуніор"), "кс" an x ("лінукс"). */
const DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ['дж', 'j'],
  ['кс', 'x'],
  ['ай', 'y'],
];

const LETTERS: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ye',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Latin letters for a lower-case Cyrillic word; null when a letter is neither Cyrillic nor Latin. */
export function transliterateCyrillic(word: string): string | null {
  let text = word.toLowerCase();
  for (const [from, to] of DIGRAPHS) text = text.replaceAll(from, to);
  let out = '';
  for (const letter of text) {
    const latin = LETTERS[letter];
    if (latin !== undefined) out += latin;
    else if (/[a-z0-9]/.test(letter)) out += letter;
    else return null;
  }
  return out;
}

/** How a word sounds, roughly: spelling differences of loanwords vanish ("python" and "pyton" share a key). */
export function soundKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/c/g, 'k')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

export interface SoundIndex {
  readonly byKey: ReadonlyMap<string, string | null>;
  readonly keys: readonly (readonly [string, string | null])[];
}

/** Vocabulary words by sound key; a key two words share is ambiguous (null). */
export function buildSoundIndex(words: Iterable<string>): SoundIndex {
  const byKey = new Map<string, string | null>();
  for (const word of words) {
    if (!/^[a-z]{3,}$/.test(word)) continue;
    const key = soundKey(word);
    const owner = byKey.get(key);
    byKey.set(key, owner === undefined || owner === word ? word : null);
  }
  return { byKey, keys: [...byKey] };
}

/** Sound keys shorter than this match exactly only: "рубі" is ruby, but a three-letter key is any word. */
const FUZZY_FROM = 5;

/** The English word a Cyrillic word spells, or null ("девелопер" → developer, "пайтон" → python). */
export function englishLoanword(word: string, index: SoundIndex): string | null {
  if (!CYRILLIC.test(word)) return null;
  const latin = transliterateCyrillic(word);
  if (latin === null || latin.length < 3) return null;
  const key = soundKey(latin);
  const exact = index.byKey.get(key);
  if (exact !== undefined) return exact;
  if (key.length < FUZZY_FROM) return null;
  const limit = key.length >= 8 ? 2 : 1;
  let best: { word: string; edits: number } | null = null;
  let tie = false;
  for (const [candidate, owner] of index.keys) {
    if (owner === null || candidate[0] !== key[0]) continue;
    const edits = editDistance(key, candidate, limit);
    if (edits > limit) continue;
    if (best === null || edits < best.edits) {
      best = { word: owner, edits };
      tie = false;
    } else if (edits === best.edits && best.word !== owner) tie = true;
  }
  return best !== null && !tie ? best.word : null;
}
