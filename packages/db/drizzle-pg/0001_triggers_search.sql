-- What drizzle-kit cannot express, for PostgreSQL (hand-written: drizzle-kit generate --custom --config
-- drizzle.pg.config.ts). The SQLite twins are migrations 0010 (search, FTS5) and 0014 (queue counts).
--
-- Queue counts (issue 15): how many incidents each team has in each status, kept by a trigger inside the
-- transaction of whatever statement wrote the incident. Two commits that move incidents between the same
-- two counts in opposite directions can deadlock on the count rows; PostgreSQL then aborts one
-- (40P01) and the commit module runs that plan again (pg/commit.ts).
CREATE FUNCTION handoff_queue_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE queue_counts SET n = n - 1 WHERE team_id = OLD.owner_team_id AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO queue_counts (team_id, status, n) VALUES (NEW.owner_team_id, NEW.status, 1)
    ON CONFLICT (team_id, status) DO UPDATE SET n = queue_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER incidents_queue_count_insert_delete AFTER INSERT OR DELETE ON incidents
FOR EACH ROW EXECUTE FUNCTION handoff_queue_counts();
--> statement-breakpoint
-- Only a change of team or status moves a count: edits, notes and version bumps leave the counts alone.
CREATE TRIGGER incidents_queue_count_update AFTER UPDATE OF owner_team_id, status ON incidents
FOR EACH ROW WHEN (OLD.owner_team_id IS DISTINCT FROM NEW.owner_team_id OR OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION handoff_queue_counts();
--> statement-breakpoint
INSERT INTO queue_counts (team_id, status, n)
SELECT owner_team_id, status, count(*) FROM incidents GROUP BY owner_team_id, status;
--> statement-breakpoint
-- Full-text search (issue 15) on PostgreSQL: a STORED generated tsvector per searchable table, GIN-indexed.
-- A generated column cannot be forgotten by any write path, as the SQLite triggers cannot. The columns
-- are not in the drizzle schema (src/schema-pg), so rows keep the SQLite row types; only search reads them.
-- Weights carry the scope rules: A = number and caller, B = description, D = computer name, an internal
-- field a customer must not match (a customer's query is restricted to weights A and B: `word:*AB`).
-- 'simple' keeps words as typed (lower-cased), like FTS5's unicode61; diacritics are kept (FTS5 removes
-- them): unaccent is not immutable, so it would need a trigger instead of a generated column.
ALTER TABLE incidents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce(number, '') || ' ' || coalesce(caller_name, '') || ' ' ||
    coalesce(caller_phone, '') || ' ' || coalesce(caller_email, '')), 'A') ||
  setweight(to_tsvector('simple', coalesce(description, '')), 'B') ||
  setweight(to_tsvector('simple', coalesce(computer_name, '')), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX incidents_search_idx ON incidents USING gin (search_vector);
--> statement-breakpoint
-- Journal text: each entry keeps its visibility in journal_entries, which the search filters on, so a
-- customer's search never matches an internal note.
ALTER TABLE journal_entries ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
--> statement-breakpoint
CREATE INDEX journal_entries_search_idx ON journal_entries USING gin (search_vector);
--> statement-breakpoint
ALTER TABLE problems ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', number || ' ' || title)) STORED;
--> statement-breakpoint
CREATE INDEX problems_search_idx ON problems USING gin (search_vector);
--> statement-breakpoint
ALTER TABLE outages ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', number || ' ' || title)) STORED;
--> statement-breakpoint
CREATE INDEX outages_search_idx ON outages USING gin (search_vector);
