import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_EXPERIENCE, type ExperienceParse, parseExperience } from './experience.js';
import { NUMBER_WORDS, parseSmallNumber } from './number-words.js';

const FILLER = ' You will join a friendly team building data products for our customers across the country.';

function years(min: number | null, max: number | null): Partial<ExperienceParse> {
  return { experience_min: min, experience_max: max };
}

describe('parseExperience: dedicated fields', () => {
  it.each([
    ['5+ years', 5, null],
    ['3-5 yrs', 3, 5],
    ['3 to 5 years', 3, 5],
    ['3 – 5 years', 3, 5],
    ['minimum of 7 years', 7, null],
    ['at least two years', 2, null],
    ['10+ yrs of experience', 10, null],
    ['5 or more years', 5, null],
    ['over 3 years of experience', 3, null],
    ["2 years' experience", 2, null],
    ['2 years’ experience', 2, null],
    ['5-7+ years', 5, 7],
    ['between 3 and 5 years', 3, 5],
    ['5 to 3 years', 3, 5],
    ['up to 2 years', null, 2],
    ['2.5 years', 2, null],
    ['6 months', 0, null],
    ['18 months of experience', 1, null],
    ['five (5) years', 5, null],
    ['twelve years', 12, null],
  ] as const)('%j', (text, min, max) => {
    expect(parseExperience(text)).toMatchObject(years(min, max));
  });

  it('keeps the matched phrase', () => {
    expect(parseExperience('  10+ yrs of experience ').experience_required).toBe('10+ yrs of experience');
  });
});

describe('parseExperience: descriptions', () => {
  it.each([
    ['Requirements: 3-5 years of relevant professional experience in analytics.', 3, 5],
    ['Experience: 5+ years', 5, null],
    ['Experience - 2-4 years - Progressive application experience', 2, 4],
    ['Strong Python skills. Experience with Python (2+ years).', 2, null],
    ['Java: 3 years (Required)\nSQL: 1 year (Preferred)', 3, null],
    ['BS with ten (10) years of experience; OR MS with eight (8) years of experience.', 10, null],
    ['Bachelor’s degree and five years’ experience credit for a Ph.D', 5, null],
    ['You have 5+ years in a data engineering or similar position.', 5, null],
    ['3 years in a CLIA high complexity lab required.', 3, null],
    ['•4 or more years in Business Intelligence or Business Analytics.', 4, null],
  ] as const)('%j', (text, min, max) => {
    expect(parseExperience(`${text}${FILLER}`)).toMatchObject(years(min, max));
  });

  it('takes the largest minimum when several requirements are listed', () => {
    const result = parseExperience(`Must have: 5+ years Python, 3+ years AWS, 1-2 years Go.${FILLER}`);
    expect(result).toEqual({ experience_min: 5, experience_max: null, experience_required: '5+ years' });
  });

  it('prefers phrases that mention experience over bare requirement shapes', () => {
    const text = `Our team spent 10+ years building this.\n2+ years of experience with SQL.${FILLER}`;
    expect(parseExperience(text)).toMatchObject(years(2, null));
  });

  it('ignores absurd values but keeps plausible phrases', () => {
    const text = `With more than 80 years of experience in data, P2 serves clients.\n3+ years of experience in SQL.${FILLER}`;
    expect(parseExperience(text)).toMatchObject(years(3, null));
    expect(parseExperience(`Candidates need 60 years of experience.${FILLER}`)).toEqual(EMPTY_EXPERIENCE);
  });

  it.each([
    'Applicants must be 18 years of age or older.',
    'The company was founded 25 years ago and has grown every year since.',
    'We have been over 30 years in business serving clients.',
    'For 25 years, we have delivered excellent products to our customers across the country.',
    'For over 55 years, the principles of our culture have guided us.',
    'We are executing a 5-year plan to grow the business in the region and beyond.',
    'Must be enrolled full time at a 4-year accredited university.',
    'Our founder is 45 years old and loves data.',
    'The team has spent the last 5+ years researching how AI can help patients.',
    'Headquartered in Philadelphia, we are an organization with more than 30 years of experience.',
    'With a collective 30+ years in our field, Delphi-US brings best practices to the industry.',
    'With over 45 years of experience, DTCC is the premier post-trade market infrastructure.',
    'Building on its strong 50 year heritage and deep industry-specific expertise, Capgemini grows.',
    'Generous family leave policy (6 month maternity leave / 3 month paternity leave).',
    'We want to grow from 400 people to 1700 people in 4 years.',
    'Enjoy 20 paid days off your first full year plus eight paid holidays annually.',
    'A college degree and several years of work experience.',
  ])('finds nothing in %j', (text) => {
    expect(parseExperience(`${text}${FILLER}`)).toEqual(EMPTY_EXPERIENCE);
  });

  it('returns nothing for empty input', () => {
    expect(parseExperience(null)).toEqual(EMPTY_EXPERIENCE);
    expect(parseExperience(undefined)).toEqual(EMPTY_EXPERIENCE);
    expect(parseExperience('   ')).toEqual(EMPTY_EXPERIENCE);
    expect(parseExperience('Competitive salary')).toEqual(EMPTY_EXPERIENCE);
  });
});

