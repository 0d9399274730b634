/**
 * Canonical IT staffing roles as agencies name them, and which O*NET occupation each included
 * occupation falls back to. Input of scripts/build-role-seed.ts.
 */
export const ROLE_CATEGORIES = [
  'Engineering',
  'Data',
  'QA',
  'DevOps & Cloud',
  'Infrastructure',
  'Security',
  'Product & Project',
  'Business Analysis',
  'Design',
  'Support',
  'Enterprise Apps',
  'Management',
] as const;
export type RoleCategory = (typeof ROLE_CATEGORIES)[number];

export interface CuratedRole {
  readonly name: string;
  readonly category: RoleCategory;
  /** Titles whose parsed parts are the role's (checked: aliasDisagreement). */
  readonly aliases: readonly string[];
  /**
   * Titles recruiters use for the role although their parsed parts differ ("Product Designer" names no UI/UX
   * specialty): reviewed by hand, seeded as aliases; bare role nouns and noise are still refused.
   */
  readonly synonyms: readonly string[];
}

const r = (
  name: string,
  category: RoleCategory,
  aliases: string[] = [],
  synonyms: string[] = [],
): CuratedRole => ({ name, category, aliases, synonyms });

export const CURATED_ROLES: readonly CuratedRole[] = [
  // Engineering
  r('Software Engineer', 'Engineering', [
    'Software Developer',
    'Software Development Engineer',
    'Application Developer',
    'Applications Developer',
    'Computer Programmer',
    'Software Programmer',
  ]),
  r('Java Developer', 'Engineering', [
    'Java Engineer',
    'Java Software Engineer',
    'Java Programmer',
    'J2EE Developer',
  ]),
  r('Python Developer', 'Engineering', ['Python Engineer', 'Python Software Engineer', 'Python Programmer']),
  r('.NET Developer', 'Engineering', [
    'C# Developer',
    'ASP.NET Developer',
    '.NET Engineer',
    'C# Engineer',
    'Dot Net Developer',
  ]),
  r('JavaScript Developer', 'Engineering', ['JavaScript Engineer', 'TypeScript Developer', 'JS Developer']),
  r('React Developer', 'Engineering', ['React.js Developer', 'ReactJS Developer', 'React Engineer']),
  r('Angular Developer', 'Engineering', ['AngularJS Developer', 'Angular Engineer']),
  r('Vue.js Developer', 'Engineering', ['Vue Developer', 'Vue.js Engineer']),
  r('Node.js Developer', 'Engineering', ['Node Developer', 'Node.js Engineer', 'NodeJS Developer']),
  r('Full Stack Developer', 'Engineering', [
    'Full Stack Engineer',
    'Full Stack Software Engineer',
    'Fullstack Developer',
  ]),
  r(
    'Frontend Developer',
    'Engineering',
    ['Front End Developer', 'Frontend Engineer', 'Front End Engineer'],
    ['UI Developer'],
  ),
  r('Backend Developer', 'Engineering', ['Back End Developer', 'Backend Engineer', 'Back End Engineer']),
  r('Web Developer', 'Engineering', ['Web Engineer', 'Web Application Developer', 'Web Programmer']),
  r('Mobile Developer', 'Engineering', [
    'Mobile Application Developer',
    'Mobile Engineer',
    'Mobile App Developer',
  ]),
  r('iOS Developer', 'Engineering', ['iOS Engineer', 'Swift Developer', 'iPhone Developer']),
  r('Android Developer', 'Engineering', ['Android Engineer', 'Android Application Developer']),
  r('React Native Developer', 'Engineering', ['React Native Engineer']),
  r('Flutter Developer', 'Engineering', ['Flutter Engineer', 'Dart Developer']),
  r('Golang Developer', 'Engineering', ['Go Developer', 'Golang Engineer', 'Go Engineer']),
  r('C++ Developer', 'Engineering', ['C++ Engineer', 'C++ Software Engineer', 'C++ Programmer']),
  r('Ruby on Rails Developer', 'Engineering', ['Ruby Developer', 'Rails Developer', 'Ruby Engineer']),
  r('PHP Developer', 'Engineering', ['PHP Engineer', 'PHP Programmer']),
  r('Scala Developer', 'Engineering', ['Scala Engineer']),
  r('Rust Developer', 'Engineering', ['Rust Engineer']),
  r('Kotlin Developer', 'Engineering', ['Kotlin Engineer']),
  r('Embedded Software Engineer', 'Engineering', [
    'Embedded Engineer',
    'Embedded Developer',
    'Firmware Engineer',
  ]),
  r('Game Developer', 'Engineering', ['Game Programmer', 'Video Game Developer', 'Game Engineer']),
  r('Mainframe Developer', 'Engineering', ['COBOL Developer', 'Mainframe Programmer', 'Mainframe Engineer']),
  r('Software Architect', 'Engineering', ['Application Architect', 'Software Applications Architect']),
  r('Solutions Architect', 'Engineering', ['Solution Architect', 'Technical Solutions Architect']),
  r('Enterprise Architect', 'Engineering', ['Enterprise Solutions Architect']),
  r('Technical Lead', 'Engineering', ['Tech Lead', 'Development Lead', 'Software Development Lead']),
  // Data
  r('Data Engineer', 'Data', ['Big Data Engineer', 'Data Pipeline Engineer']),
  r('Data Scientist', 'Data', []),
  r('Data Analyst', 'Data', ['Data Analytics Specialist']),
  r('Machine Learning Engineer', 'Data', ['ML Engineer']),
  r('ETL Developer', 'Data', ['ETL Engineer', 'ETL Informatica Developer']),
  r('BI Developer', 'Data', ['Business Intelligence Developer', 'BI Engineer']),
  r('Power BI Developer', 'Data', ['Power BI Engineer']),
  r('Tableau Developer', 'Data', ['Tableau Engineer']),
  r('Data Architect', 'Data', []),
  r('Database Developer', 'Data', ['SQL Developer', 'PL/SQL Developer', 'Database Engineer']),
  // QA
  r('QA Automation Engineer', 'QA', [
    'Test Automation Engineer',
    'Automation Test Engineer',
    'SDET',
    'QA Automation Tester',
    'Automation QA Engineer',
  ]),
  r('QA Analyst', 'QA', [
    'Manual Tester',
    'QA Tester',
    'Software Tester',
    'Manual QA Tester',
    'Test Analyst',
  ]),
  r('QA Engineer', 'QA', [
    'Software Quality Engineer',
    'Test Engineer',
    'Software Test Engineer',
    'Quality Engineer',
  ]),
  r(
    'Performance Test Engineer',
    'QA',
    ['Performance Tester'],
    ['Performance Engineer', 'Load Test Engineer'],
  ),
  r('QA Manager', 'QA', ['Test Manager', 'QA Lead', 'Test Lead']),
  // DevOps & Cloud
  r('DevOps Engineer', 'DevOps & Cloud', [
    'Build and Release Engineer',
    'DevOps Developer',
    'CI/CD Engineer',
  ]),
  r('Site Reliability Engineer', 'DevOps & Cloud', ['SRE']),
  r('Cloud Engineer', 'DevOps & Cloud', ['Cloud Infrastructure Engineer', 'Cloud Developer']),
  r('AWS Engineer', 'DevOps & Cloud', ['AWS Cloud Engineer', 'AWS DevOps Engineer', 'AWS Developer']),
  r('Azure Engineer', 'DevOps & Cloud', ['Azure Cloud Engineer', 'Azure DevOps Engineer', 'Azure Developer']),
  r('GCP Engineer', 'DevOps & Cloud', ['Google Cloud Engineer', 'GCP Cloud Engineer']),
  r('Cloud Architect', 'DevOps & Cloud', [
    'Cloud Solutions Architect',
    'AWS Solutions Architect',
    'Azure Architect',
  ]),
  r('Platform Engineer', 'DevOps & Cloud', []),
  // Infrastructure
  r('Network Engineer', 'Infrastructure', ['Networking Engineer', 'Network Systems Engineer']),
  r('Network Administrator', 'Infrastructure', ['Network Admin']),
  r('Systems Administrator', 'Infrastructure', [
    'System Administrator',
    'Sysadmin',
    'Linux Administrator',
    'Windows Administrator',
  ]),
  r('Infrastructure Engineer', 'Infrastructure', ['IT Infrastructure Engineer']),
  r('Database Administrator', 'Infrastructure', ['DBA', 'Oracle DBA', 'SQL Server DBA', 'Database Admin']),
  // Security
  r('Security Engineer', 'Security', [
    'Cybersecurity Engineer',
    'Information Security Engineer',
    'Cyber Security Engineer',
  ]),
  r(
    'Cybersecurity Analyst',
    'Security',
    ['Information Security Analyst', 'Security Analyst', 'Cyber Security Analyst'],
    ['SOC Analyst'],
  ),
  r('Security Architect', 'Security', ['Information Security Architect', 'Cybersecurity Architect']),
  // Product & Project
  r('Project Manager', 'Product & Project', ['IT Project Manager', 'Technical Project Manager', 'PM']),
  r('Program Manager', 'Product & Project', ['IT Program Manager', 'Technical Program Manager']),
  r('Product Manager', 'Product & Project', ['Technical Product Manager', 'Digital Product Manager']),
  r('Product Owner', 'Product & Project', ['Technical Product Owner']),
  r('Scrum Master', 'Product & Project', ['Agile Scrum Master', 'Agile Coach']),
  r('Release Manager', 'Product & Project', ['Release Coordinator']),
  // Business Analysis
  r('Business Analyst', 'Business Analysis', ['IT Business Analyst', 'Technical Business Analyst', 'BA']),
  r('Business Systems Analyst', 'Business Analysis', []),
  // Design
  r(
    'UI/UX Designer',
    'Design',
    ['UX Designer', 'UI Designer', 'UX/UI Designer', 'User Experience Designer'],
    ['Product Designer'],
  ),
  // Support
  r('Technical Support Engineer', 'Support', [
    'Technical Support Specialist',
    'Application Support Engineer',
    'Support Engineer',
  ]),
  r('Help Desk Technician', 'Support', [
    'Help Desk Analyst',
    'Service Desk Analyst',
    'IT Support Specialist',
    'Desktop Support Technician',
    'Help Desk Support Specialist',
  ]),
  // Enterprise Apps
  r('Salesforce Developer', 'Enterprise Apps', [
    'Salesforce Engineer',
    'SFDC Developer',
    'Salesforce Apex Developer',
  ]),
  r('Salesforce Administrator', 'Enterprise Apps', ['Salesforce Admin', 'SFDC Administrator']),
  r('Salesforce Architect', 'Enterprise Apps', [
    'Salesforce Technical Architect',
    'Salesforce Solution Architect',
  ]),
  r(
    'SAP Consultant',
    'Enterprise Apps',
    ['SAP Functional Consultant'],
    ['SAP Analyst', 'SAP Business Analyst'],
  ),
  r('SAP ABAP Developer', 'Enterprise Apps', ['ABAP Developer', 'SAP Developer']),
  r('ServiceNow Developer', 'Enterprise Apps', ['ServiceNow Engineer']),
  r('ServiceNow Administrator', 'Enterprise Apps', ['ServiceNow Admin']),
  r('SharePoint Developer', 'Enterprise Apps', ['SharePoint Engineer']),
  r('Workday Consultant', 'Enterprise Apps', [], ['Workday Analyst']),
  r('Dynamics 365 Developer', 'Enterprise Apps', ['Microsoft Dynamics Developer', 'D365 Developer']),
  r('Oracle Developer', 'Enterprise Apps', ['Oracle Applications Developer']),
  r('Guidewire Developer', 'Enterprise Apps', []),
  r('Pega Developer', 'Enterprise Apps', []),
  r('MuleSoft Developer', 'Enterprise Apps', ['MuleSoft Integration Developer']),
  // Management
  r('Engineering Manager', 'Management', [
    'Software Engineering Manager',
    'Software Development Manager',
    'Development Manager',
  ]),
];

