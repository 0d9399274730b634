/**
 * What gets embedded for each entity. Pure; one labelled line per non-empty field, so the same
 * record always yields the same text and empty fields leave no trace.
 */

/** Cap on the description part: long enough for the substance of a posting, short enough for any model. */
export const DESCRIPTION_CHAR_LIMIT = 2000;

export interface JobEmbeddingInput {
  title?: string | null;
  skills?: readonly string[] | null;
  requirements?: string | readonly string[] | null;
  description?: string | null;
}

export interface CandidateEmbeddingInput {
  current_title?: string | null;
  professional_summary?: string | null;
  skills?: readonly string[] | null;
  preferred_roles?: readonly string[] | null;
}

export interface RoleEmbeddingInput {
  name: string;
  aliases?: readonly string[] | null;
}

export function jobEmbeddingText(job: JobEmbeddingInput): string {
  const requirements = typeof job.requirements === 'string' ? [job.requirements] : job.requirements;
  return joinLines([
    clean(job.title),
    labelledList('Skills', job.skills),
    labelledList('Requirements', requirements),
    truncateAtWord(clean(job.description ? stripHtml(job.description) : ''), DESCRIPTION_CHAR_LIMIT),
  ]);
}

export function candidateEmbeddingText(candidate: CandidateEmbeddingInput): string {
  return joinLines([
    clean(candidate.current_title),
    labelledList('Preferred roles', candidate.preferred_roles),
    labelledList('Skills', candidate.skills),
    truncateAtWord(clean(candidate.professional_summary), DESCRIPTION_CHAR_LIMIT),
  ]);
}

export function roleEmbeddingText(role: RoleEmbeddingInput): string {
  return joinLines([clean(role.name), labelledList('Also known as', role.aliases)]);
}

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
]);

/** Removes tags, scripts and styles, and decodes the common entities; enough for embedding, not for display. */
export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|section)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => decodeEntity(body) ?? entity);
}

function decodeEntity(body: string): string | undefined {
  const lower = body.toLowerCase();
  if (lower.startsWith('#')) {
    const code = lower.startsWith('#x')
      ? Number.parseInt(lower.slice(2), 16)
      : Number.parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return NAMED_ENTITIES.get(lower);
}

/** Collapses whitespace inside lines and drops blank lines. */
function clean(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function labelledList(label: string, items: readonly string[] | null | undefined): string {
  const cleaned = [...new Set((items ?? []).map((item) => clean(item).replace(/\n/g, ' ')))].filter(Boolean);
  return cleaned.length > 0 ? `${label}: ${cleaned.join(', ')}` : '';
}

function truncateAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const lastSpace = cut.search(/\s\S*$/);
  return (lastSpace > limit * 0.8 ? cut.slice(0, lastSpace) : cut).trimEnd();
}

function joinLines(parts: string[]): string {
  return parts.filter((part) => part !== '').join('\n');
}
