-- A create at a million incidents stalled for ~1–2 s once, some hundred creates after migration 0021
-- rebuilt the journal index (and after any bulk rebuild): a rebuild leaves its segments on the low
-- levels where each new write's segment lands, so FTS5's merging soon rewrites the whole rebuilt index
-- inside one incident's transaction. `optimize` merges each index into a single segment on a new top
-- level, which new writes' merges do not reach for 16^levels transactions; merging stays in small
-- steps. It costs a few seconds once at a million incidents (milliseconds on the demo data).
-- Hand-written (drizzle-kit generate --custom).
INSERT INTO `incidents_fts` (`incidents_fts`) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO `journal_fts` (`journal_fts`) VALUES ('optimize');
