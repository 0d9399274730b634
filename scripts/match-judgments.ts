/**
 * Hand-made relevance judgments for `npm run eval:match`: 8 resumes from
 * ../shared/data/resumes/dataturks_resumes_ner.jsonl (by line index) against a shared pool of 14 postings
 * from ../shared/data/jobs/adzuna_uk_jobs.csv (by data-row index). Judged by reading each resume's labelled
 * Designation and Skills spans and each posting's title and description.
 *
 * Grades: 3 = a recruiter would send this candidate; 2 = a plausible fit with a gap (seniority, one stack
 * difference); 1 = adjacent (shares a tool or two, different job); 0 = unrelated. Location and salary are
 * not judged (the resumes are Indian, the postings British: both sides are equally far for every pair).
 */

/** The posting pool (Adzuna UK rows). */
export const JUDGED_POSTINGS = [
  104, 285, 283, 7, 294, 579, 953, 37, 835, 813, 1177, 888, 1114, 1052,
] as const;

export type Grade = 0 | 1 | 2 | 3;

export interface ResumeJudgments {
  resume: number;
  profile: string;
  /** Posting row → [grade, reason]; postings not listed are 0 (unrelated). */
  grades: Record<number, [Grade, string]>;
}

export const JUDGMENTS: ResumeJudgments[] = [
  {
    resume: 22,
    profile: 'Data Analyst intern: Python, R, SQL, NoSQL, predictive modelling',
    grades: {
      104: [3, 'Data Analyst: the role the profile is aimed at'],
      1052: [2, 'Data Scientist: Python/R/ML fit, but forecasting depth and seniority beyond an intern'],
      285: [1, 'Power BI developer: reporting-adjacent, no Power BI on the resume'],
      283: [1, 'SQL Developer: SQL shared, but an SSIS/T-SQL development job'],
      7: [1, 'Data Engineer: SQL and Python shared, engineering rather than analysis'],
      294: [1, 'Hadoop/PySpark engineer: Python shared, big-data engineering not shown'],
      1114: [1, 'Python backend engineer: Python shared, web backend not shown'],
    },
  },
  {
    resume: 36,
    profile: 'DevOps administrator: Ansible, Jenkins, Docker, AWS, Nagios, Splunk, Python',
    grades: {
      579: [3, 'Senior DevOps Engineer: AWS, Jenkins, Python, CI/CD — same job'],
      953: [3, 'Lead AWS DevOps Engineer: same job, AWS and CI/CD'],
      37: [1, 'Test automation: shares Jenkins/CI, different job'],
      888: [1, 'SOC engineer: monitoring tools (Splunk, Nagios) and AWS overlap, security job'],
      1114: [1, 'Python backend: Python and Docker shared, development job'],
    },
  },
  {
    resume: 7,
    profile: 'QA tester: Python, Selenium, Jenkins (15 months)',
    grades: {
      37: [3, 'Test Automation Engineer: Selenium/Python automation — same job'],
      1114: [1, 'Python backend: Python shared, development job'],
      579: [1, 'DevOps: Jenkins shared, different job'],
    },
  },
  {
    resume: 124,
    profile: 'SQL and MSBI developer: SQL Server, SSIS, T-SQL, SSRS, ETL',
    grades: {
      283: [3, 'SQL Developer with SSIS and T-SQL: same job and stack'],
      285: [2, 'Power BI developer: Microsoft BI stack, SSRS rather than Power BI'],
      7: [2, 'Data Engineer on Azure/SQL Server/Power BI: ETL on the same stack'],
      104: [1, 'Data Analyst: SQL reporting overlap, analysis role'],
      294: [1, 'Hadoop engineer: ETL shared, different stack'],
    },
  },
  {
    resume: 171,
    profile: 'Java systems engineer: Java, J2EE, Spring, Hibernate, SQL, JavaScript',
    grades: {
      835: [3, 'Java Developer (Spring Boot, SQL): same job and stack'],
      579: [1, 'DevOps: mentions Java/Spring, but an operations job'],
      1114: [1, 'Backend engineer: backend development, Python instead of Java'],
      813: [1, 'C#/.NET developer: similar OO backend work, different stack'],
      1177: [1, 'Senior C# engineer: similar work, different stack and seniority'],
    },
  },
  {
    resume: 114,
    profile: '.NET dev lead: C#, ASP.NET, Web API, Azure, SQL (8-9 years)',
    grades: {
      813: [3, 'C#.Net Developer: same stack'],
      1177: [3, 'Senior C# engineer with Azure: same stack and seniority'],
      285: [1, 'Power BI developer: Azure/SQL shared, BI job'],
      283: [1, 'SQL Developer: SQL shared, database job'],
      7: [1, 'Data Engineer on Azure: Azure/SQL shared, data job'],
      835: [1, 'Java developer: backend work, other stack'],
      1114: [1, 'Python backend: backend work, other stack'],
    },
  },
  {
    resume: 219,
    profile: 'Security analyst: Splunk, ArcSight, SIEM, McAfee, network security',
    grades: {
      888: [3, 'Security Operations (SOC) Engineer: SIEM/monitoring — same job'],
    },
  },
  {
    resume: 5,
    profile: 'Automation developer: IoT, MySQL, PostgreSQL, D3.js, Hadoop, Spark',
    grades: {
      294: [3, 'Data Engineer Hadoop/PySpark: Hadoop and Spark — the resume core'],
      7: [2, 'Data Engineer: data pipelines, Microsoft stack instead of Hadoop'],
      1114: [1, 'Python backend with MySQL: databases shared'],
      104: [1, 'Data Analyst: data work, visualisation (D3) overlap'],
      1052: [1, 'Data Scientist: data work, no modelling shown'],
      283: [1, 'SQL Developer: SQL databases shared'],
    },
  },
];
