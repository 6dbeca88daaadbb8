-- Search at a million incidents (issue 15): a prefix index of 4 letters beside those of 2 and 3, so the
-- typed last word streams from the index up to 4 letters ("canv"*) instead of merging the doclist of
-- every word it begins (20-30 ms per index for a common prefix at a million rows). FTS5 cannot change
-- the option of a table, so both tables are made again as 0010 made them (triggers included) and
-- rebuilt from their content tables. Hand-written (drizzle-kit generate --custom).
DROP TRIGGER IF EXISTS `incidents_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `incidents_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `incidents_fts_update`;
--> statement-breakpoint
DROP TABLE `incidents_fts`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `journal_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `journal_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `journal_fts_update`;
--> statement-breakpoint
DROP TABLE `journal_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `incidents_fts` USING fts5(
  number, caller_name, caller_phone, caller_email, computer_name, description,
  content='incidents', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `incidents_fts_insert` AFTER INSERT ON `incidents` BEGIN
  INSERT INTO `incidents_fts` (rowid, number, caller_name, caller_phone, caller_email, computer_name, description)
  VALUES (new.id, new.number, new.caller_name, new.caller_phone, new.caller_email, new.computer_name, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_fts_delete` AFTER DELETE ON `incidents` BEGIN
  INSERT INTO `incidents_fts` (`incidents_fts`, rowid, number, caller_name, caller_phone, caller_email, computer_name, description)
  VALUES ('delete', old.id, old.number, old.caller_name, old.caller_phone, old.caller_email, old.computer_name, old.description);
END;
--> statement-breakpoint
-- Only a change to an indexed column re-indexes the row: status, owner and version changes leave it alone.
CREATE TRIGGER `incidents_fts_update` AFTER UPDATE OF number, caller_name, caller_phone, caller_email, computer_name, description ON `incidents` BEGIN
  INSERT INTO `incidents_fts` (`incidents_fts`, rowid, number, caller_name, caller_phone, caller_email, computer_name, description)
  VALUES ('delete', old.id, old.number, old.caller_name, old.caller_phone, old.caller_email, old.computer_name, old.description);
  INSERT INTO `incidents_fts` (rowid, number, caller_name, caller_phone, caller_email, computer_name, description)
  VALUES (new.id, new.number, new.caller_name, new.caller_phone, new.caller_email, new.computer_name, new.description);
END;
--> statement-breakpoint
INSERT INTO `incidents_fts` (`incidents_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `journal_fts` USING fts5(
  body, content='journal_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `journal_fts_insert` AFTER INSERT ON `journal_entries` BEGIN
  INSERT INTO `journal_fts` (rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `journal_fts_delete` AFTER DELETE ON `journal_entries` BEGIN
  INSERT INTO `journal_fts` (`journal_fts`, rowid, body) VALUES ('delete', old.id, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `journal_fts_update` AFTER UPDATE OF body ON `journal_entries` BEGIN
  INSERT INTO `journal_fts` (`journal_fts`, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO `journal_fts` (rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
INSERT INTO `journal_fts` (`journal_fts`) VALUES ('rebuild');
