/** Column mappings that import the files of ../shared/data/jobs/ as they are. */
export const SHARED_FILE_MAPPINGS = {
  'glassdoor_ds_jobs.csv':
    'title=Job Title,salary_range=Salary Estimate,description=Job Description,company=Company Name,location=Location',
  'adzuna_uk_jobs.csv':
    'job_url=job_link,title=job_title,location=location,employment_type=job_employment_type,salary_min=job_min_salary,' +
    'salary_max=job_max_salary,salary_period=job_salary_period,description=job_description,company=employer_name,' +
    'posted_date=job_posted_date',
  'open_jobs_ats.csv':
    'company=company,platform=platform,external_job_id=jobId,title=title,location=locations,is_remote=isRemote,' +
    'employment_type=employmentType,job_url=applyUrl,posted_date=postedAt',
} as const;
