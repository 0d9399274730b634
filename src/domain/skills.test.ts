import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSkillMatcher } from '../skills/skill-dictionary.loader.js';
import { createSkillMatcher, type SkillEntry } from './skills.js';

const matcher = loadSkillMatcher();
const extract = (text: string) => matcher.extract(text);

function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(path.resolve(process.cwd(), '../shared/data/jobs', file));
  return parse(text, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<
    string,
    string
  >[];
}

describe('skill dictionary asset', () => {
  it('canonicalizes curated aliases and vendor-prefixed O*NET names', () => {
    const cases: [string, string][] = [
      ['JS', 'JavaScript'],
      ['ts', 'TypeScript'],
      ['k8s', 'Kubernetes'],
      ['Postgres', 'PostgreSQL'],
      ['psql', 'PostgreSQL'],
      ['ReactJS', 'React'],
      ['React.js', 'React'],
      ['NodeJS', 'Node.js'],
      ['node', 'Node.js'],
      ['GoLang', 'Go'],
      ['Amazon Web Services', 'AWS'],
      ['Microsoft Excel', 'Excel'],
      ['Apache Kafka', 'Kafka'],
      ['Oracle Java', 'Java'],
      ['The MathWorks MATLAB', 'MATLAB'],
      ['Adobe Photoshop', 'Photoshop'],
      ['.net core', '.NET Core'],
      ['asp.net', 'ASP.NET'],
      ['c#', 'C#'],
      ['c++', 'C++'],
      ['r', 'R'],
      ['ci/cd', 'CI/CD'],
      ['  Spring   Boot ', 'Spring Boot'],
    ];
    for (const [input, expected] of cases) expect(matcher.canonicalize(input), input).toBe(expected);
    expect(matcher.canonicalize('Microsoft Word')).toBe('Microsoft Word');
    expect(matcher.canonicalize('Word')).toBeNull();
    expect(matcher.canonicalize('Underwater basket weaving')).toBeNull();
  });
});

describe('extract', () => {
  it('finds skills in order of first appearance, deduplicated', () => {
    expect(extract('Python, SQL and python again; also Postgres and PostgreSQL')).toEqual([
      'Python',
      'SQL',
      'PostgreSQL',
    ]);
  });

  it('keeps symbol-bearing names intact and respects word boundaries', () => {
    expect(extract('C/C++, C#, .NET Core, ASP.NET, Node.js, CI/CD')).toEqual([
      'C',
      'C++',
      'C#',
      '.NET Core',
      'ASP.NET',
      'Node.js',
      'CI/CD',
    ]);
    expect(extract('Visit example.net or call us')).toEqual([]);
    expect(extract('Experience with Next.js')).not.toContain('JavaScript');
  });

  it('treats Go as the language only in a technical context', () => {
    expect(extract('Go beyond expectations. Good going! Let us go.')).toEqual([]);
    expect(extract('Go-getter attitude; go-to-market strategy')).toEqual([]);
    expect(extract('Services written in Go and Kotlin')).toEqual(['Go', 'Kotlin']);
    expect(extract('Strong Golang skills')).toEqual(['Go']);
    expect(extract('Languages: Python, Go, Rust')).toEqual(['Python', 'Go', 'Rust']);
  });

  it('treats R and C as languages only as standalone list items or next to cues', () => {
    expect(extract('R&D department, C-level stakeholders, Series C funding, grade C')).toEqual([]);
    expect(extract('Parent company of R. J. Reynolds Tobacco')).toEqual([]);
    expect(extract('Statistical languages (Python, R, SAS)')).toEqual(['Python', 'R', 'SAS']);
    expect(extract('R programming is a plus')).toEqual(['R']);
    expect(extract('Proficient in R')).toEqual(['R']);
    expect(extract('WEKA, R. Python or other tools')).toEqual(['R', 'Python']);
    expect(extract('Embedded C code')).toEqual(['C']);
  });

  it('does not mistake everyday words for skills', () => {
    expect(extract('You will excel at communication and spark curiosity.')).toEqual([]);
    expect(extract('This Jobot Job is hosted by: Luke Swift')).toEqual([]);
    expect(extract('Americans with Disabilities Act (ADA)')).toEqual([]);
    expect(extract('Take a rest, then access the office in San Francisco.')).toEqual([]);
    expect(extract('Advanced Excel skills; big data with Spark')).toEqual(['Excel', 'Spark']);
    expect(extract('Design REST APIs')).toEqual(['REST']);
    expect(extract('spark, hive, python')).toEqual(['Spark', 'Hive', 'Python']);
  });
});

