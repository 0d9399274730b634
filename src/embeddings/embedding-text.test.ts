import { describe, expect, it } from 'vitest';
import {
  candidateEmbeddingText,
  DESCRIPTION_CHAR_LIMIT,
  jobEmbeddingText,
  roleEmbeddingText,
  stripHtml,
} from './embedding-text.js';

describe('jobEmbeddingText', () => {
  it('puts title, skills, requirements and description on separate lines', () => {
    expect(
      jobEmbeddingText({
        title: '  Senior  Java Developer ',
        skills: ['Java', 'Spring', 'Java'],
        requirements: ['5 years Java', 'English'],
        description: '<p>Build <b>payment</b> services.</p><ul><li>Kafka &amp; AWS</li></ul>',
      }),
    ).toBe(
      'Senior Java Developer\nSkills: Java, Spring\nRequirements: 5 years Java, English\nBuild payment services.\nKafka & AWS',
    );
  });

  it('leaves out empty fields and accepts requirements as one string', () => {
    expect(
      jobEmbeddingText({ title: 'Nurse', skills: [], requirements: 'RN licence', description: null }),
    ).toBe('Nurse\nRequirements: RN licence');
    expect(jobEmbeddingText({})).toBe('');
  });

  it('caps the description near the limit at a word boundary', () => {
    const text = jobEmbeddingText({ title: 'T', description: 'word '.repeat(1000) });
    const description = text.split('\n')[1]!;
    expect(description.length).toBeLessThanOrEqual(DESCRIPTION_CHAR_LIMIT);
    expect(description.length).toBeGreaterThan(DESCRIPTION_CHAR_LIMIT * 0.9);
    expect(description.endsWith('word')).toBe(true);
  });
});

describe('candidateEmbeddingText', () => {
  it('combines title, preferred roles, skills and summary', () => {
    expect(
      candidateEmbeddingText({
        current_title: 'Backend Engineer',
        professional_summary: 'Ten years\n\n building APIs.',
        skills: ['Go', 'PostgreSQL'],
        preferred_roles: ['Platform Engineer'],
      }),
    ).toBe(
      'Backend Engineer\nPreferred roles: Platform Engineer\nSkills: Go, PostgreSQL\nTen years\nbuilding APIs.',
    );
  });
});

describe('roleEmbeddingText', () => {
  it('lists aliases after the name', () => {
    expect(roleEmbeddingText({ name: 'Software Engineer', aliases: ['Developer', 'SWE'] })).toBe(
      'Software Engineer\nAlso known as: Developer, SWE',
    );
    expect(roleEmbeddingText({ name: 'Nurse' })).toBe('Nurse');
  });
});

describe('stripHtml', () => {
  it('drops scripts, styles, comments and tags and decodes entities', () => {
    expect(
      stripHtml(
        '<style>p{}</style><script>x()</script><!-- c -->a&nbsp;&lt;b&gt; &#39;c&#x27; &bogus; &constructor;',
      ),
    ).toBe("   a <b> 'c' &bogus; &constructor;");
  });
});
