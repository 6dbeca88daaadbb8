-- The queue grid's per-status counts (issue 15 at a million incidents): queue_counts holds how many incidents
-- each team has in each status, kept by these triggers inside the transaction of whatever statement wrote the
-- incident, whichever code path that was. drizzle-kit cannot express triggers, so this migration is
-- hand-written (drizzle-kit generate --custom); it also counts the existing rows.
CREATE TRIGGER `incidents_queue_count_insert` AFTER INSERT ON `incidents` BEGIN
  INSERT INTO `queue_counts` (team_id, status, n) VALUES (new.owner_team_id, new.status, 1)
  ON CONFLICT (team_id, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_queue_count_delete` AFTER DELETE ON `incidents` BEGIN
  UPDATE `queue_counts` SET n = n - 1 WHERE team_id = old.owner_team_id AND status = old.status;
END;
--> statement-breakpoint
-- Only a change of team or status moves a count: edits, notes and version bumps leave the counts alone.
CREATE TRIGGER `incidents_queue_count_update` AFTER UPDATE OF owner_team_id, status ON `incidents`
WHEN old.owner_team_id IS NOT new.owner_team_id OR old.status IS NOT new.status BEGIN
  UPDATE `queue_counts` SET n = n - 1 WHERE team_id = old.owner_team_id AND status = old.status;
  INSERT INTO `queue_counts` (team_id, status, n) VALUES (new.owner_team_id, new.status, 1)
  ON CONFLICT (team_id, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO `queue_counts` (team_id, status, n)
SELECT owner_team_id, status, count(*) FROM `incidents` GROUP BY owner_team_id, status;