describe('canonicalizeList', () => {
  it('canonicalizes known names, keeps unknown ones cleaned, dedupes case-insensitively', () => {
    expect(
      matcher.canonicalizeList(['js', 'JavaScript', '  Team   leadership ', 'team leadership', '', 'K8s']),
    ).toEqual(['JavaScript', 'Team leadership', 'Kubernetes']);
  });
});

describe('createSkillMatcher', () => {
  const entries: SkillEntry[] = [
    { name: 'Go', aliases: ['Golang'], ambiguous: ['Go'] },
    { name: 'Python', aliases: ['py'] },
    { name: 'Spring Boot', aliases: [] },
    { name: 'Spring', aliases: [], ambiguous: ['Spring'] },
  ];
  const small = createSkillMatcher(entries);

  it('prefers the longest phrase and treats short forms as ambiguous by default', () => {
    expect(small.extract('Spring Boot and Python')).toEqual(['Spring Boot', 'Python']);
    expect(small.extract('py is short')).toEqual([]);
    expect(small.extract('Python, py')).toEqual(['Python']);
  });

  it('maps a canonical name to itself even if another entry lists it as an alias', () => {
    const clash = createSkillMatcher([
      { name: 'A1', aliases: ['B2'] },
      { name: 'B2', aliases: [] },
    ]);
    expect(clash.canonicalize('B2')).toBe('B2');
  });
});

describe('properties', () => {
  it('never throws and returns deduplicated results', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const found = extract(text);
        expect(new Set(found).size).toBe(found.length);
        matcher.canonicalize(text);
        const list = matcher.canonicalizeList([text, text]);
        expect(new Set(list.map((s) => s.toLowerCase())).size).toBe(list.length);
      }),
    );
  });

  it('is idempotent on its own output joined by ", "', () => {
    const vocabulary = [
      'Python',
      'R',
      'Go',
      'go',
      'C',
      'C++',
      'Excel',
      'excel',
      'Spark',
      'and',
      'the',
      ',',
      '.',
      'k8s',
      'R&D',
      'Node.js',
      'Series',
    ];
    const textArb = fc
      .array(fc.constantFrom(...vocabulary), { maxLength: 25 })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.oneof(textArb, fc.string({ maxLength: 200 })), (text) => {
        const once = extract(text);
        expect(extract(once.join(', '))).toEqual(once);
      }),
    );
  });
});

describe('real postings', () => {
  it('extracts skills from Glassdoor and Adzuna descriptions quickly', () => {
    const glassdoor = readCsv('glassdoor_ds_jobs.csv').map((r) => r['Job Description'] ?? '');
    const adzuna = readCsv('adzuna_uk_jobs.csv').map((r) => r.job_description ?? '');
    for (const text of glassdoor.slice(0, 50)) extract(text);
    const started = performance.now();
    const glassdoorSkills = glassdoor.map(extract);
    const elapsedMs = performance.now() - started;
    const kilobytes = glassdoor.reduce((sum, t) => sum + t.length, 0) / 1024;
    const adzunaSkills = adzuna.map(extract);
    const average = (lists: string[][]) => lists.reduce((s, l) => s + l.length, 0) / lists.length;
    console.log(
      `glassdoor: ${glassdoor.length} postings, ${average(glassdoorSkills).toFixed(2)} skills/posting, ` +
        `${((elapsedMs * 1000) / kilobytes).toFixed(0)} µs/KB (${elapsedMs.toFixed(0)} ms for ${kilobytes.toFixed(0)} KB); ` +
        `adzuna: ${adzuna.length} postings, ${average(adzunaSkills).toFixed(2)} skills/posting`,
    );
    expect(average(glassdoorSkills)).toBeGreaterThan(3);
    expect(elapsedMs / kilobytes).toBeLessThan(1);
    // Spot check: Glassdoor data-science postings mostly ask for Python and SQL.
    const share = (skill: string) =>
      glassdoorSkills.filter((s) => s.includes(skill)).length / glassdoor.length;
    expect(share('Python')).toBeGreaterThan(0.4);
    expect(share('SQL')).toBeGreaterThan(0.3);
    expect(share('Go')).toBeLessThan(0.05);
  });
});

