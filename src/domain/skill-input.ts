/**
 * Candidate skills as a recruiter types or pastes them, through the same dictionary as postings.
 *
 * A pasted resume section ("Languages: C#.Net, ASP.Net MVC (5 years) • SQL Server / SSIS") is split into
 * fragments on list separators (commas, semicolons, bullets, pipes, line breaks, a slash or dash between
 * spaces); "Label:" prefixes and duration notes ("(2 years)", "(Less than 1 year)") are dropped. Each fragment
 * is then, in order:
 * 1. a known skill as a whole ("k8s" → Kubernetes, "R" → R: a declared skill needs no technical context);
 * 2. else known skills glued by a dot ("C#.Net" → C#, .NET: every part must be known);
 * 3. else the dictionary skills found inside it ("Microsoft Technologies C#.Net" → C#, .NET);
 * 4. else kept as a free skill, cleaned, when it reads like a name (at most MAX_FREE_WORDS words): the
 *    recruiter's word is not lost, it just matches no posting until the dictionary knows it.
 * Deduplicated case-insensitively, first seen first.
 */

import type { SkillMatcher } from './skills.js';

const FRAGMENT_SEPARATORS = /[,;|•·●❖▪◦✓\n\r\t]+|\s[/\-–—]\s/;
const DURATION_NOTE = /\(\s*(?:less than\s*)?[\d.]*\s*\+?\s*(?:years?|yrs?|months?)\s*\)/gi;
/** Leading dots stay: ".NET" is a name. */
const EDGE_NOISE = /^[\s\-–—*:>]+|[\s\-–—*.:]+$/g;
const MAX_FREE_WORDS = 4;
const MAX_FREE_LENGTH = 60;

function fragmentsOf(item: string): string[] {
  const out: string[] = [];
  for (const piece of item.replace(DURATION_NOTE, ' ').split(FRAGMENT_SEPARATORS)) {
    // "Programming Languages: C" → "C": text before a colon labels the list, it is not a skill.
    const afterLabel = piece.includes(':') ? piece.slice(piece.lastIndexOf(':') + 1) : piece;
    const cleaned = afterLabel.replace(/\s+/g, ' ').replace(EDGE_NOISE, '').trim();
    if (cleaned !== '') out.push(cleaned);
  }
  return out;
}

/** "C#.Net" → ["C#", ".NET"] when each dotted part is a known skill on its own; else null. */
function gluedSkills(matcher: SkillMatcher, fragment: string): string[] | null {
  const parts = fragment.split(/(?<=[^\s.])(?=\.\p{L})/u);
  if (parts.length < 2) return null;
  const names: string[] = [];
  for (const part of parts) {
    const name = matcher.canonicalize(part);
    if (name === null) return null;
    names.push(name);
  }
  return names;
}

function readsLikeAName(fragment: string): boolean {
  return (
    fragment.length <= MAX_FREE_LENGTH &&
    fragment.split(' ').length <= MAX_FREE_WORDS &&
    /\p{L}/u.test(fragment)
  );
}

/** Dictionary skills inside a fragment, reading dot-glued known skills apart first. */
function expandGlued(matcher: SkillMatcher, fragment: string): string[] {
  const words = fragment.split(' ').map((word) => gluedSkills(matcher, word)?.join(' ') ?? word);
  return matcher.extract(words.join(' '));
}

export function normalizeSkillInput(matcher: SkillMatcher, items: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  const add = (name: string) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    result.push(name);
  };
  for (const item of items) {
    if (typeof item !== 'string') continue;
    for (const fragment of fragmentsOf(item)) {
      const whole = matcher.canonicalize(fragment);
      if (whole !== null) {
        add(whole);
        continue;
      }
      const found = gluedSkills(matcher, fragment) ?? expandGlued(matcher, fragment);
      if (found.length > 0) for (const name of found) add(name);
      else if (readsLikeAName(fragment)) add(fragment);
    }
  }
  return result;
}
