import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRoleText } from './clean-role-text.js';
import { buildRoleCatalog, type CatalogRole, decideTitle, REVIEW_BELOW_CONFIDENCE } from './decide-role.js';

const seed = JSON.parse(readFileSync(new URL('../../../assets/role-seed.json', import.meta.url), 'utf8')) as {
  roles: { name: string; aliases: string[] }[];
};
const seeded: CatalogRole[] = seed.roles.map((role, id) => ({
  id,
  ...role,
  canonical: true,
  category: null,
}));
const catalog = buildRoleCatalog(seeded);
const nameOf = (id: number, roles: readonly CatalogRole[] = seeded) => roles.find((r) => r.id === id)?.name;

function decided(text: string, on = catalog, roles: readonly CatalogRole[] = seeded): string {
  const decision = decideTitle(on, text);
  if (decision.kind === 'match') return nameOf(decision.roleId, roles)!;
  if (decision.kind === 'create') return `new: ${decision.name}`;
  if (decision.kind === 'nearest') return `nearest, else new: ${decision.create.name}`;
  return 'refused';
}

describe('decideTitle on the seeded taxonomy', () => {
  it.each([
    ['Senior Data Engineer (Kafka, Spark)', 'Data Engineer'],
    ['TS/SCI Cleared Java Developer', 'Java Developer'],
    ['DevOps', 'DevOps Engineer'],
    ['Devops/SRE', 'DevOps Engineer'],
    ['Full-stack JS dev', 'Full Stack Developer'],
    ['Java AQA', 'QA Automation Engineer'],
    ['Rust Blockchain Engineer', 'Blockchain Engineer'],
    ['Partner Solutions Architect (Colombia)', 'Solutions Architect'],
    ['Старший Java розробник', 'Java Developer'],
    ['Starszy Programista Python', 'Python Developer'],
    ['Senior Frontend Entwickler (m/w/d)', 'Frontend Developer'],
    ['Software Engineer II, Backend (Capital Orchestration)', 'Backend Developer'],
  ])('links "%s" to %s', (text, role) => {
    expect(decided(text)).toBe(role);
  });

  it.each([
    ['Middle QA', 'QA Engineer'],
    ['Automation QA (Python)', 'QA Automation Engineer'],
    ['Python Backend Developer', 'Python Developer'],
    ['Backend Java Engineer', 'Java Developer'],
    ['Full Stack JavaScript Developer', 'Full Stack Developer'],
    ['Senior Software Engineer (Java)', 'Java Developer'],
    ['Software Developer - C#', '.NET Developer'],
    ['Sr. Staff Software Development Engineer - Java/Go + Distributed Systems', 'Software Engineer'],
    ['Machine Learning Platform Engineer', 'Machine Learning Engineer'],
    ['Platform Security Engineer', 'Security Engineer'],
    ['Programme Manager', 'Program Manager'],
    ['Network Security Engineer', 'Security Engineer'],
    ['Data Center Systems Engineer, R&D', 'Systems Engineer'],
    ['Cloud Network Engineer', 'Network Engineer'],
    ['Tester oprogramowania', 'QA Engineer'],
    ['Інженер з тестування', 'QA Engineer'],
    ['Kierownik projektu', 'Project Manager'],
    ['Analityk biznesowy', 'Business Analyst'],
    ['Бізнес-аналітик', 'Business Analyst'],
    ['Проєктний менеджер', 'Project Manager'],
    ['Datenanalyst (m/w/d)', 'Data Analyst'],
    ['Big Data Developer', 'Data Engineer'],
    ['Snowflake Developer', 'Data Engineer'],
    ['Senior Spark Developer', 'Data Engineer'],
    ['Kafka Engineer', 'Data Engineer'],
    ['Data Warehousing Engineer', 'Data Warehouse Developer'],
    ['k8s admin', 'DevOps Engineer'],
    ['Kubernetes Administrator', 'DevOps Engineer'],
    ['Azure Administrator', 'Azure Engineer'],
    ['Джава девелопер', 'Java Developer'],
    ['Лінукс адмін', 'Systems Administrator'],
    ['Manager, Field Engineering Italy', 'new: Field Engineering Manager'],
    ['Director of Customer Engineering', 'new: Sales Engineering Manager'],
  ])('reads the parts of "%s" as %s', (text, role) => {
    expect(decided(text)).toBe(role);
  });

  it('names created roles from their parts, not from typo guesses or seniority-like words', () => {
    expect(decided('Office Manager')).toBe('new: Office Manager');
    expect(decided('Lead Generation Manager')).toBe('new: Lead Generation Manager');
    expect(decided('Forward Deployed Software Engineer')).toBe('new: Forward Deployed Engineer');
    expect(decided('Chief Technology Officer')).toBe(decided('CTO'));
  });

  it('reads the head from the right only while a specialty of its own is left', () => {
    expect(decided('Technical Support Engineering Manager')).not.toBe('Engineering Manager');
    expect(decided('Mechanical Systems Engineer')).toBe('new: Mechanical Systems Engineer');
  });

  it('links an administrator to the engineer only where both run the same systems', () => {
    // A technology-defined developer family is no administrator's role; nor is a data role.
    expect(decided('Oracle Administrator')).toBe('nearest, else new: Oracle Administrator');
    expect(decided('Data Administrator')).toBe('nearest, else new: Data Administrator');
    const decision = decideTitle(catalog, 'k8s admin');
    expect(decision.kind === 'match' && decision.confidence).toBeLessThan(REVIEW_BELOW_CONFIDENCE);
  });

  it('gives a bare role noun without a default role no arbitrary role', () => {
    expect(decided('Analyst')).toBe('new: Analyst');
    expect(decided('Commercial Analyst')).not.toBe('Software Engineer');
    expect(decided('Commercial Analyst')).not.toBe('Cybersecurity Analyst');
  });

  it('keeps titles outside IT out of IT roles', () => {
    expect(decided('Account Manager')).toBe('new: Account Manager');
    expect(decided('Mechanical Systems Engineer')).toBe('new: Mechanical Systems Engineer');
    expect(decided('Senior Civil Engineer')).toBe('new: Civil Engineer');
    expect(decided('Enterprise Account Executive, Federal')).toBe('new: Account Executive');
    expect(decided('Informatica Account Executive')).toBe('new: Account Executive');
  });

  it('links a bare role noun to its default role with low confidence, for review', () => {
    const decision = decideTitle(catalog, 'Staff Engineer, Auth0 FGA Developer Platform');
    expect(decision).toMatchObject({ kind: 'match' });
    if (decision.kind !== 'match') return;
    expect(nameOf(decision.roleId)).toBe('Software Engineer');
    expect(decision.confidence).toBeLessThan(REVIEW_BELOW_CONFIDENCE);
  });

  it('creates only from a recognised role noun, naming the role from its parsed parts', () => {
    expect(decided('Forward Deployed Engineer (FDE) - SF')).toBe('new: Forward Deployed Engineer');
    expect(decided('Payments Engineer - Series A fintech | Remote | W2')).toBe('new: Payments Engineer');
    expect(decided('asdf qwerty')).toBe('refused');
    expect(decided('Senior Remote Contract')).toBe('refused');
  });

  it('prefers canonical roles to roles created on the fly, and reaches created roles by name only', () => {
    const created: CatalogRole = {
      id: 1000,
      name: 'Senior Java Developer Kafka Spark Remote',
      aliases: [],
      canonical: false,
      category: null,
    };
    const forwardDeployed: CatalogRole = {
      id: 1001,
      name: 'Forward Deployed Engineer',
      aliases: [],
      canonical: false,
      category: null,
    };
    const roles = [...seeded, created, forwardDeployed];
    const withCreated = buildRoleCatalog(roles);
    expect(decided('Java Developer (Kafka)', withCreated, roles)).toBe('Java Developer');
    expect(decided('Principal Forward Deployed Engineer', withCreated, roles)).toBe(
      'Forward Deployed Engineer',
    );
    expect(decided('Forward Engineer', withCreated, roles)).not.toBe('Forward Deployed Engineer');
    // Same parsed key (function, specialties, own words), generic words and order aside.
    expect(decided('Forward Deployed Software Engineer', withCreated, roles)).toBe(
      'Forward Deployed Engineer',
    );
    expect(decided('Forward Deployed Developer', withCreated, roles)).toBe('Forward Deployed Engineer');
  });

  it('never merges a non-IT title into an IT role created on the fly', () => {
    const roles: CatalogRole[] = [
      ...seeded,
      { id: 2000, name: 'Systems Test Engineer', aliases: [], canonical: false, category: null },
    ];
    expect(decided('Mechanical Systems Test Engineer', buildRoleCatalog(roles), roles)).toMatch(/^new: /);
  });
});

