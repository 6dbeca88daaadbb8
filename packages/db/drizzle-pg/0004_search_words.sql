-- Search words on PostgreSQL as SQLite's FTS5 (unicode61) cuts them: runs of letters and digits, case
-- folded. The default text-search parser would keep `j.smith@wisc.edu` as one e-mail token, a phone number
-- as signed integers (`608`, `-555`) and, under the C collation, fold only ASCII letters, so "smith",
-- "555" or "MÜLLER" would not match what the SQLite search finds. handoff_search_text turns every run of
-- other characters into one space (the regex classes and lower() follow Unicode through the ICU root
-- collation), then the 'simple' configuration makes each word a lexeme. Diacritics are still kept
-- (FTS5 removes them; unaccent is not immutable). Hand-written (drizzle-kit generate --custom).
CREATE FUNCTION handoff_search_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(regexp_replace(coalesce(t, '') COLLATE "und-x-icu", '[^[:alnum:]]+', ' ', 'g'))
$$;
--> statement-breakpoint
ALTER TABLE incidents DROP COLUMN search_vector;
--> statement-breakpoint
ALTER TABLE incidents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', handoff_search_text(number) || ' ' || handoff_search_text(caller_name) || ' ' ||
    handoff_search_text(caller_phone) || ' ' || handoff_search_text(caller_email)), 'A') ||
  setweight(to_tsvector('simple', handoff_search_text(description)), 'B') ||
  setweight(to_tsvector('simple', handoff_search_text(computer_name)), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX incidents_search_idx ON incidents USING gin (search_vector);
--> statement-breakpoint
ALTER TABLE journal_entries DROP COLUMN search_vector;
--> statement-breakpoint
ALTER TABLE journal_entries ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', handoff_search_text(body))) STORED;
--> statement-breakpoint
CREATE INDEX journal_entries_search_idx ON journal_entries USING gin (search_vector);
--> statement-breakpoint
ALTER TABLE problems DROP COLUMN search_vector;
--> statement-breakpoint
ALTER TABLE problems ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', handoff_search_text(number) || ' ' || handoff_search_text(title))) STORED;
--> statement-breakpoint
CREATE INDEX problems_search_idx ON problems USING gin (search_vector);
--> statement-breakpoint
ALTER TABLE outages DROP COLUMN search_vector;
--> statement-breakpoint
ALTER TABLE outages ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', handoff_search_text(number) || ' ' || handoff_search_text(title))) STORED;
--> statement-breakpoint
CREATE INDEX outages_search_idx ON outages USING gin (search_vector);
