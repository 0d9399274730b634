/**
 * Generated demo data: an agency's candidates and a few thousand job postings, deterministic for a seed.
 * Nothing here comes from third-party postings; names, companies and texts are composed from the lists below.
 */

import { seededRandom as random } from '../domain/seeded-random.js';
import type { JobInput } from '../ingestion/job-input.js';

interface RoleProfile {
  role: string;
  /** How recruiters type it: the candidates' preferred roles use these, normalization maps them back. */
  typed: string[];
  core: string[];
  extra: string[];
  salary: [number, number];
}

const PROFILES: RoleProfile[] = [
  {
    role: 'Python Developer',
    typed: ['Python Developer', 'Sr Python Dev', 'python engineer II'],
    core: ['Python', 'Django', 'PostgreSQL', 'REST'],
    extra: ['AWS', 'Docker', 'Flask', 'FastAPI', 'Redis', 'Celery', 'Kubernetes', 'Git'],
    salary: [110_000, 175_000],
  },
  {
    role: 'Java Developer',
    typed: ['Java Developer', 'Senior Java Engineer', 'J2EE Developer'],
    core: ['Java', 'Spring Boot', 'SQL', 'REST'],
    extra: ['Kafka', 'Microservices', 'AWS', 'Docker', 'Hibernate', 'Kubernetes', 'Jenkins'],
    salary: [105_000, 170_000],
  },
  {
    role: '.NET Developer',
    typed: ['.NET Developer', 'C# Developer', 'Lead .NET Engineer'],
    core: ['C#', '.NET', 'SQL Server', 'ASP.NET'],
    extra: ['Azure', 'Entity Framework', 'Angular', 'Docker', 'Git'],
    salary: [100_000, 160_000],
  },
  {
    role: 'React Developer',
    typed: ['React Developer', 'ReactJS Developer', 'Frontend React Engineer'],
    core: ['React', 'JavaScript', 'TypeScript', 'CSS'],
    extra: ['Redux', 'Node.js', 'GraphQL', 'Jest', 'Next.js', 'HTML'],
    salary: [100_000, 165_000],
  },
  {
    role: 'Data Engineer',
    typed: ['Data Engineer', 'Senior Data Engg', 'Big Data Engineer'],
    core: ['Python', 'SQL', 'Spark', 'Airflow'],
    extra: ['Snowflake', 'dbt', 'Kafka', 'AWS', 'Databricks', 'Scala'],
    salary: [120_000, 185_000],
  },
  {
    role: 'Data Scientist',
    typed: ['Data Scientist', 'Sr. Data Scientist'],
    core: ['Python', 'Machine learning', 'SQL', 'pandas'],
    extra: ['scikit-learn', 'TensorFlow', 'PyTorch', 'R', 'Tableau', 'NLP'],
    salary: [115_000, 180_000],
  },
  {
    role: 'DevOps Engineer',
    typed: ['DevOps Engineer', 'k8s devops eng', 'Site Reliability Engineer'],
    core: ['Kubernetes', 'Docker', 'Terraform', 'AWS'],
    extra: ['Jenkins', 'Ansible', 'Linux', 'Python', 'Prometheus', 'CI/CD'],
    salary: [115_000, 180_000],
  },
  {
    role: 'QA Automation Engineer',
    typed: ['QA Automation Engineer', 'SDET', 'Test Automation Engineer'],
    core: ['Selenium', 'Java', 'API testing', 'Jira'],
    extra: ['Cypress', 'Python', 'Postman', 'Jenkins', 'SQL'],
    salary: [85_000, 135_000],
  },
  {
    role: 'Business Analyst',
    typed: ['Business Analyst', 'IT Business Analyst', 'BA'],
    core: ['SQL', 'Jira', 'Excel', 'Requirements'],
    extra: ['Tableau', 'Power BI', 'Agile', 'Confluence', 'Visio'],
    salary: [75_000, 120_000],
  },
  {
    role: 'Salesforce Developer',
    typed: ['Salesforce Developer', 'SFDC Developer'],
    core: ['Salesforce', 'Apex', 'Lightning', 'SOQL'],
    extra: ['JavaScript', 'REST', 'Git', 'Agile'],
    salary: [110_000, 160_000],
  },
];

const SENIORITY = ['', '', 'Senior ', 'Senior ', 'Lead ', 'Junior ', 'Staff '];
const COMPANIES = [
  'Northwind Analytics',
  'Bluepeak Systems',
  'Crescent Health IT',
  'Ironbridge Financial',
  'Lumen Retail Tech',
  'Orbit Logistics',
  'Pinecone Media',
  'Quarry Labs',
  'Riverstone Insurance',
  'Summit Energy Digital',
  'Tidewater Bank',
  'Vantage Mobility',
  'Willow Education',
  'Zenith Aerospace',
  'Harbor Telecom',
  'Keystone Government Solutions',
];
const PLACES = [
  'Austin, TX',
  'Dallas, TX',
  'New York, NY',
  'Chicago, IL',
  'Seattle, WA',
  'Atlanta, GA',
  'Denver, CO',
  'Boston, MA',
  'Charlotte, NC',
  'Phoenix, AZ',
  'San Jose, CA',
  'Remote - US',
  'Toronto, ON, Canada',
  'London, UK',
];
const FIRST = [
  'Ava',
  'Liam',
  'Maya',
  'Noah',
  'Priya',
  'Mateo',
  'Chloe',
  'Ethan',
  'Sofia',
  'Arjun',
  'Grace',
  'Diego',
  'Hannah',
  'Kenji',
  'Leila',
  'Marcus',
  'Nora',
  'Omar',
  'Ruby',
  'Samuel',
  'Tara',
  'Victor',
  'Yara',
  'Zane',
];
const LAST = [
  'Anderson',
  'Bose',
  'Chen',
  'Delgado',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ivanova',
  'Johnson',
  'Kowalski',
  'Lopez',
  'Mehta',
  'Nguyen',
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
];

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const sample = <T>(next: () => number, items: readonly T[], count: number): T[] =>
  [...items].sort(() => next() - 0.5).slice(0, count);
