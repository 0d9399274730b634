-- Operations: every process that runs background tasks records a heartbeat, so health reports can say which
-- workers are alive (host and pid) and when each was last seen. Not tenant data: no row-level security.
CREATE TABLE "worker_heartbeats" (
	"worker_id" uuid PRIMARY KEY NOT NULL,
	"host" varchar(255) NOT NULL,
	"pid" integer NOT NULL,
	"kind" varchar(20) NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "idx_worker_heartbeats_last_seen" ON "worker_heartbeats" USING btree ("last_seen_at");
