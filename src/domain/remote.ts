/**
 * Work arrangement (remote / hybrid / on-site) of a posting. Pure.
 *
 * Structured fields (title, location, work-from-home type) are short labels, so a bare "Remote" or
 * "Hybrid" there is a signal. Descriptions are prose that also mention "remote sensing" or "hybrid
 * cloud", so there a term only counts next to words about the work itself ("work remotely", "fully
 * remote", "hybrid schedule"). Title/location signals beat the source flag, which beats the description.
 */

export type WorkArrangement = 'remote' | 'hybrid' | 'onsite';

export interface WorkArrangementInput {
  title?: string | null;
  location?: string | null;
  description?: string | null;
  /** Source columns like true, "True", "1", "yes", "remote". */
  isRemoteFlag?: boolean | string | null;
  workFromHomeType?: string | null;
}

export interface WorkArrangementResult {
  work_arrangement: WorkArrangement | null;
  is_remote: boolean;
}

type Signal = WorkArrangement | null;

const REMOTE_TERM =
  /\b(?:remote(?:ly)?|wfh|work(?:ing)?[- ]from[- ](?:home|anywhere)|tele-?(?:commut(?:e|ing)|work(?:ing)?)|home[- ]based|virtual)\b/g;
const HYBRID_TERM = /\bhybrid\b/g;
const ONSITE_TERM = /\b(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based)\b/g;

/** "remote sensing", "remote monitoring tools", "hybrid cloud": the term describes a thing, not the job. */
const THING_AFTER_TERM = new Set(
  `access assistance backup backups car cars cloud clouds connection connections connectivity control
controlled controls data deployment desktop desktops device devices diagnostics environment environments
infrastructure installation installations integration learning locations maintenance management meeting
meetings mobile model models monitoring network networks operated operation operations patient patients
pilot repository repositories sensing sensor sensors server servers service services storage support
system systems technology technologies tools troubleshooting vehicle vehicles work-flows apps app
solution solutions architecture architectures approach machine machines reality assistant assistants private
event events classroom tour tours try-on`.split(/\s+/),
);

/** Words that make a description mention about the job itself. */
const WORK_CONTEXT = new Set(
  `work works working worker workers role roles position positions job jobs opportunity option options
schedule scheduled arrangement arrangements model basis eligible friendly first setting workplace team
employee employees candidates candidate policy office days day week weekly fully 100 completely entirely
permanently primarily mostly partially flexible is be are can may this within from us usa uk only ok okay
located location anywhere based available possible allowed considered`.split(/\s+/),
);

/** "not remote", "no remote"; also Indeed's "Temporarily Remote in Austin": the lasting arrangement is on-site. */
const NEGATORS = new Set([
  'temporarily',
  'temporary',
  'not',
  'no',
  'non',
  'never',
  'cannot',
  "can't",
  'isnt',
  "isn't",
  'unable',
  'without',
]);
const NEGATED_AFTER =
  /^\s*(?:(?:work|working|option|options|work arrangements?)\s+)?(?:is|are)?\s*(?:not|n't)\s+(?:available|possible|offered|an option|permitted|allowed|supported)/;

export function parseWorkArrangement(input: WorkArrangementInput): WorkArrangementResult {
  const structured = strongest([
    classify(input?.title, 'label'),
    classify(input?.location, 'label'),
    classify(input?.workFromHomeType, 'label'),
  ]);
  const arrangement = structured ?? flagSignal(input?.isRemoteFlag) ?? classify(input?.description, 'prose');
  return { work_arrangement: arrangement, is_remote: arrangement === 'remote' };
}

/** Hybrid beats remote (not fully remote), remote beats on-site (an office visit does not make it on-site). */
function strongest(signals: Signal[]): Signal {
  if (signals.includes('hybrid')) return 'hybrid';
  if (signals.includes('remote')) return 'remote';
  if (signals.includes('onsite')) return 'onsite';
  return null;
}

function flagSignal(flag: boolean | string | null | undefined): Signal {
  if (flag === true) return 'remote';
  if (typeof flag !== 'string') return null;
  const value = flag.trim().toLowerCase();
  if (['true', '1', 'yes', 'y', 't'].includes(value)) return 'remote';
  return classify(value, 'label');
}

function classify(text: string | null | undefined, kind: 'label' | 'prose'): Signal {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const normalized = text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  const remote = findTerms(normalized, REMOTE_TERM, kind);
  const hybrid = findTerms(normalized, HYBRID_TERM, kind);
  const onsite = findTerms(normalized, ONSITE_TERM, kind);
  const negatedRemote = remote.some((m) => m.negated);
  if (hybrid.some((m) => !m.negated)) return 'hybrid';
  if (remote.some((m) => !m.negated)) return 'remote';
  if (negatedRemote || onsite.some((m) => !m.negated)) return 'onsite';
  return null;
}

interface TermMatch {
  negated: boolean;
}

function findTerms(text: string, pattern: RegExp, kind: 'label' | 'prose'): TermMatch[] {
  const matches: TermMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = wordsBefore(text, start, 4);
    const after = wordsAfter(text, end, 3);
    const describesThing =
      /^(?:remote|hybrid|virtual)/.test(match[0]) && THING_AFTER_TERM.has(after[0] ?? '');
    if (describesThing) continue;
    if (kind === 'prose' && !isAboutTheJob(match[0], before, after, text[end])) continue;
    const negated = before.some((w) => NEGATORS.has(w)) || NEGATED_AFTER.test(text.slice(end, end + 60));
    matches.push({ negated });
  }
  return matches;
}

function isAboutTheJob(
  term: string,
  before: string[],
  after: string[],
  nextChar: string | undefined,
): boolean {
  // "Remote - US", "Hybrid (3 days in office)", "hybrid: 2 days".
  if (nextChar !== undefined && /[-–(:/]/.test(nextChar)) return true;
  if (term !== 'remote' && term !== 'remotely' && term !== 'hybrid' && term !== 'virtual') return true;
  const nearBefore = before.slice(-2);
  const nearAfter = after.slice(0, 2);
  return [...nearBefore, ...nearAfter].some((w) => WORK_CONTEXT.has(w));
}

/** Words of the same clause before `index`. */
function wordsBefore(text: string, index: number, count: number): string[] {
  const clause =
    text
      .slice(Math.max(0, index - 60), index)
      .split(/[.;!?]/)
      .at(-1) ?? '';
  return (clause.match(/[a-z0-9'%]+/g) ?? []).slice(-count).map((w) => w.replace(/%$/, ''));
}

function wordsAfter(text: string, index: number, count: number): string[] {
  const words = (text.slice(index, index + 60).match(/[a-z0-9'%]+/g) ?? []).slice(0, count);
  return words.map((w) => w.replace(/%$/, ''));
}