/** Where the O*NET occupations we include land when a title matches no role more precisely. */
export interface OccupationRole {
  readonly code: string;
  /** A curated role name, or a new role named after the occupation; null: titles go to curated roles only. */
  readonly role: { readonly name: string; readonly category: RoleCategory } | null;
}

const o = (code: string, name: string | null, category: RoleCategory = 'Engineering'): OccupationRole => ({
  code,
  role: name === null ? null : { name, category },
});

export const OCCUPATION_ROLES: readonly OccupationRole[] = [
  o('11-3021.00', 'IT Manager', 'Management'),
  o('15-1211.00', 'Systems Analyst', 'Business Analysis'),
  o('15-1211.01', 'Health Informatics Specialist', 'Business Analysis'),
  o('15-1212.00', 'Cybersecurity Analyst', 'Security'),
  o('15-1221.00', 'Computer Research Scientist', 'Data'),
  o('15-1231.00', 'Network Support Specialist', 'Support'),
  o('15-1232.00', 'Help Desk Technician', 'Support'),
  o('15-1241.00', 'Network Architect', 'Infrastructure'),
  o('15-1241.01', 'Telecommunications Engineer', 'Infrastructure'),
  o('15-1242.00', 'Database Administrator', 'Infrastructure'),
  o('15-1243.00', 'Database Architect', 'Data'),
  o('15-1243.01', 'Data Warehouse Developer', 'Data'),
  o('15-1244.00', 'Systems Administrator', 'Infrastructure'),
  o('15-1251.00', 'Software Engineer'),
  o('15-1252.00', 'Software Engineer'),
  o('15-1253.00', 'QA Analyst', 'QA'),
  o('15-1254.00', 'Web Developer'),
  o('15-1255.00', 'Web Designer', 'Design'),
  o('15-1255.01', 'Game Designer', 'Design'),
  o('15-1299.00', null),
  o('15-1299.01', 'Web Administrator', 'Infrastructure'),
  o('15-1299.02', 'GIS Analyst', 'Data'),
  o('15-1299.03', 'Document Management Specialist', 'Support'),
  o('15-1299.04', 'Penetration Tester', 'Security'),
  o('15-1299.05', 'Security Engineer', 'Security'),
  o('15-1299.06', 'Digital Forensics Analyst', 'Security'),
  o('15-1299.07', 'Blockchain Engineer'),
  o('15-1299.08', 'Systems Engineer', 'Infrastructure'),
  o('15-1299.09', 'Project Manager', 'Product & Project'),
  o('15-2051.00', 'Data Scientist', 'Data'),
  o('15-2051.01', 'BI Analyst', 'Data'),
  o('15-2051.02', 'Clinical Data Manager', 'Data'),
  o('17-2061.00', 'Hardware Engineer'),
];
