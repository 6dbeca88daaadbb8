-- Incident creation at a million incidents (issues 15 and 16): the search index cost ~1 ms per create,
-- most of it FTS5's fixed work per table per transaction (a new segment, then automatic merging).
-- 1. `system` journal entries (text the server writes: "Incident created by …", SLA warnings, "We
--    received your case …") are no longer indexed: their words are the same on every incident, so they
--    only made a search for an agent's or a team's name match everything. A create that journals only
--    its system entry now touches one index instead of two. Notes, e-mails, calls and routing entries
--    (the agent's own words) stay searchable.
-- 2. Both indexes merge 16 segments at a time instead of 4 (FTS5 `automerge`): each entry is rewritten
--    about half as often, for a few more segments per query.
-- Hand-written (drizzle-kit generate --custom).
DROP TRIGGER IF EXISTS `journal_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `journal_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `journal_fts_update`;
--> statement-breakpoint
DROP TABLE `journal_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `journal_fts` USING fts5(
  body, content='journal_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `journal_fts_insert` AFTER INSERT ON `journal_entries` WHEN new.kind <> 'system' BEGIN
  INSERT INTO `journal_fts` (rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `journal_fts_delete` AFTER DELETE ON `journal_entries` WHEN old.kind <> 'system' BEGIN
  INSERT INTO `journal_fts` (`journal_fts`, rowid, body) VALUES ('delete', old.id, old.body);
END;
--> statement-breakpoint
-- An external-content index must only be told to delete what it holds: each half has its own test.
CREATE TRIGGER `journal_fts_update_old` AFTER UPDATE OF body, kind ON `journal_entries` WHEN old.kind <> 'system' BEGIN
  INSERT INTO `journal_fts` (`journal_fts`, rowid, body) VALUES ('delete', old.id, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `journal_fts_update_new` AFTER UPDATE OF body, kind ON `journal_entries` WHEN new.kind <> 'system' BEGIN
  INSERT INTO `journal_fts` (rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
INSERT INTO `journal_fts` (rowid, body) SELECT id, body FROM `journal_entries` WHERE kind <> 'system';
--> statement-breakpoint
INSERT INTO `journal_fts` (`journal_fts`, rank) VALUES ('automerge', 16);
--> statement-breakpoint
INSERT INTO `incidents_fts` (`incidents_fts`, rank) VALUES ('automerge', 16);