const round = (value: number, step: number) => Math.round(value / step) * step;

export function demoJobs(count: number, options: { seed?: number; today: string }): JobInput[] {
  const next = random(options.seed ?? 7);
  const base = Date.parse(options.today);
  return Array.from({ length: count }, (_, index) => {
    const profile = PROFILES[index % PROFILES.length]!;
    const seniority = pick(next, SENIORITY);
    const years = seniority === 'Junior ' ? 1 : seniority === '' ? 3 : seniority === 'Senior ' ? 5 : 8;
    const skills = [
      ...sample(next, profile.core, 3),
      ...sample(next, profile.extra, 2 + Math.floor(next() * 3)),
    ];
    const place = pick(next, PLACES);
    const arrangement = place.startsWith('Remote')
      ? 'fully remote'
      : pick(next, ['hybrid (3 days in the office)', 'on-site', 'on-site', 'hybrid']);
    const [low, high] = profile.salary;
    const level = years / 8;
    const min = round(low + (high - low) * level * 0.7 + next() * 10_000, 5_000);
    const hourly = next() < 0.12;
    const company = pick(next, COMPANIES);
    const posted = new Date(base - Math.floor(next() * 25) * 86_400_000).toISOString().slice(0, 10);
    return {
      external_job_id: `demo-${index + 1}`,
      platform: pick(next, ['indeed', 'dice', 'linkedin']),
      title: `${seniority}${profile.role}`,
      company,
      location: place,
      description:
        `${company} is hiring a ${seniority.toLowerCase()}${profile.role} to join a product team (${arrangement}).\n` +
        `You will build and run services used by thousands of customers.\n` +
        `Requirements: ${years}+ years of experience; strong ${skills.slice(0, 3).join(', ')}; ` +
        `nice to have: ${skills.slice(3).join(', ')}.`,
      salary_range: hourly
        ? `$${Math.round(min / 2080)}-${Math.round((min + 25_000) / 2080)}/hr ${pick(next, ['W2', 'C2C'])}`
        : `$${min / 1000}K - $${(min + 30_000) / 1000}K a year`,
      skills,
      is_remote: place.startsWith('Remote'),
      job_url: `https://jobs.example.com/demo/${index + 1}`,
      posted_date: posted,
      employment_type: hourly ? 'contract' : 'fulltime',
    };
  });
}

export interface DemoCandidate {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  current_title: string;
  skills: string[];
  total_experience_years: number;
  professional_summary: string;
  expected_salary: string;
  location: string;
  preferred_locations: string[];
  preferred_roles: string[];
  status: 'pending_review' | 'approved' | 'ready_for_assignment';
}

export function demoCandidates(count: number, options: { seed?: number } = {}): DemoCandidate[] {
  const next = random(options.seed ?? 11);
  return Array.from({ length: count }, (_, index) => {
    const profile = PROFILES[index % PROFILES.length]!;
    const second = next() < 0.3 ? PROFILES[(index + 3) % PROFILES.length]! : null;
    const first = FIRST[index % FIRST.length]!;
    const last = LAST[(index * 7) % LAST.length]!;
    const years = 1 + Math.floor(next() * 14);
    const skills = [
      ...sample(next, profile.core, 2 + Math.floor(next() * 3)),
      ...sample(next, profile.extra, 1 + Math.floor(next() * 4)),
    ];
    const location = pick(
      next,
      PLACES.filter((place) => !place.startsWith('Remote')),
    );
    const expected = round(
      profile.salary[0] + (profile.salary[1] - profile.salary[0]) * Math.min(years / 12, 1),
      5_000,
    );
    return {
      first_name: first,
      last_name: last,
      email: `${first}.${last}.${index + 1}@example.com`.toLowerCase(),
      phone: `+1-555-01${String(index).padStart(2, '0')}`,
      current_title: `${years >= 6 ? 'Senior ' : ''}${profile.role}`,
      skills,
      total_experience_years: years,
      professional_summary: `${profile.role} with ${years} year${years === 1 ? '' : 's'} of experience in ${skills.slice(0, 3).join(', ')}.`,
      expected_salary: `$${expected / 1000}K - $${(expected + 20_000) / 1000}K`,
      location,
      preferred_locations: next() < 0.5 ? [location, 'Remote'] : [location],
      preferred_roles: [pick(next, profile.typed), ...(second ? [pick(next, second.typed)] : [])],
      status: pick(next, ['approved', 'approved', 'ready_for_assignment', 'pending_review'] as const),
    };
  });
}