describe('skills that share a name across vendors', () => {
  it("keeps Cisco's IOS apart from Apple's iOS", () => {
    expect(matcher.extract('Configure Cisco IOS routers; build iOS apps in Swift')).toEqual([
      'Cisco IOS',
      'iOS',
      'Swift',
    ]);
  });
});

describe('skills: boilerplate, headings, degrees, verbs and SAP modules (issue 13)', () => {
  it('does not take social networks named as channels for skills', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Follow us on', 'Find us on', 'Connect with us on', 'Apply via', 'Share this job on'),
        fc.constantFrom('LinkedIn', 'Facebook', 'LinkedIn and Facebook', 'Facebook, LinkedIn'),
        (lead, channels) => {
          expect(extract(`${lead} ${channels} for updates. We use Python.`)).toEqual(['Python']);
        },
      ),
    );
  });

  it('does not read everyday words as skills: headings, adjectives, verbs, fields of study, places', () => {
    expect(extract('BASIC QUALIFICATIONS: Python, SQL')).toEqual(['Python', 'SQL']);
    expect(extract('You thrive in an agile environment.')).toEqual([]);
    expect(extract('Able to react quickly to incidents.')).toEqual([]);
    expect(extract("Bachelor's degree in Computer Science, MIS or a related field")).toEqual([]);
    expect(extract('Our office in Spring Valley, NY.')).toEqual([]);
  });

  it('still finds them where they are skills', () => {
    expect(extract('Experience with Agile/Scrum and Jira')).toEqual(['Agile', 'Scrum', 'Jira']);
    expect(extract('React, Redux and TypeScript')).toEqual(expect.arrayContaining(['React', 'TypeScript']));
    expect(extract('Skills: BASIC, COBOL')).toEqual(expect.arrayContaining(['BASIC', 'COBOL']));
    expect(extract('Experience with Spring and Java')).toEqual(['Spring', 'Java']);
    expect(extract('MIS reporting in SQL, Excel')).toEqual(expect.arrayContaining(['SQL']));
  });

  it('reads SAP modules, also in slashed lists', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('FI', 'CO', 'SD', 'MM', 'PP', 'WM'), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(' Consultant', ' Lead', ''),
        (modules, suffix) => {
          expect(extract(`SAP ${modules.join('/')}${suffix}`)).toEqual(modules.map((m) => `SAP ${m}`));
        },
      ),
    );
  });
});