describe('parseExperience: properties', () => {
  const fragments = fc.constantFrom(
    '5',
    '10',
    'two',
    'twenty',
    '(3)',
    '+',
    '-',
    ' to ',
    ' or more ',
    ' years',
    ' yrs',
    ' months',
    ' of experience',
    "'",
    ' minimum of ',
    ' at least ',
    ' up to ',
    ' ago',
    ' of age',
    '.',
    '\n',
    ' we have ',
    ' 99 ',
  );

  function expectCoherent(result: ExperienceParse): void {
    const { experience_min: min, experience_max: max, experience_required: phrase } = result;
    if (min !== null && max !== null) expect(min).toBeLessThanOrEqual(max);
    for (const value of [min, max]) {
      if (value !== null) expect(Number.isInteger(value) && value >= 0 && value <= 50).toBe(true);
    }
    expect(phrase === null).toBe(min === null && max === null);
    if (phrase !== null) expect(phrase.length).toBeLessThanOrEqual(100);
  }

  it('never throws and stays coherent on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expectCoherent(parseExperience(text));
      }),
    );
  });

  it('never throws and stays coherent on experience-like fragments', () => {
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 15 }), (parts) => {
        expectCoherent(parseExperience(parts.join('')));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips "a-b years of experience" in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (a, b) => {
        expect(parseExperience(`Requires ${a}-${b} years of experience.${FILLER}`)).toMatchObject(
          years(Math.min(a, b), Math.max(a, b)),
        );
      }),
    );
  });

  it('reads every number word', () => {
    for (const [word, value] of Object.entries(NUMBER_WORDS)) {
      expect(parseSmallNumber(word)).toBe(value);
      expect(parseExperience(`at least ${word} years of experience`)).toMatchObject(years(value, null));
    }
  });
});

describe('parseExperience: Glassdoor descriptions', () => {
  it('finds a requirement in most postings, all within range', () => {
    const file = path.resolve(process.cwd(), '../shared/data/jobs/glassdoor_ds_jobs.csv');
    const rows = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
    const results = rows.map((row) => parseExperience(row['Job Description']));
    const found = results.filter((r) => r.experience_min !== null || r.experience_max !== null);
    // Measured: 743 of 956. A drop means lost recall; a jump means new false positives. Look at both.
    expect(found.length).toBeGreaterThanOrEqual(700);
    expect(found.length).toBeLessThanOrEqual(800);
    for (const r of found) expect(r.experience_min ?? 0).toBeLessThanOrEqual(20);
  });
});

