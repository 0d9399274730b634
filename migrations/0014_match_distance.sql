-- How far a candidate would commute (docs/decisions.md, "Location by distance"): km, NULL = not stated (the
-- scoring then assumes 50 km).
ALTER TABLE candidates ADD COLUMN commute_radius_km integer;
--> statement-breakpoint
ALTER TABLE candidates ADD CONSTRAINT candidates_commute_radius_km_check
  CHECK (commute_radius_km IS NULL OR commute_radius_km BETWEEN 1 AND 1000);