describe('skills: contact labels, compounds, case variants and requirement tags (session 3, eval:skills tune)', () => {
  it('does not read a contact label as a skill', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'Email: info@acme.com',
          'Email dinesh@vbeyond.com',
          'Email mailto:jobs',
          'Email www.acme.com',
        ),
        (contact) => {
          expect(extract(`Requirements: Python and SQL. ${contact} or call us.`)).toEqual(['Python', 'SQL']);
        },
      ),
    );
    const dotNet = extract('Skills: C#.Net, WPF. Email: jobs@acme.com');
    expect(dotNet).toContain('.NET');
    expect(dotNet).not.toContain('Email');
    expect(extract('Experience with Email marketing tools and Python')).toEqual(
      expect.arrayContaining(['Python']),
    );
  });

  it('does not read a hyphen compound as the skill, but keeps "X-based"', () => {
    expect(extract('Benefits: Flex-time policy (half-day Fridays), Python training')).toEqual(['Python']);
    expect(extract('Flex-based dashboards and Java-driven services')).toEqual(['Flex', 'Java']);
  });

  it('reads an acronym written in title case when a cue names it', () => {
    fc.assert(
      fc.property(fc.constantFrom('working with', 'experience with', 'knowledge of'), (cue) => {
        expect(extract(`Comfortable with data; ${cue} Matlab is needed`)).toEqual(['MATLAB']);
      }),
    );
    expect(extract('Matlab')).toEqual([]);
  });

  it('reads a skill tagged as preferred or required, and the new aliases', () => {
    expect(extract('Experience with generating reports, Yardi preferred.')).toEqual(['Yardi']);
    expect(extract('Experience in Data Bricks and exposure to non-relational databases')).toEqual([
      'Databricks',
      'NoSQL',
    ]);
  });

  it('does not read "an Agile environment" as the skill', () => {
    fc.assert(
      fc.property(fc.constantFrom('environment', 'manner', 'culture', 'setting'), (noun) => {
        expect(extract(`Manage delivery in an Agile ${noun}, using Python.`)).toEqual(['Python']);
      }),
    );
    expect(extract('Some knowledge of Agile/Scrum is a must-have')).toEqual(['Agile', 'Scrum']);
    expect(extract('Basic knowledge of Excel')).not.toContain('BASIC');
  });

  it('reads security clearances (TS/SCI, Top Secret, Public Trust, polygraph) as noise, never as TypeScript', () => {
    const clearances = fc.constantFrom(
      'TS/SCI',
      'TS / SCI',
      'TS-SCI w/ Full Scope Poly',
      'Top Secret/SCI',
      'Top Secret (TS)',
      'TS clearance',
      'Secret with CI Polygraph',
      'Public Trust',
      'Polygraph',
    );
    const skills = fc.subarray(['Python', 'Java', 'SQL', 'Kubernetes', 'React'], { minLength: 1 });
    fc.assert(
      fc.property(clearances, skills, fc.boolean(), (clearance, names, first) => {
        const list = first ? [clearance, ...names] : [...names, clearance];
        expect(extract(`Requirements: ${list.join(', ')}.`)).toEqual(names);
        expect(extract(`Active ${clearance} required; skills: ${names.join(', ')}`)).toEqual(names);
      }),
    );
    expect(extract('Skills: TS, JavaScript, Angular')).toEqual(['TypeScript', 'JavaScript', 'Angular']);
    expect(extract('Strong TS skills')).toEqual(['TypeScript']);
  });
});