describe('parseExperience: who has the years, and how requirements are written (issue 13)', () => {
  const count = fc.integer({ min: 1, max: 15 });
  const filler = fc.constantFrom('professional', 'relevant software', 'hands-on data', 'commercial');

  it('reads "N-years of ... experience" as a plain count', () => {
    fc.assert(
      fc.property(count, filler, (n, words) => {
        expect(parseExperience(`${n}-years of ${words} experience`)).toMatchObject(years(n, null));
      }),
    );
  });

  it('keeps a requirement followed by a sentence about the employer', () => {
    fc.assert(
      fc.property(
        count,
        fc.constantFrom('we mostly use Python', 'our stack is Go', 'we are remote'),
        (n, rest) => {
          expect(parseExperience(`${n}+ years of experience, ${rest}.`)).toMatchObject(years(n, null));
        },
      ),
    );
  });

  it("ignores the employer's own years, nearest subject deciding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 49 }),
        fc.constantFrom('At Acme we have', 'Our company has', 'The firm brings our clients', 'We bring'),
        (n, subject) => {
          expect(
            parseExperience(`${subject} ${n} years of experience in staffing. You will build APIs.`),
          ).toEqual(EMPTY_EXPERIENCE);
        },
      ),
    );
    expect(
      parseExperience('Our company has 20 years of experience and you need 3+ years of Java experience'),
    ).toMatchObject(years(3, null));
  });

  it('does not read contract, project or residency lengths as experience', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom(
          '-month contract',
          ' month contract with an ASAP start',
          ' Month ContractAbout us',
          ' month+ contract',
          '-12 month project',
          ' Month FTC',
          ' years of continuous UK residency',
        ),
        (n, rest) => {
          expect(parseExperience(`${n}${rest}`)).toEqual(EMPTY_EXPERIENCE);
        },
      ),
    );
    expect(parseExperience('5 years of contract experience')).toMatchObject(years(5, null));
  });

  it('reads digits glued to a heading and hyphenated singular years that describe experience', () => {
    expect(parseExperience('Required Skills & Experience2–3 years of experience in data')).toMatchObject(
      years(2, 3),
    );
    expect(
      parseExperience('Minimum one-year data collection or data entry experience required.'),
    ).toMatchObject(years(1, null));
  });

  it('reads a bullet holding only the years as a listed requirement; months round down', () => {
    expect(parseExperience('Requirements:\n• Python and SQL\n• 2 years\n• A degree')).toMatchObject(
      years(2, null),
    );
    expect(parseExperience('About the team\n\n- 3+ years\n- Kubernetes')).toMatchObject(years(3, null));
    expect(parseExperience('six months of experience with SQL')).toMatchObject(years(0, null));
    expect(parseExperience('18 months of experience with SQL')).toMatchObject(years(1, null));
  });
});

