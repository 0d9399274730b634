/**
 * Skill specificity: how much a shared skill says about fit. A skill most postings ask for (SQL, Excel,
 * communication) is shared by unrelated jobs and candidates alike; a skill few postings name (SAP FI/CO,
 * OSPF, Tosca) says what the job is. Specificity is an inverse document frequency over a corpus of postings,
 * scaled to (0, 1]: a skill no posting of the corpus names is 1, one every posting names is MIN_SPECIFICITY.
 *
 * The table is computed here from the postings' skill lists and passed in; scoring reads a fixed table (one
 * per scoring version), so a score never changes because other postings arrived.
 */

import { skillKey } from './skill-score.js';
import { stem, titleWords } from './title-fit.js';

/** A skill named by every posting still carries this share of a rare skill's weight. */
export const MIN_SPECIFICITY = 0.2;

export interface SkillSpecificity {
  /** Postings counted. */
  documents: number;
  /** Skill key (see skillKey) -> number of postings naming it. */
  frequency: ReadonlyMap<string, number>;
  /** Title word stem (see title-fit.ts) -> number of postings whose title has it. */
  titleFrequency: ReadonlyMap<string, number>;
  /** Skill key -> its dictionary category ("Testing tool", "Business application"). */
  category: ReadonlyMap<string, string>;
  /** Category -> number of postings naming a skill of it. */
  categoryFrequency: ReadonlyMap<string, number>;
}

export const NO_SPECIFICITY: SkillSpecificity = Object.freeze({
  documents: 0,
  frequency: new Map(),
  titleFrequency: new Map(),
  category: new Map(),
  categoryFrequency: new Map(),
});

function countOnce(frequency: Map<string, number>, keys: Iterable<string>): void {
  for (const key of new Set(keys)) if (key !== '') frequency.set(key, (frequency.get(key) ?? 0) + 1);
}

/**
 * Document frequencies of the skills, title words and skill categories of `postings` (each counted once per
 * posting). `categories`: skill name -> dictionary category, for the skills that have one.
 */
export function skillSpecificity(
  postings: readonly { title: string; skills: readonly string[] }[],
  categories: ReadonlyMap<string, string> = new Map(),
): SkillSpecificity {
  const category = new Map<string, string>();
  for (const [name, value] of categories) if (skillKey(name) !== '') category.set(skillKey(name), value);
  const frequency = new Map<string, number>();
  const titleFrequency = new Map<string, number>();
  const categoryFrequency = new Map<string, number>();
  for (const posting of postings) {
    const keys = posting.skills.map(skillKey);
    countOnce(frequency, keys);
    countOnce(titleFrequency, titleWords(posting.title).map(stem));
    countOnce(
      categoryFrequency,
      keys.flatMap((key) => category.get(key) ?? []),
    );
  }
  return { documents: postings.length, frequency, titleFrequency, category, categoryFrequency };
}

/** The skill's category, or null when the dictionary gives none. */
export function categoryOf(table: SkillSpecificity, key: string): string | null {
  return table.category.get(key) ?? null;
}

/** How much sharing a category says, like a skill's specificity. */
export function categorySpecificity(table: SkillSpecificity, category: string): number {
  return specificityIn(table.categoryFrequency, table.documents, category);
}

/**
 * The specificity of one skill, in [MIN_SPECIFICITY, 1]: ln(1 + N / (df + 1)) relative to a skill of df 0,
 * so that it falls steeply for skills a large share of postings name and hardly at all among rare ones.
 * Without a corpus every skill is 1 (plain coverage).
 */
export function specificityOf(table: SkillSpecificity, key: string): number {
  return specificityIn(table.frequency, table.documents, key);
}

/** The same for a title word stem. */
export function titleWordSpecificity(table: SkillSpecificity, stemmed: string): number {
  return specificityIn(table.titleFrequency, table.documents, stemmed);
}

function specificityIn(frequency: ReadonlyMap<string, number>, documents: number, key: string): number {
  if (documents === 0) return 1;
  const df = Math.min(frequency.get(key) ?? 0, documents);
  const idf = Math.log(1 + documents / (df + 1));
  const rare = Math.log(1 + documents);
  return MIN_SPECIFICITY + (1 - MIN_SPECIFICITY) * (idf / rare);
}

/** The table as JSON-friendly rows, most frequent first, and back. */
export interface SkillSpecificityFile {
  documents: number;
  frequency: [string, number][];
  titleFrequency: [string, number][];
  category: [string, string][];
  categoryFrequency: [string, number][];
}

const byCount = (map: ReadonlyMap<string, number>): [string, number][] =>
  [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

export function specificityToFile(table: SkillSpecificity): SkillSpecificityFile {
  return {
    documents: table.documents,
    frequency: byCount(table.frequency),
    titleFrequency: byCount(table.titleFrequency),
    category: [...table.category].sort((a, b) => a[0].localeCompare(b[0])),
    categoryFrequency: byCount(table.categoryFrequency),
  };
}

export function specificityFromFile(file: SkillSpecificityFile): SkillSpecificity {
  return {
    documents: file.documents,
    frequency: new Map(file.frequency),
    titleFrequency: new Map(file.titleFrequency),
    category: new Map(file.category),
    categoryFrequency: new Map(file.categoryFrequency),
  };
}
