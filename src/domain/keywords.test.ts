import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractKeywords, stripHtml } from './keywords.js';

describe('stripHtml', () => {
  it('removes tags, scripts and comments, decodes entities and collapses whitespace', () => {
    expect(stripHtml('<p>Hello&nbsp;&amp; <b>welcome</b>&#39;s</p>\n\n<ul><li>one</li></ul>')).toBe(
      "Hello & welcome 's one",
    );
    expect(stripHtml('<script>alert(1)</script><style>p{}</style><!-- c -->text')).toBe('text');
    expect(stripHtml('&#x2019; &rsquo; &unknown; a < b > c')).toBe('’ ’ &unknown; a < b > c');
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof stripHtml(text) === 'string'));
  });
});

describe('extractKeywords', () => {
  it('puts title words, then skills, then frequent description terms', () => {
    const keywords = extractKeywords({
      title: 'Senior Data Engineer (Python)',
      description:
        '<p>We build data pipelines. Our data pipelines use Spark &amp; Airflow.</p><p>Data pipelines matter. Kafka streaming and Kafka streaming.</p>',
      skills: ['Python', 'Spark'],
    });
    expect(keywords.slice(0, 5)).toEqual(['senior', 'data', 'engineer', 'python', 'spark']);
    expect(keywords).toContain('data pipelines');
    expect(keywords).toContain('kafka streaming');
    expect(keywords).not.toContain('the');
    expect(keywords).not.toContain('p');
  });

  it('respects max and the length limit, and dedupes', () => {
    const description = Array.from({ length: 40 }, (_, i) => `term${i} term${i}`).join('. ');
    const keywords = extractKeywords(
      { title: 'Analyst analyst', description, skills: ['x'.repeat(150)] },
      { max: 5 },
    );
    expect(keywords).toHaveLength(5);
    expect(keywords[0]).toBe('analyst');
    expect(new Set(keywords).size).toBe(keywords.length);
  });

  it('never throws; results are lower-case, deduped, bounded', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(fc.string()),
        fc.array(fc.string(), { maxLength: 5 }),
        (title, description, skills) => {
          const keywords = extractKeywords({ title, description, skills });
          expect(keywords.length).toBeLessThanOrEqual(20);
          expect(new Set(keywords).size).toBe(keywords.length);
          for (const k of keywords) {
            expect(k).toBe(k.toLowerCase());
            expect(k.length).toBeLessThanOrEqual(100);
            expect(k.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
