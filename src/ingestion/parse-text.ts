import { parseExperience } from '../domain/experience.js';
import { extractKeywords, stripHtml } from '../domain/keywords.js';
import { parseLocation } from '../domain/location.js';
import { parseWorkArrangement } from '../domain/remote.js';
import { parseSalary } from '../domain/salary.js';
import type { SkillMatcher } from '../domain/skills.js';

export const PARSERS = ['salary', 'experience', 'skills', 'keywords', 'remote', 'location'] as const;
export type ParserName = (typeof PARSERS)[number];

/** What `jobmatch parse KIND TEXT` prints: each parser's result under the data model's column names. */
export function parseText(kind: ParserName, text: string, skills: SkillMatcher): Record<string, unknown> {
  switch (kind) {
    case 'salary':
      return { salary_range: text, ...parseSalary(text) };
    case 'experience':
      return { ...parseExperience(stripHtml(text)) };
    case 'skills':
      return { skills: skills.extract(stripHtml(text)) };
    case 'keywords':
      return { keywords: extractKeywords({ title: text }) };
    case 'remote':
      return { ...parseWorkArrangement({ title: text, location: text, description: text }) };
    case 'location': {
      const place = parseLocation(text);
      return {
        location: place.raw,
        location_city: place.city,
        location_region: place.region,
        location_country: place.country,
        is_remote: place.is_remote,
      };
    }
  }
}
