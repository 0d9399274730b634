-- Role parsing (issue 12): roles created on the fly are told apart from canonical ones (seeded or approved by
-- an admin), so normalization prefers canonical roles; low-confidence links are filed for admin review.
-- Existing roles are kept canonical: which of them were created on the fly is not recorded before this.
ALTER TABLE global_roles ADD COLUMN canonical boolean NOT NULL DEFAULT true;
--> statement-breakpoint
CREATE TABLE role_link_reviews (
  id serial PRIMARY KEY,
  role_text varchar(255) NOT NULL,
  global_role_id integer NOT NULL REFERENCES global_roles(id) ON DELETE CASCADE,
  confidence real NOT NULL,
  reason varchar(40) NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'open',
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT role_link_reviews_text_role_key UNIQUE (role_text, global_role_id),
  CONSTRAINT role_link_reviews_status_check CHECK (status IN ('open', 'confirmed', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX idx_role_link_reviews_status ON role_link_reviews (status, created_at);