describe('parseExperience: classes found by growing the tune split (session 3)', () => {
  const count = fc.integer({ min: 1, max: 15 });

  it('reads "less than", "under" and "maximum" as a ceiling', () => {
    fc.assert(
      fc.property(
        count,
        fc.constantFrom('Less than', 'less than', 'under', 'no more than', 'maximum'),
        (n, q) => {
          expect(
            parseExperience(`Experience - ${q} ${n} years of analytics experience.${FILLER}`),
          ).toMatchObject(years(null, n));
        },
      ),
    );
  });

  it('does not read month timelines without the word experience', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(
          (a: number, b: number) =>
            `What Success Looks Like (First ${a}–${a + b} Months): You onboard new sources.`,
          (a: number) => `Salesforce Developer - ${a} months+ £600 - £700 per day - Remote`,
          (a: number, b: number) => `Events planned by the team, usually ${a}-${a + b} months ahead.`,
        ),
        (a, b, write) => {
          expect(parseExperience(`${write(a, b)}${FILLER}`)).toEqual(EMPTY_EXPERIENCE);
        },
      ),
    );
    expect(parseExperience(`6+ months of experience with SQL.${FILLER}`)).toMatchObject(years(0, null));
  });

  it('reads a field named after "of" as the subject of the years, not a plan or project length', () => {
    fc.assert(
      fc.property(
        count,
        fc.constantFrom(
          'strategy consulting or start-up operations experience',
          'demonstrated project management experience',
          'project delivery',
        ),
        (n, field) => {
          expect(parseExperience(`You should have: ${n}+ years of ${field}.${FILLER}`)).toMatchObject(
            years(n, null),
          );
        },
      ),
    );
    expect(parseExperience(`Contribute to our 3-5 year plan.${FILLER}`)).toEqual(EMPTY_EXPERIENCE);
  });

  it('needs the employer linked to the years ("US Citizen", a possessive in a lost bullet are not)', () => {
    fc.assert(
      fc.property(
        count,
        fc.constantFrom(
          'Knowledge of ML algorithms and their practical applications',
          'US Citizen with a background check may also apply',
        ),
        (n, lead) => {
          expect(
            parseExperience(`${lead} ${n} years of data engineering experience.${FILLER}`),
          ).toMatchObject(years(n, null));
        },
      ),
    );
    expect(parseExperience(`Our team has 20 years of experience in staffing.${FILLER}`)).toEqual(
      EMPTY_EXPERIENCE,
    );
    expect(
      parseExperience(`Acme fixes that by combining 15 years of data expertise with AI.${FILLER}`),
    ).toEqual(EMPTY_EXPERIENCE);
  });

  it('does not end a sentence at a one-letter abbreviation', () => {
    fc.assert(
      fc.property(count, count, (a, b) => {
        const text = `Minimum ${a} years (with M.S. degree) or ${b} years (with Ph.D.) of industry experience.${FILLER}`;
        expect(parseExperience(text).experience_min).toBe(Math.max(a, b));
      }),
    );
  });

  it('reads years followed by what the candidate did as a requirement, not a history', () => {
    fc.assert(
      fc.property(
        count,
        fc.constantFrom('managing complex projects', 'building data pipelines'),
        (n, doing) => {
          expect(parseExperience(`Qualifications ${n} years ${doing}.${FILLER}`)).toMatchObject(
            years(n, null),
          );
          expect(parseExperience(`For ${n + 20} years providing services, Acme grew.${FILLER}`)).toEqual(
            EMPTY_EXPERIENCE,
          );
        },
      ),
    );
  });
  it('reads a requirement introduced by a label after the employer, or glued to a full stop', () => {
    fc.assert(
      fc.property(count, fc.integer({ min: 1, max: 5 }), (n, spread) => {
        const range = `${n}–${n + spread} years of recruitment consulting experience`;
        expect(
          parseExperience(`Experience we consider to be essential for the role: ${range}.${FILLER}`),
        ).toMatchObject(years(n, n + spread));
        expect(parseExperience(`Degree in a related field.${range}.${FILLER}`)).toMatchObject(
          years(n, n + spread),
        );
      }),
    );
  });

  it('does not read a labelled contract duration as experience, even glued to the word before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom('Location: YeovilDuration: ', 'Duration: ', 'Contract Length: ', 'Assignment - '),
        (n, label) => {
          const text = `Role: Process Engineer ${label}${n} months some hybrid working. Salary: Depending on experience.${FILLER}`;
          expect(parseExperience(text), text).toEqual(EMPTY_EXPERIENCE);
        },
      ),
    );
  });
  it('reads years spent by a named subject as its history, years the candidate spent as a requirement', () => {
    fc.assert(
      fc.property(count, (n) => {
        expect(
          parseExperience(
            `We have a data advantage. Health IQ spent ${n}+ years gathering the science.${FILLER}`,
          ),
        ).toEqual(EMPTY_EXPERIENCE);
        expect(
          parseExperience(`You have spent ${n}+ years in data engineering roles.${FILLER}`),
        ).toMatchObject(years(n, null));
      }),
    );
  });
});
