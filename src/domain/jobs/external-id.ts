import { createHash } from 'node:crypto';

const TRACKING_PARAMETER = /^(utm_[a-z]+|gclid|fbclid|mc_[a-z]+|ref|refid|src|source|trk|trackingid)$/i;

/** A URL without fragment, tracking parameters and letter case in scheme/host, so re-scrapes agree. */
export function canonicalJobUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(key)) parsed.searchParams.delete(key);
  }
  parsed.searchParams.sort();
  return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
const normalizeText = (text: string | undefined) =>
  (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A stable id for rows that carry none: from the job URL when there is one, else from the normalized
 * title, company and location. The prefix says which, so the two never collide.
 */
export function deriveExternalJobId(input: {
  job_url?: string | undefined;
  title?: string | undefined;
  company?: string | undefined;
  location?: string | undefined;
}): string {
  const url = input.job_url ? canonicalJobUrl(input.job_url) : null;
  if (url) return `url:${digest(url)}`;
  return `tcl:${digest([input.title, input.company, input.location].map(normalizeText).join('|'))}`;
}
