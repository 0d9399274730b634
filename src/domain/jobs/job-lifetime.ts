/** Days a job posting stays active, counted from its posting date (or its import when that is unknown). */
export const JOB_LIFETIME_DAYS = 30;
