-- Full-text search (issue 15), on SQLite FTS5 external-content tables: the text stays in its own table and
-- the index holds only the tokens. Triggers keep every index current inside the transaction of whatever
-- statement wrote the row, whichever code path that was. drizzle-kit cannot express virtual tables or
-- triggers, so this migration is hand-written (drizzle-kit generate --custom); it also indexes existing rows.
CREATE VIRTUAL TABLE `incidents_fts` USING fts5(
  number, caller_name, caller_phone, caller_email, computer_name, description,
  content='incidents', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3'
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
-- Journal text: each entry keeps its visibility in journal_entries, which the search joins on, so a
-- customer's search never matches an internal note.
CREATE VIRTUAL TABLE `journal_fts` USING fts5(
  body, content='journal_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3'
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
--> statement-breakpoint
-- Problems and outages by number and title.
CREATE VIRTUAL TABLE `problems_fts` USING fts5(
  number, title, content='problems', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `problems_fts_insert` AFTER INSERT ON `problems` BEGIN
  INSERT INTO `problems_fts` (rowid, number, title) VALUES (new.id, new.number, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `problems_fts_delete` AFTER DELETE ON `problems` BEGIN
  INSERT INTO `problems_fts` (`problems_fts`, rowid, number, title) VALUES ('delete', old.id, old.number, old.title);
END;
--> statement-breakpoint
CREATE TRIGGER `problems_fts_update` AFTER UPDATE OF number, title ON `problems` BEGIN
  INSERT INTO `problems_fts` (`problems_fts`, rowid, number, title) VALUES ('delete', old.id, old.number, old.title);
  INSERT INTO `problems_fts` (rowid, number, title) VALUES (new.id, new.number, new.title);
END;
--> statement-breakpoint
INSERT INTO `problems_fts` (`problems_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `outages_fts` USING fts5(
  number, title, content='outages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `outages_fts_insert` AFTER INSERT ON `outages` BEGIN
  INSERT INTO `outages_fts` (rowid, number, title) VALUES (new.id, new.number, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `outages_fts_delete` AFTER DELETE ON `outages` BEGIN
  INSERT INTO `outages_fts` (`outages_fts`, rowid, number, title) VALUES ('delete', old.id, old.number, old.title);
END;
--> statement-breakpoint
CREATE TRIGGER `outages_fts_update` AFTER UPDATE OF number, title ON `outages` BEGIN
  INSERT INTO `outages_fts` (`outages_fts`, rowid, number, title) VALUES ('delete', old.id, old.number, old.title);
  INSERT INTO `outages_fts` (rowid, number, title) VALUES (new.id, new.number, new.title);
END;
--> statement-breakpoint
INSERT INTO `outages_fts` (`outages_fts`) VALUES ('rebuild');
