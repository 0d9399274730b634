-- Tenant-scoped transactions switch to jobmatch_app with SET LOCAL ROLE, so the login that runs Jobmatch must
-- be a member of it. The login that migrates usually is the one that runs, and may grant this to itself when
-- it created the role (or is a superuser); where it may not, an administrator grants it, and Jobmatch says so
-- at start.
DO $$
BEGIN
  EXECUTE format('GRANT jobmatch_app TO %I', current_user);
EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
  RAISE NOTICE 'could not grant jobmatch_app to %: grant it, or set JOBMATCH_DB_TENANT_ROLE=none', current_user;
END
$$;
