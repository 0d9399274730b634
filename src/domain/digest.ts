/**
 * The e-mail digest's text and HTML, from what the recruiter's inbox gathered since the last digest, grouped
 * by candidate. Names, titles and reasons come from candidates' and postings' data, which is untrusted: the
 * HTML escapes every value, and links are built from ids only, under the app's public URL.
 */

export interface DigestMatch {
  jobTitle: string;
  company: string | null;
  score: number;
  reason: string | null;
}

export interface DigestChange {
  /** What happened, e.g. "Senior Engineer moved screening → interview". */
  summary: string;
  detail: string | null;
}

export interface DigestGroup {
  candidateId: number;
  candidateName: string;
  matches: DigestMatch[];
  changes: DigestChange[];
}

export interface DigestInput {
  recipientName: string;
  frequency: 'daily' | 'weekly';
  /** The app's public URL without a trailing slash, e.g. https://jobmatch.example.com */
  baseUrl: string;
  groups: DigestGroup[];
}

export interface DigestMessage {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** One line for a subject or a text part: no line breaks or control characters from the data. */
const oneLine = (value: string) =>
  value
    .replace(/[\p{C}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 'es'}`;
const changes = (count: number) => `${count} application change${count === 1 ? '' : 's'}`;

const matchLine = (match: DigestMatch) =>
  `${oneLine(match.jobTitle)}${match.company ? ` at ${oneLine(match.company)}` : ''} (${Math.round(match.score)})`;

export function renderDigest(input: DigestInput): DigestMessage {
  const matchCount = input.groups.reduce((sum, group) => sum + group.matches.length, 0);
  const changeCount = input.groups.reduce((sum, group) => sum + group.changes.length, 0);
  const period = input.frequency === 'daily' ? 'today' : 'this week';
  const subject = `Jobmatch ${input.frequency} digest: ${plural(matchCount, 'new match')}, ${changes(changeCount)}`;
  const candidateUrl = (id: number) => `${input.baseUrl}/candidates/${id}`;
  const applicationsUrl = (id: number) => `${input.baseUrl}/applications?candidate_id=${id}`;

  const text = [
    `Hello ${oneLine(input.recipientName)},`,
    '',
    `What is new for your candidates ${period}: ${plural(matchCount, 'new recommended match')} and ${changes(changeCount)}.`,
    ...input.groups.flatMap((group) => [
      '',
      `${oneLine(group.candidateName)} — ${candidateUrl(group.candidateId)}`,
      ...group.matches.map(
        (match) => `  * ${matchLine(match)}${match.reason ? `: ${oneLine(match.reason)}` : ''}`,
      ),
      ...group.changes.map(
        (change) => `  - ${oneLine(change.summary)}${change.detail ? ` (${oneLine(change.detail)})` : ''}`,
      ),
      ...(group.changes.length > 0 ? [`  Applications: ${applicationsUrl(group.candidateId)}`] : []),
    ]),
    '',
    `Inbox: ${input.baseUrl}/inbox`,
    `Change or stop this digest: ${input.baseUrl}/inbox (E-mail digest).`,
  ].join('\n');

  const e = (value: string) => escapeHtml(oneLine(value));
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>Hello ${e(input.recipientName)},</p>`,
    `<p>What is new for your candidates ${period}: ${plural(matchCount, 'new recommended match')} and ${changes(changeCount)}.</p>`,
    ...input.groups.map((group) =>
      [
        `<h2><a href="${escapeHtml(candidateUrl(group.candidateId))}">${e(group.candidateName)}</a></h2>`,
        group.matches.length > 0
          ? `<ul>${group.matches
              .map(
                (match) =>
                  `<li><strong>${e(match.jobTitle)}</strong>${match.company ? ` at ${e(match.company)}` : ''} ` +
                  `(${Math.round(match.score)})${match.reason ? `<br>${e(match.reason)}` : ''}</li>`,
              )
              .join('')}</ul>`
          : '',
        group.changes.length > 0
          ? `<p><a href="${escapeHtml(applicationsUrl(group.candidateId))}">Applications</a>:</p><ul>${group.changes
              .map(
                (change) =>
                  `<li>${e(change.summary)}${change.detail ? ` <em>${e(change.detail)}</em>` : ''}</li>`,
              )
              .join('')}</ul>`
          : '',
      ].join(''),
    ),
    `<p><a href="${escapeHtml(`${input.baseUrl}/inbox`)}">Open the inbox</a> to see everything or change this digest.</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: oneLine(subject), text, html };
}