describe('a lead of a technology', () => {
  it.each([
    ['Team Lead Java', 'Java Developer'],
    ['Tech Lead Java', 'Java Developer'],
    ['Lead Java', 'Java Developer'],
    ['Java Tech Lead', 'Java Developer'],
    ['Team Lead .NET (Remote)', '.NET Developer'],
    ['Tech Lead Python', 'Python Developer'],
  ])('"%s" is the technology role at lead seniority', (title, role) => {
    expect(decided(title)).toBe(role);
    const decision = decideTitle(catalog, title);
    expect(decision.kind === 'match' && decision.confidence).toBeGreaterThanOrEqual(0.8);
    expect(decision.kind === 'match' && decision.parsed.seniority).toBe('lead');
  });

  it('leaves leads of a discipline to their own roles', () => {
    expect(decided('QA Lead')).toBe('QA Manager');
    expect(decided('Tech Lead')).not.toBe('Java Developer');
    expect(decided('Team Lead Sales')).toBe('refused');
  });
});

describe('noise added to a title', () => {
  const titles = fc.constantFrom(
    'Java Developer',
    'Data Engineer',
    'QA Automation Engineer',
    'Python Backend Developer',
    'DevOps Engineer',
    'Payments Engineer',
    'Forward Deployed Engineer',
    'Programista Java',
    'Розробник Python',
    'Account Manager',
    'Business Analyst',
    'Machine Learning Engineer',
  );
  const before = fc.constantFrom(
    '',
    'Senior ',
    'Sr. ',
    'Junior ',
    'Middle ',
    'Strong Middle ',
    'Lead ',
    '🚀 ',
  );
  const after = fc.constantFrom(
    '',
    ' - Remote',
    ' (Remote, US)',
    ' | Hybrid | Kraków',
    ', London',
    ' - 12 Month Contract',
    ' (B2B)',
    ' - W2 Only - No C2C',
    ' - TS/SCI with Poly',
    ' (SC Clearance)',
    ' (m/w/d)',
    ' II',
    ' - REQ-12345',
    ' #4521',
    ' 💻',
    ' - H1B Visa Sponsorship',
    ' (Fully Remote)',
  );
  const noisy = fc.tuple(before, titles, fc.array(after, { maxLength: 3 }));

  it('never changes the decided role, and never reaches a created name', () => {
    const noiseWords =
      /\b(remote|hybrid|contract|w2|c2c|sci|clearance|london|krak|b2b|req|visa|h1b|senior|middle)\b/i;
    fc.assert(
      fc.property(noisy, ([prefix, title, suffixes]) => {
        const plain = decided(title);
        const withNoise = decided(`${prefix}${title}${suffixes.join('')}`);
        expect(withNoise).toBe(plain);
        if (withNoise.startsWith('new: ')) expect(withNoise).not.toMatch(noiseWords);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bad input', () => {
  const emoji = fc.constantFrom('🚀', '😀', '🔥', '💼', '👩‍💻', '✨');
  const badInputs = fc.oneof(
    fc.constant(''),
    fc.string({ minLength: 1, maxLength: 1 }),
    fc.string({ minLength: 500, maxLength: 520 }),
    fc.array(emoji, { minLength: 1, maxLength: 8 }).map((e) => e.join('')),
    fc.stringMatching(/^[0-9 .,-]{1,20}$/),
    fc.constantFrom(
      "'; DROP TABLE global_roles; --",
      'SELECT * FROM users WHERE 1=1',
      '<script>alert(1)</script>',
      '<b>hello</b> <i>world</i>',
      'Robert"); DELETE FROM candidates;--',
    ),
    fc
      .tuple(
        fc.constantFrom('Разраб', 'ξλμ', 'データ', 'مطور', 'asdf', 'qwerty'),
        fc.constantFrom('zx', 'ñ', '漢字'),
      )
      .map(([a, b]) => `${a}${b} ${b}${a}`),
  );

  it('is a validation error, a refusal or a low-confidence link, never a role named after the noise', () => {
    fc.assert(
      fc.property(badInputs, (text) => {
        if (!validateRoleText(text).ok) return;
        const decision = decideTitle(catalog, text);
        if (decision.kind === 'refuse') return;
        if (decision.kind === 'match') return;
        const name = decision.kind === 'create' ? decision.name : decision.create.name;
        // A created name is built from a recognised role noun and clean words only.
        expect(name).toMatch(/^[\p{L}\p{N} .#+/-]+$/u);
        expect(name).not.toMatch(/select|drop|delete|script|alert|[<>;'"=]/i);
        expect(
          decision.kind === 'create' ? decision.parsed.function : decision.parsed.function,
        ).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  const roleNoun = fc.constantFrom(
    'Developer',
    'Engineer',
    'Manager',
    'Analyst',
    'Consultant',
    'Specialist',
    'Administrator',
  );
  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
  const repeated = fc.tuple(letter, fc.integer({ min: 3, max: 100 })).map(([l, n]) => l.repeat(n));
  const foreignScript = fc.constantFrom('データ', 'مطور', 'ξλμ', '漢字', '한국어', 'עברית', 'ทดสอบ');
  const junkWord = fc.oneof(
    repeated,
    foreignScript,
    fc.stringMatching(/^[bcdfghjklmnpqrstvwxz]{5,12}$/),
    fc
      .tuple(
        fc.constantFrom('asdf', 'qwer', 'zxcv', 'hjkl', 'fdsa', 'lkjh', 'qwerty', 'mnbv'),
        fc.stringMatching(/^[a-z]{0,4}$/),
      )
      .map(([run, rest]) => run + rest),
    fc.stringMatching(/^[a-z]{31,60}$/),
    fc.stringMatching(/^(?:[a-z][0-9]){2,5}$/),
  );
  const codeAroundNoun = fc.tuple(
    fc.constantFrom(
      '<b>',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      "' OR 1=1 --",
      '; DROP TABLE global_roles; --',
      'UNION SELECT password FROM users',
      '/* x */',
    ),
    fc.constantFrom('Java', 'Data', ''),
  );
  const junkTitles = fc.oneof(
    fc.tuple(junkWord, roleNoun).map(([junk, noun]) => `${junk} ${noun}`),
    // Glued to the noun: the junk must show in the word itself (a letter run, another script).
    fc
      .tuple(roleNoun, fc.oneof(repeated, foreignScript))
      .map(([noun, junk]) => `${junk}${noun.toLowerCase()}`),
    fc.tuple(codeAroundNoun, roleNoun).map(([[code, tech], noun]) => `${code} ${tech} ${noun}`),
    fc.tuple(roleNoun, codeAroundNoun).map(([noun, [code]]) => `${noun} ${code}`),
  );

  it('makes no role of junk words or code beside a role noun: a refusal or a link filed for review', () => {
    fc.assert(
      fc.property(junkTitles, (text) => {
        if (!validateRoleText(text).ok) return;
        const decision = decideTitle(catalog, text);
        expect(decision.kind === 'create' || decision.kind === 'nearest', text).toBe(false);
        if (decision.kind === 'match') expect(decision.confidence).toBeLessThan(REVIEW_BELOW_CONFIDENCE);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    [`${'x'.repeat(100)} developer`, 'refused'],
    ['asdf qwerty', 'refused'],
    ['asdf developer', 'refused'],
    ['qwrtzpl engineer', 'refused'],
    ['日本語 developer', 'refused'],
    ['<b>Java</b> Developer', 'refused'],
    ["SELECT * FROM users WHERE role = 'developer'", 'refused'],
    ['1 OR 1=1 developer', 'refused'],
  ])('refuses "%s"', (text, expected) => {
    expect(decided(text)).toBe(expected);
  });

  it('links the readable rest of a title with a junk word for review, and reads look-alike letters', () => {
    const decision = decideTitle(catalog, 'asdf Java Developer');
    expect(decision).toMatchObject({ kind: 'match', method: 'fuzzy' });
    expect(decision.kind === 'match' && decision.confidence).toBeLessThan(REVIEW_BELOW_CONFIDENCE);
    expect(decided('asdf Java Developer')).toBe('Java Developer');
    // Cyrillic а in "Jаvа": mixed scripts within a word read as the Latin word they imitate.
    expect(decided('Jаvа Developer')).toBe('Java Developer');
  });

  it('refuses the canonical bad inputs with a reason', () => {
    for (const text of ['🚀🚀🚀', '12345', "'; DROP TABLE global_roles; --", '<script>alert(1)</script>']) {
      expect(decideTitle(catalog, text)).toMatchObject({ kind: 'refuse', reason: expect.any(String) });
    }
  });
});
