import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSkillMatcher } from '../../skills/skill-dictionary.loader.js';
import { htmlToText } from './html-to-text.js';
import { parseResume } from './parse-resume.js';
import { coveredMonths, findDateRanges } from './resume-dates.js';
import { rtfToText } from './rtf-to-text.js';

const skills = loadSkillMatcher();
const JAN_2025 = 2025 * 12;

const RESUME = `Priya Sharma
Senior Data Engineer at Globex Corporation
Bengaluru, Karnataka
priya.sharma@example.com · +91 98765 43210 · linkedin.com/in/priya-sharma · github.com/priyas

SUMMARY
Data engineer with eight years of building pipelines.

PROFESSIONAL EXPERIENCE
Senior Data Engineer
Globex Corporation - Bengaluru
March 2020 to Present
- Built streaming pipelines with Kafka and Python.

Data Engineer
Initech Solutions Pvt Ltd
Jan 2016 - Jun 2020
- Python and SQL reporting; Python batch jobs.

EDUCATION
B.Tech in Computer Science
National Institute of Technology, Trichy
2011 - 2015

TECHNICAL SKILLS
Python (8 years), SQL, Kafka, Docker`;

describe('parseResume', () => {
  const draft = parseResume(RESUME, { skills, referenceMonth: JAN_2025 });
  const sourceOf = (span: { start: number; end: number } | null) =>
    span ? RESUME.slice(span.start, span.end) : null;

  it('reads the contact fields with their sources', () => {
    expect(draft.first_name?.value).toBe('Priya');
    expect(draft.last_name?.value).toBe('Sharma');
    expect(draft.email?.value).toBe('priya.sharma@example.com');
    expect(sourceOf(draft.email!.source)).toBe('priya.sharma@example.com');
    expect(draft.phone?.value).toBe('+919876543210');
    expect(sourceOf(draft.phone!.source)).toBe('+91 98765 43210');
    expect(draft.location?.value).toBe('Bengaluru, Karnataka');
    expect(draft.links.map((link) => link.kind)).toEqual(['linkedin', 'github']);
  });

  it('reads the work history, the current title and the total years (overlaps once)', () => {
    expect(draft.current_title?.value).toBe('Senior Data Engineer');
    expect(
      draft.work_history.map((entry) => [entry.title?.value, entry.employer?.value, entry.start, entry.end]),
    ).toEqual([
      ['Senior Data Engineer', 'Globex Corporation', '2020-03', null],
      ['Data Engineer', 'Initech Solutions Pvt Ltd', '2016-01', '2020-06'],
    ]);
    expect(draft.current_employer?.value).toBe('Globex Corporation');
    expect(sourceOf(draft.current_employer!.source)).toBe('Globex Corporation');
    expect(draft.current_employer!.source!.start).toBeGreaterThan(RESUME.indexOf('PROFESSIONAL EXPERIENCE'));
    // Jan 2016 .. Jan 2025 with the overlap Mar-Jun 2020 counted once: 109 months.
    expect(draft.total_experience_years?.value).toBe(9);
  });

  it('takes the current employer from the headline only when the history names none', () => {
    const text = 'Asha Rao\nQA Engineer at Initech\n\nSKILLS\nSelenium, Java';
    const headlineOnly = parseResume(text, { skills, referenceMonth: JAN_2025 });
    expect(headlineOnly.current_employer?.value).toBe('Initech');
    expect(headlineOnly.current_employer!.confidence).toBeLessThan(0.7);
    expect(
      parseResume('Asha Rao\n\nSKILLS\nJava', { skills, referenceMonth: JAN_2025 }).current_employer,
    ).toBeNull();
  });

  it.each([
    ['Working as accountant @ infosys', 'accountant', 'infosys'],
    ['Infosys group as a Test Analyst - Infosys Ltd', 'Test Analyst', 'Infosys Ltd'],
    [
      'SAP UI5 Lead, Native HANA Developer - Royal Dutch Shell',
      'SAP UI5 Lead, Native HANA Developer',
      'Royal Dutch Shell',
    ],
    ['IT SUPPORT', 'IT SUPPORT', undefined],
  ])('reads the headline %j as title %j at %j', (headline, title, employer) => {
    const text = `Asha Rao\n${headline}\n\nPune, Maharashtra - Email me on Indeed\n\nSKILLS\nJava`;
    const parsed = parseResume(text, { skills, referenceMonth: JAN_2025 });
    expect(parsed.current_title?.value).toBe(title);
    expect(parsed.current_employer?.value).toBe(employer);
    const source = parsed.current_title!.source!;
    expect(text.slice(source.start, source.end)).toBe(title);
  });

  it('takes no objective for a headline, and prefers the history to a headline without a role word', () => {
    const history = '\n\nWORK EXPERIENCE\n\nBeta Tester\nAcme - Pune\nJanuary 2018 to Present';
    const objective =
      'Asha Rao\nTo associate with an organization that promises a creative career\nPune, Maharashtra';
    expect(parseResume(objective + history, { skills, referenceMonth: JAN_2025 }).current_title?.value).toBe(
      'Beta Tester',
    );
    const placed = parseResume(`Asha Rao\nNeed job urgently\nPune, Maharashtra - Email me${history}`, {
      skills,
      referenceMonth: JAN_2025,
    });
    expect(placed.current_title?.value).toBe('Beta Tester');
    expect(placed.current_employer?.value).toBe('Acme');
  });

  it('takes no place for an employer, and prefers the employer named in the title line', () => {
    const text = [
      'Asha Rao',
      '',
      'WORK EXPERIENCE',
      'Systems Engineer at Infosys Limited',
      'Fidelity Investments',
      'March 2019 to Present',
      '',
      'Preschool Teacher',
      'Pune',
      'June 2015 to February 2019',
    ].join('\n');
    const parsed = parseResume(text, { skills, referenceMonth: JAN_2025 });
    expect(parsed.work_history.map((entry) => [entry.title?.value, entry.employer?.value ?? null])).toEqual([
      ['Systems Engineer', 'Infosys Limited'],
      ['Preschool Teacher', null],
    ]);
    expect(parsed.current_employer?.value).toBe('Infosys Limited');
  });

  it('takes a title starting with "o" for a title, not for a bullet', () => {
    const text =
      'Asha Rao\n\nWORK EXPERIENCE\n\nonline sales associate\n\nGlobex - Pune, Maharashtra -\n\nAugust 2016 to July 2017\n';
    const parsed = parseResume(text, { skills, referenceMonth: JAN_2025 });
    expect(parsed.work_history[0]?.title?.value).toBe('online sales associate');
    expect(parsed.work_history[0]?.employer?.value).toBe('Globex');
  });

  it('reads an undated job as the title above its "Employer - City, Region" line', () => {
    const text =
      'Li Rossi\n\nWORK EXPERIENCE\n\nData Entry Operator\n\nGlobex - Patna, Bihar\n\nEDUCATION\n\nBSc in Math\n';
    const parsed = parseResume(text, { skills, referenceMonth: JAN_2025 });
    expect(parsed.current_title?.value).toBe('Data Entry Operator');
    expect(parsed.current_employer?.value).toBe('Globex');
    expect(parsed.current_title!.confidence).toBeLessThan(0.7);
  });

  it('reads the title and employer of an undated job at a low confidence', () => {
    const text =
      'Asha Rao\nJaipur, Rajasthan\n\nWORK EXPERIENCE\n\nAdmin assistant at Infosys limited\n\nFront office work';
    const parsed = parseResume(text, { skills, referenceMonth: JAN_2025 });
    expect(parsed.work_history).toEqual([]);
    expect(parsed.current_title?.value).toBe('Admin assistant');
    expect(parsed.current_employer?.value).toBe('Infosys limited');
    expect(parsed.current_employer!.confidence).toBeLessThan(0.7);
  });

  it('keeps the job above a lone dash (a blank employer); takes no place for a title; a dash qualifier is no employer', () => {
    const text = [
      'Asha Rao',
      '',
      'WORK EXPERIENCE',
      'Technical Architect',
      '-',
      'August 2015 to Present',
      '',
      'Team lead - supplier data management',
      'Oracle India - Bangalore, Karnataka -',
      'March 2014 to July 2015',
      '',
      'Infosys LTD - MAHARASHTRA, IN -',
      'April 2010 to February 2014',
    ].join('\n');
    const parsed = parseResume(text, { skills, referenceMonth: JAN_2025 });
    expect(
      parsed.work_history.map((entry) => [entry.title?.value ?? null, entry.employer?.value ?? null]),
    ).toEqual([
      ['Technical Architect', null],
      ['Team lead - supplier data management', 'Oracle India'],
      [null, 'Infosys LTD'],
    ]);
    expect(parsed.current_title?.value).toBe('Technical Architect');
  });

  it.each([
    [10, ['Java', 'Kafka', 'Docker']],
    [40, ['Java', 'Kafka']],
  ])(
    'takes the skills of an ADDITIONAL INFORMATION appendix of %i lines only when it is short',
    (filler, expected) => {
      const text = [
        'Asha Rao',
        '',
        'SKILLS',
        'Java, Kafka',
        '',
        'ADDITIONAL INFORMATION',
        ...Array.from({ length: filler }, (_, index) => `Handled the customer account number ${index + 1}.`),
        'TECHNICAL SKILLS',
        'Tools: Docker',
      ].join('\n');
      const names = parseResume(text, { skills, referenceMonth: JAN_2025 }).skills.map((skill) => skill.name);
      expect(names).toEqual(expected);
    },
  );

  it('keeps the own skills section whatever the appendix length, and the appendix list only while it is short (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (filler) => {
        const appendix = Array.from({ length: filler }, (_, index) => `Handled account ${index + 1}.`);
        const text = [
          'Asha Rao',
          '',
          'SKILLS',
          'Java',
          '',
          'ADDITIONAL INFORMATION',
          ...appendix,
          'Tools: Docker',
        ];
        const names = parseResume(text.join('\n'), { skills, referenceMonth: JAN_2025 }).skills.map(
          (s) => s.name,
        );
        expect(names).toContain('Java');
        // The appendix counts its heading, its filler and the list line.
        expect(names.includes('Docker')).toBe(filler + 2 <= 30);
      }),
      { numRuns: 40 },
    );
  });

  it('takes an appendix skills list when the resume has no skills section of its own, whatever its length', () => {
    const lines = Array.from(
      { length: 40 },
      (_, index) => `Handled the customer account number ${index + 1}.`,
    );
    const text = [
      'Asha Rao',
      '',
      'ADDITIONAL INFORMATION',
      ...lines,
      'TECHNICAL SKILLS',
      'Docker, Kafka',
    ].join('\n');
    const names = parseResume(text, { skills, referenceMonth: JAN_2025 }).skills.map((skill) => skill.name);
    expect(names).toEqual(['Docker', 'Kafka']);
  });

  it('reads a bullet sentence about the work in a skills section as prose, a longer list as a list', () => {
    const names = (line: string) =>
      parseResume(`Asha Rao\n\nSKILLS\nJava\n${line}`, { skills, referenceMonth: JAN_2025 }).skills.map(
        (skill) => skill.name,
      );
    expect(names('• Professional experience in creating SharePoint sites using Kafka, Docker')).toEqual([
      'Java',
    ]);
    expect(names('• Experience in Kafka, Docker, Python, SQL and many other tools')).toEqual(
      expect.arrayContaining(['Java', 'Kafka', 'Docker', 'Python', 'SQL']),
    );
  });

  it('reads skills through the dictionary, with years where the resume shows them', () => {
    const byName = Object.fromEntries(draft.skills.map((skill) => [skill.name, skill]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['Python', 'SQL', 'Kafka', 'Docker']));
    expect(byName.Python!.years).toBe(8);
    expect(byName.Kafka!.years).toBe(4); // from the Globex job: Mar 2020 .. Jan 2025
  });

  it('reads a skills section as lists: a sentence of prose in it adds no skill', () => {
    const text =
      'Asha Rao\n\nTECHNICAL SKILLS\nJava, Kafka\n• Worked on UNIX AIX and Windows environment for years.';
    const names = parseResume(text, { skills, referenceMonth: JAN_2025 }).skills.map((skill) => skill.name);
    expect(names).toEqual(['Java', 'Kafka']);
  });

  it('reads a skills line as a whole, so that the list is the context of short names', () => {
    const draft = parseResume('Asha Rao\n\nSKILLS\nMicrosoft office, excel, c language (4 years)', {
      skills,
      referenceMonth: JAN_2025,
    });
    const byName = Object.fromEntries(draft.skills.map((skill) => [skill.name, skill]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['Excel', 'C']));
    expect(byName.C!.years).toBe(4);
    expect(draft.skills.every((skill) => skill.source!.end - skill.source!.start <= 20)).toBe(true);
  });

  it('takes no skill from a link: github.com/asha is a site, not GitHub', () => {
    const draft = parseResume('Asha Rao\n\nSKILLS\nPython, SQL\nhttp://github.com/asha-rao', {
      skills,
      referenceMonth: JAN_2025,
    });
    expect(draft.skills.map((skill) => skill.name)).toEqual(['Python', 'SQL']);
    expect(draft.links.map((link) => link.kind)).toEqual(['github']);
  });

  it('reads a skills heading with its first items on the same line, but not inside a job', () => {
    const names = (text: string) =>
      parseResume(text, { skills, referenceMonth: JAN_2025 }).skills.map((skill) => skill.name);
    expect(names('Asha Rao\n\nSKILL SET • Java, Kafka\n• Docker')).toEqual(['Java', 'Kafka', 'Docker']);
    expect(names('Asha Rao\n\nSKILLS ETL: Informatica\nDatabase: PostgreSQL')).toEqual(
      expect.arrayContaining(['Informatica', 'PostgreSQL']),
    );
    const job =
      'Asha Rao\n\nWORK EXPERIENCE\nData Engineer\nGlobex - Pune\nJan 2019 to Present\nTechnologies: Kafka, Spark\nAnalyst\nInitech - Pune\nJan 2016 to Dec 2018';
    const parsed = parseResume(job, { skills, referenceMonth: JAN_2025 });
    expect(parsed.work_history).toHaveLength(2);
  });

  it('counts no years in a list item as words of prose', () => {
    const draft = parseResume('Asha Rao\n\nSKILLS\nMicrosoft office and java (Less than 1 year)', {
      skills,
      referenceMonth: JAN_2025,
    });
    expect(draft.skills.map((skill) => skill.name)).toEqual(['Microsoft Office', 'Java']);
  });

  it('reads a list wrapped onto the next line as one line, with exact sources', () => {
    const text =
      'Asha Rao\n\nSKILLS\n\nDatabase (Less than 1 year), HTML (Less than 1 year), Linux (Less than 1 year), MICROSOFT\n\nACCESS (2 years), Kafka (1 year)';
    const draft = parseResume(text, { skills, referenceMonth: JAN_2025 });
    const access = draft.skills.find((skill) => skill.name === 'Microsoft Access');
    expect(access?.years).toBe(2);
    expect(text.slice(access!.source!.start, access!.source!.end)).toBe('MICROSOFT\n\nACCESS (2 years)');
  });

  it('ends a skills list at the heading of another part or at a dated line', () => {
    const names = (text: string) =>
      parseResume(text, { skills, referenceMonth: JAN_2025 }).skills.map((skill) => skill.name);
    expect(
      names(
        'Asha Rao\n\nTECHNICAL SKILLS\nJava, Kafka\nProjects Undertaken\nBilling portal\nDocker, Terraform',
      ),
    ).toEqual(['Java', 'Kafka']);
    expect(names('Asha Rao\n\nKey Skills:\nJava, Kafka\nJune 2016 to Present\nDocker, Terraform')).toEqual([
      'Java',
      'Kafka',
    ]);
    // A sub-heading of the list itself goes on: "Languages and Software".
    expect(
      names('Asha Rao\n\nTECHNICAL SKILLS\nJava, Kafka\nLanguages and Software\nDocker, Terraform'),
    ).toEqual(['Java', 'Kafka', 'Docker', 'Terraform']);
  });

  it('takes no skills from elsewhere when the skills section lists only ones outside the dictionary', () => {
    const text =
      'Asha Rao\n\nSKILLS\nTeam work, punctuality\n\nWORK EXPERIENCE\nData Engineer\nGlobex - Pune\nJan 2019 to Present\n- Kafka pipelines\n- Kafka streams';
    expect(parseResume(text, { skills, referenceMonth: JAN_2025 }).skills).toEqual([]);
    const withoutSection = text.replace('SKILLS\n', '');
    expect(
      parseResume(withoutSection, { skills, referenceMonth: JAN_2025 }).skills.map((s) => s.name),
    ).toEqual(['Kafka']);
  });

  it('keeps the fraction of a stated total, rounded to the nearest year', () => {
    const total = (line: string) =>
      parseResume(`Asha Rao\nData Engineer\n${line}\n`, { skills, referenceMonth: JAN_2025 })
        .total_experience_years?.value;
    expect(total('Azure Developer with 9 Yrs 8 months of working experience')).toBe(10);
    expect(total('A total work experience of 6.8 years')).toBe(7);
    expect(total('Having 8+ years of experience in IT')).toBe(8);
  });

  it('reads education and the summary', () => {
    expect(draft.education).toHaveLength(1);
    expect(draft.education[0]!.degree?.value).toBe('B.Tech in Computer Science');
    expect(draft.education[0]!.institution?.value).toBe('National Institute of Technology, Trichy');
    expect(draft.education[0]!.year).toBe(2015);
    expect(draft.summary?.value).toBe('Data engineer with eight years of building pipelines.');
  });

  it('never throws, and every source span lies inside the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom(...RESUME.split('\n'))), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('\n');
          const parsed = parseResume(text, { skills, referenceMonth: JAN_2025 });
          const spans = [
            parsed.email?.source,
            parsed.phone?.source,
            parsed.current_title?.source,
            parsed.first_name?.source,
            ...parsed.skills.map((skill) => skill.source),
            ...parsed.work_history.map((entry) => entry.source),
          ].filter((span) => span != null);
          for (const span of spans) {
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeLessThanOrEqual(text.length);
            expect(span.start).toBeLessThanOrEqual(span.end);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('resume dates', () => {
  it('reads the usual forms', () => {
    const ranges = findDateRanges(
      'Nov 2017 to Present; 03/2015 – 12/2016; 2010 - 2012; Sept 2019 - Oct. 2020',
      JAN_2025,
    );
    expect(ranges.map((range) => [range.start, range.end, range.current])).toEqual([
      [2017 * 12 + 10, JAN_2025, true],
      [2015 * 12 + 2, 2016 * 12 + 11, false],
      [2010 * 12, 2012 * 12 + 11, false],
      [2019 * 12 + 8, 2020 * 12 + 9, false],
    ]);
  });

  it('counts overlapping months once, whatever the order', () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 120 }))
      .map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 8 }), (ranges) => {
        const total = coveredMonths(ranges);
        const months = new Set(
          ranges.flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i)),
        );
        expect(total).toBe(months.size);
        expect(coveredMonths([...ranges].reverse())).toBe(total);
      }),
    );
  });
});

describe('markup to text', () => {
  it('HTML: no tag or script survives', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const text = htmlToText(`<p>${a}</p><script>${b}</script><b>x</b>`);
        expect(text).not.toMatch(/<\/?(?:p|script|b)>/);
      }),
    );
  });

  it('RTF: never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string(), (text) => void rtfToText(`{\\rtf1 ${text}`)));
  });
});

describe('title or employer: the phrase head decides', () => {
  const headlineOf = (headline: string) =>
    parseResume(`Asha Nair\n${headline}\nPune, Maharashtra\nasha@example.com`, {
      skills,
      referenceMonth: JAN_2025,
    }).current_title?.value ?? null;

  it('reads a headline ending in a role word as the title, even with a company word inside', () => {
    expect(headlineOf('Technical Architect & Sr. Software Engineer')).toBe(
      'Technical Architect & Sr. Software Engineer',
    );
    expect(headlineOf('Global Delivery Lead')).toBe('Global Delivery Lead');
  });

  it('keeps an employer-headed phrase out of the title', () => {
    expect(headlineOf('Software Engineer at Infosys Technologies')).toBe('Software Engineer');
    expect(headlineOf('Infosys Technologies - Software Engineer')).toBe('Software Engineer');
  });
});
