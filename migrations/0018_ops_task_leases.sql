-- Operations: each worker's heartbeat lists the background tasks it has taken, so that a task held by a worker
-- that stopped beating (killed, host lost) is failed and retried within a minute instead of waiting for
-- pg-boss's expiry (15 minutes by default). Not tenant data: no row-level security.
ALTER TABLE "worker_heartbeats" ADD COLUMN "active_tasks" uuid[] DEFAULT '{}' NOT NULL;
