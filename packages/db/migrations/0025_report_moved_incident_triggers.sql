-- The routes of /reports (issue 18: transfers per incident, ping-pong, misroutes by service) from one
-- row per moved incident instead of joining the moved incidents of the range to their audit rows.
-- `path` is the incident's audited `ownerTeamId` moves in order (audit id), `from>to` joined by `,`,
-- an empty side for null; the audit is append-only, so a move appends. The incident's creation
-- instant, service and owner follow its updates, and a deleted incident loses its row. Hand-written
-- (drizzle-kit generate --custom): drizzle-kit cannot express triggers. It counts the existing moves
-- first.
INSERT INTO `report_moved_incidents` (incident_id, created_at, service_id, owner_team_id, path)
SELECT i.id, i.created_at, i.service_id, i.owner_team_id, group_concat(coalesce(a.from_value, '') || '>' || coalesce(a.to_value, ''), ',' ORDER BY a.id)
FROM `audit_events` AS a JOIN `incidents` AS i ON i.id = a.incident_id
WHERE a.field = 'ownerTeamId' GROUP BY i.id;
--> statement-breakpoint
CREATE TRIGGER `audit_report_moved_incident` AFTER INSERT ON `audit_events` WHEN new.field = 'ownerTeamId' BEGIN
  INSERT INTO `report_moved_incidents` (incident_id, created_at, service_id, owner_team_id, path)
  SELECT i.id, i.created_at, i.service_id, i.owner_team_id, coalesce(new.from_value, '') || '>' || coalesce(new.to_value, '')
  FROM `incidents` AS i WHERE i.id = new.incident_id
  ON CONFLICT (incident_id) DO UPDATE SET path = path || ',' || excluded.path, owner_team_id = excluded.owner_team_id;
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_report_moved_update` AFTER UPDATE OF created_at, service_id, owner_team_id ON `incidents` BEGIN
  UPDATE `report_moved_incidents` SET created_at = new.created_at, service_id = new.service_id, owner_team_id = new.owner_team_id
  WHERE incident_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_report_moved_delete` AFTER DELETE ON `incidents` BEGIN
  DELETE FROM `report_moved_incidents` WHERE incident_id = old.id;
END;
