/**
 * Employment terms: the kinds of employment a posting offers (permanent; contract, and its US forms C2C, W2,
 * 1099) against the kinds the candidate takes. A candidate who takes "contract" takes any contract form; a
 * posting that says only "contract" suits a candidate who takes any contract form. No overlap → MISMATCH; either
 * side unknown → no evidence.
 */

export const EMPLOYMENT_KINDS = ['permanent', 'contract', 'c2c', 'w2', '1099'] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];

const CONTRACT_FORMS: readonly EmploymentKind[] = ['c2c', 'w2', '1099'];
export const TERMS_MISMATCH = 20;

const KIND_PATTERNS: readonly [RegExp, EmploymentKind][] = [
  [/\bc2c\b|\bcorp[- ]to[- ]corp\b/i, 'c2c'],
  [/\bw-?2\b/i, 'w2'],
  [/\b1099\b/, '1099'],
  [
    /\bcontract(?:or)?\b|\bfreelance\b|\btemporary\b|\btemp\b|\bfixed[- ]term\b|\bftc\b|\bir35\b|\binterim\b/i,
    'contract',
  ],
  [/\bpermanent\b|\bperm\b|\bfull[- ]time\b|\bsalaried\b/i, 'permanent'],
];

/** The kinds a posting names in its employment type, contract type or title. */
export function jobEmploymentKinds(...texts: (string | null | undefined)[]): Set<EmploymentKind> {
  const kinds = new Set<EmploymentKind>();
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    for (const [pattern, kind] of KIND_PATTERNS) if (pattern.test(text)) kinds.add(kind);
  }
  // "Full-time contract": the contract wins, full-time only says the hours.
  if (kinds.has('permanent') && [...kinds].some((k) => k !== 'permanent')) kinds.delete('permanent');
  return kinds;
}

function accepts(candidate: ReadonlySet<EmploymentKind>, offered: EmploymentKind): boolean {
  if (candidate.has(offered)) return true;
  if (CONTRACT_FORMS.includes(offered)) return candidate.has('contract');
  if (offered === 'contract') return CONTRACT_FORMS.some((form) => candidate.has(form));
  return false;
}

export type TermsFit =
  | { kind: 'unknown' }
  | { kind: 'fits' | 'mismatch'; offered: EmploymentKind[]; wanted: EmploymentKind[] };

export interface TermsMatch {
  score: number;
  fit: TermsFit;
}

export function scoreTerms(
  wanted: ReadonlySet<EmploymentKind>,
  offered: ReadonlySet<EmploymentKind>,
): TermsMatch {
  if (wanted.size === 0 || offered.size === 0) return { score: 0, fit: { kind: 'unknown' } };
  const fits = [...offered].some((kind) => accepts(wanted, kind));
  return {
    score: fits ? 100 : TERMS_MISMATCH,
    fit: { kind: fits ? 'fits' : 'mismatch', offered: [...offered], wanted: [...wanted] },
  };
}

export function employmentKindLabel(kind: EmploymentKind): string {
  return kind === 'c2c' ? 'C2C' : kind === 'w2' ? 'W2' : kind;
}
