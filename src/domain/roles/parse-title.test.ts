import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoleTitle } from './parse-title.js';

const phrase = (title: string) => parseRoleTitle(title).tokens.join(' ');

describe('parseRoleTitle', () => {
  it.each([
    ['Staff Software Engineer - Corporate Development', 'software engineer'],
    ['Senior Data Engineer (Kafka, Spark)', 'data engineer'],
    ['Data Engineer | 12 month FTC | Newcastle | SC Clearance Essential', 'data engineer'],
    ['Data Engineer (DV Clearable) - Up to £140,000 Benefits', 'data engineer'],
    ['TS/SCI Cleared Java Developer', 'java developer'],
    ['Java Developer - Remote - W2 - H1B', 'java developer'],
    ['Account Manager Poland (f/m/d)', 'account manager'],
    ['Software Engineer, Agent (Brazilian Portuguese speaking)', 'software engineer'],
    ['Principal Data Scientist with over 10 years experience', 'data scientist'],
    ['(198508) Head of Engineering', 'engineering manager'],
    ['Data Scientist in Translational Medicine', 'data scientist'],
    ['Software Engineer Rust', 'rust software engineer'],
    ['Android Developer 📱🚀', 'android developer'],
    ['Manager, Field Engineering Italy', 'field engineering manager'],
    ['London Java Developer', 'java developer'],
    ['Bank of America Software Engineer', 'bank software engineer'],
  ])('keeps only the role phrase of "%s"', (title, expected) => {
    expect(phrase(title)).toBe(expected);
  });

  it('records what it removed as noise, and never lets it into the name', () => {
    const parsed = parseRoleTitle('Senior Java Developer - TS/SCI - Remote - Contract (m/w/d) 🚀');
    expect(parsed.name).toBe('Java Developer');
    expect(parsed.noise.join(' ')).toMatch(/TS\/SCI/);
    expect(parsed.noise.join(' ')).toMatch(/Remote/);
    expect(parsed.noise).toContain('🚀');
    expect(parsed.name).not.toMatch(/TypeScript|Sci/);
  });

  it('takes a stack specialty from the suffix of a generic head only', () => {
    expect(phrase('Software Engineer II, Backend (Capital Orchestration)')).toBe('backend engineer');
    expect(phrase('Senior Software Engineer, Fullstack (Card Acquisition)')).toBe('full stack engineer');
    expect(phrase('Software Engineer, Data Platform')).toBe('software engineer');
    expect(phrase('Data Scientist, Frontend')).toBe('data scientist');
  });

  it('composes a management word with the discipline it heads', () => {
    expect(phrase('Manager, Software Engineering - DevEx AI Tools')).toBe('software engineering manager');
    expect(phrase('Director of Engineering, Developer Productivity')).toBe('engineering manager');
    expect(phrase('Director, Solutions Architect')).toBe('solutions architect');
    expect(phrase('Head of Internal Audit')).toBe('internal audit manager');
  });

  it('takes the first of two titles joined by a slash, and keeps UI/UX whole', () => {
    expect(phrase('Data Analyst / Scientist')).toBe('data analyst');
    expect(phrase('Senior Data / BI Analyst')).toBe('data analyst');
    expect(phrase('Associate Machine Learning Engineer / Data Scientist')).toBe('machine learning engineer');
    expect(phrase('UI/UX Designer')).toBe('ui ux designer');
    expect(phrase('Java/Kotlin Developer')).toBe('java developer');
    expect(phrase('Python/Django Developer')).toBe('python django developer');
    expect(phrase('C/C++ Developer')).not.toBe('c developer');
  });

  it.each([
    ['Старший Java розробник', 'java developer', 'senior'],
    ['Senior Python разработчик', 'python developer', 'senior'],
    ['Молодший тестувальник', 'qa engineer', 'junior'],
    ['Ведущий аналитик данных', 'data analyst', 'lead'],
    ['Starszy Programista Java', 'java developer', 'senior'],
    ['Młodszy Inżynier DevOps', 'devops engineer', 'junior'],
    ['Softwareentwickler Java (m/w/d)', 'java software developer', null],
    ['Werkstudent Frontend Entwickler', 'frontend developer', 'intern'],
    ['Middle Java Developer', 'java developer', 'mid'],
    ['Strong Middle Python Developer', 'python developer', 'mid'],
    ['Regular .NET Developer', '.net developer', 'mid'],
  ])('reads "%s" in its language', (title, expected, seniority) => {
    const parsed = parseRoleTitle(title);
    expect(parsed.tokens.join(' ')).toBe(expected);
    expect(parsed.seniority).toBe(seniority);
  });

  it('tells IT titles from titles outside IT', () => {
    expect(parseRoleTitle('Senior Java Developer').domain).toBe('it');
    expect(parseRoleTitle('Mechanical Systems Engineer').domain).toBe('non-it');
    expect(parseRoleTitle('Account Manager').domain).toBe('non-it');
    expect(parseRoleTitle('Data Cabling Engineer').domain).toBe('non-it');
    expect(parseRoleTitle('CNC Programmer').domain).toBe('non-it');
    expect(parseRoleTitle('Forward Deployed Engineer').domain).toBe('unknown');
  });

  it('finds no role phrase in text without a role noun', () => {
    for (const text of ['asdf qwerty', '🚀🚀🚀', '12345', 'DROP TABLE users;', '<b>hello</b>', 'Remote']) {
      expect(parseRoleTitle(text).tokens, text).toEqual([]);
    }
  });

  it('never throws, and its name never carries a noise word', () => {
    const noiseWords = ['remote', 'hybrid', 'contract', 'w2', 'c2c', 'ftc', 'clearance', 'visa', 'h1b'];
    const titleParts = fc.constantFrom(
      'Senior',
      'Java',
      'Developer',
      'Data',
      'Engineer',
      '- Remote',
      '(Contract)',
      'TS/SCI',
      'W2',
      '| Hybrid',
      '(m/w/d)',
      '🚀',
      ', London',
      'Старший',
      'розробник',
      '/',
      '12 month FTC',
      'H1B visa',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(titleParts, fc.string({ maxLength: 12 })), { maxLength: 8 }), (parts) => {
        const parsed = parseRoleTitle(parts.join(' '));
        const words = parsed.name.toLowerCase().split(/\s+/);
        for (const noise of noiseWords) expect(words).not.toContain(noise);
        expect(parsed.tokens.length === 0).toBe(parsed.name === '');
      }),
      { numRuns: 400 },
    );
  });
});
