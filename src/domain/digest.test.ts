import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DigestInput, escapeHtml, renderDigest } from './digest.js';

const base = (name: string, jobTitle = 'Data Engineer'): DigestInput => ({
  recipientName: 'Rita Recruiter',
  frequency: 'daily',
  baseUrl: 'https://jobmatch.example.com',
  groups: [
    {
      candidateId: 42,
      candidateName: name,
      matches: [{ jobTitle, company: 'Acme & Co', score: 87.4, reason: 'Python, SQL' }],
      changes: [{ summary: 'Data Engineer moved applied → screening', detail: 'by Sam' }],
    },
  ],
});

/** The document's text with tags and the escapes this renderer writes undone. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');

describe('renderDigest', () => {
  it('groups by candidate, with counts, scores, reasons and links into the app', () => {
    const message = renderDigest(base('Ada Lovelace'));
    expect(message.subject).toBe('Jobmatch daily digest: 1 new match, 1 application change');
    expect(message.text).toContain('Ada Lovelace — https://jobmatch.example.com/candidates/42');
    expect(message.text).toContain('* Data Engineer at Acme & Co (87): Python, SQL');
    expect(message.text).toContain('https://jobmatch.example.com/applications?candidate_id=42');
    expect(message.html).toContain('<a href="https://jobmatch.example.com/candidates/42">Ada Lovelace</a>');
    expect(message.html).toContain('Acme &amp; Co');
  });

  it('escapes a hostile candidate name in the HTML and keeps it on one line in the text and subject', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="steal()">\r\nBcc: victim@example.com';
    const message = renderDigest(base(hostile, '"><a href="https://evil.test">Win</a>'));
    expect(message.html).not.toContain('<script');
    expect(message.html).not.toContain('<img');
    expect(message.html).not.toContain('evil.test">');
    expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message.text).not.toMatch(/\r|\nBcc:/);
    expect(message.subject).not.toMatch(/[\r\n]/);
  });

  it('never lets any name or title open a tag, and shows it as written (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (name, title) => {
        const { html } = renderDigest(base(name, title));
        const tags = html.match(/<[^>]*>/g) ?? [];
        const expected = renderDigest(base('N', 'T')).html.match(/<[^>]*>/g) ?? [];
        expect(tags).toEqual(expected);
        const shown = name
          .replace(/[\p{C}\p{Zl}\p{Zp}]+/gu, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        expect(textOf(html)).toContain(shown);
      }),
    );
  });

  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