describe('skills: context rules for names in boilerplate and everyday words (issue 13, session 5)', () => {
  it.each([
    ['Follow us on LinkedIn, Twitter, Instagram and Facebook for updates.', []],
    ['Follow Us!YouTube | LinkedIn | X (Twitter) | Facebook', []],
    ['Please use the "Apply with LinkedIn" button.', []],
    ['Reach out to the recruiter on LinkedIn for details.', []],
    ['visit our page on LinkedIn to stay updated', []],
    ['household named companies such as General Electric, Dominos, LinkedIn and Adobe', []],
    ['customers including Facebook, Uber and Spotify', []],
    ['You will have a BASIC understanding of accounting.', []],
    ['Ability to develop basic SQL queries', ['SQL']],
    ['Java developer at Oracle.', ['Java']],
    ['Experience with LinkedIn Recruiter and Salesforce required.', ['LinkedIn', 'Salesforce']],
    ['Programming in BASIC, Visual Basic and VBA.', ['BASIC', 'VBA']],
    ['Familiarity with the UNIX and cluster computing environment preferred.', ['UNIX']],
    [
      'tools like Puppet, Chef, and Ansible. Experience with Unix and Linux',
      ['Puppet', 'Chef', 'Ansible', 'UNIX', 'Linux'],
    ],
    ['delivering under the Agile methodology', ['Agile']],
    ['Participate in an agile scrum cadence', ['Agile', 'Scrum']],
    ['good at Excel and Python', ['Excel', 'Python']],
    ['Build a React application with TypeScript', ['React', 'TypeScript']],
    ['an MIS or Computer Science degree', []],
    ['experience in an appropriate discipline such as MIS, statistics', []],
    ['Python and SQL degree-level knowledge', ['Python', 'SQL']],
    ['Great team. At Salesforce, we believe in equality.', []],
    ['At Salesforce, Python and Java are used', ['Salesforce', 'Python', 'Java']],
    ['Check out our YouTube channel', []],
    ['Salesforce', ['Salesforce']],
  ])('%s', (text, expected) => {
    expect(extract(text)).toEqual(expected);
  });

  it('never throws on texts made of skill names and the words the context rules read, at any position', () => {
    const words = fc.constantFrom(
      'At',
      'at',
      'Salesforce',
      'BASIC',
      'a',
      'the',
      'understanding',
      ',',
      'we',
      'follow',
      'us',
      'on',
      'LinkedIn',
      'SAP',
      'SD',
      'MM',
      'FI/CO',
      'modules',
      'degree',
      'or',
      'MIS',
      'companies',
      'such',
      'as',
      '.',
      '\n',
      'Agile',
      'Scrum',
      'basic',
      'SQL',
      'like',
      'with',
      'page',
      'discipline',
      'S/4HANA',
      'consultant',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 20 }), (parts) => {
        const found = extract(parts.join(' '));
        expect(new Set(found).size).toBe(found.length);
      }),
      { numRuns: 500 },
    );
  });

  it('a call to action before a list of networks covers every name in it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Follow us on', 'Find us on', 'Connect with us on', 'Like us on'),
        fc.shuffledSubarray(['LinkedIn', 'Facebook', 'YouTube', 'Instagram', 'Twitter'], { minLength: 1 }),
        (lead, names) => {
          const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
          expect(extract(`${lead} ${list}.`)).toEqual([]);
        },
      ),
    );
  });

  it('an everyday-word skill between a determiner and an ordinary noun is an adjective; before a technical noun it is the skill', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['BASIC', 'BASIC'], ['Agile', 'Agile'], ['Swift', 'Swift'], ['Spring', 'Spring']),
        fc.constantFrom('a', 'an', 'the', 'our'),
        fc.constantFrom('understanding', 'team', 'response', 'start', 'review'),
        fc.constantFrom('application', 'developer', 'codebase', 'framework'),
        ([written, canonical], determiner, everyday, technical) => {
          expect(extract(`We want ${determiner} ${written} ${everyday} of it.`)).not.toContain(canonical);
          expect(extract(`We want ${determiner} ${written} ${technical} of it.`)).toContain(canonical);
        },
      ),
    );
  });

  it('reads SAP modules after a product and bare codes followed by a module noun in a text naming SAP', () => {
    expect(extract('SAP S/4HANA SD MM functional analyst')).toEqual(['SAP S/4HANA', 'SAP SD', 'SAP MM']);
    expect(extract('SAP consultant: FI/CO consultant with SD and MM modules')).toEqual(
      expect.arrayContaining(['SAP FI', 'SAP CO', 'SAP SD', 'SAP MM']),
    );
    expect(extract('SD and MM modules')).toEqual([]);
    expect(extract('Experience in SAP modules like SD, MM and PP')).toEqual(
      expect.arrayContaining(['SAP SD', 'SAP MM', 'SAP PP']),
    );
    expect(extract('SAP Consultant (FI/CO)')).toEqual(expect.arrayContaining(['SAP FI', 'SAP CO']));
    expect(extract('SAP Consultant - SD')).toEqual(expect.arrayContaining(['SAP SD']));
    expect(extract('SAP S4 HANA MM consultant')).toEqual(['SAP S/4HANA', 'SAP MM']);
    expect(extract('Our PM and QM teams use SAP')).toEqual(['SAP']);
    expect(extract('version control (e.g., using Git)')).toEqual(['Git']);
    expect(extract('SAP, SQL and AWS')).toEqual(expect.arrayContaining(['SQL', 'AWS']));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(['FI', 'CO', 'SD', 'MM', 'PP', 'QM', 'PM', 'WM'], { minLength: 1, maxLength: 4 }),
        fc.constantFrom('/', ', ', ' and ', ' '),
        (codes, joiner) => {
          expect(extract(`SAP ${codes.join(joiner)} Consultant`)).toEqual(codes.map((code) => `SAP ${code}`));
        },
      ),
    );
  });
});
