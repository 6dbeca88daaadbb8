-- The routes of /reports (issue 18) on PostgreSQL: the plpgsql twins of SQLite migration 0025's
-- backfill and triggers (hand-written: drizzle-kit generate --custom --config drizzle.pg.config.ts).
-- One row per moved incident; `path` is its audited `ownerTeamId` moves in audit-id order, `from>to`
-- joined by `,`, an empty side for null. The incident's creation instant, service and owner follow its
-- updates, and a deleted incident loses its row. `rollups.pg.test.ts` runs the same changes on both
-- engines, compares the rows, and reruns both backfills. It counts the existing moves first.
INSERT INTO report_moved_incidents (incident_id, created_at, service_id, owner_team_id, path)
SELECT i.id, i.created_at, i.service_id, i.owner_team_id, string_agg(coalesce(a.from_value, '') || '>' || coalesce(a.to_value, ''), ',' ORDER BY a.id)
FROM audit_events AS a JOIN incidents AS i ON i.id = a.incident_id
WHERE a.field = 'ownerTeamId' GROUP BY i.id;
--> statement-breakpoint
-- An audited move appends to the incident's path (the first one makes its row).
CREATE FUNCTION handoff_report_moved_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_moved_incidents (incident_id, created_at, service_id, owner_team_id, path)
  SELECT i.id, i.created_at, i.service_id, i.owner_team_id, coalesce(NEW.from_value, '') || '>' || coalesce(NEW.to_value, '')
  FROM incidents AS i WHERE i.id = NEW.incident_id
  ON CONFLICT (incident_id) DO UPDATE
    SET path = report_moved_incidents.path || ',' || excluded.path, owner_team_id = excluded.owner_team_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_report_moved_incident AFTER INSERT ON audit_events
FOR EACH ROW WHEN (NEW.field = 'ownerTeamId') EXECUTE FUNCTION handoff_report_moved_audit();
--> statement-breakpoint
-- The incident's creation instant, service and owner, as its row in the rollup.
CREATE FUNCTION handoff_report_moved_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM report_moved_incidents WHERE incident_id = OLD.id;
  ELSE
    UPDATE report_moved_incidents
    SET created_at = NEW.created_at, service_id = NEW.service_id, owner_team_id = NEW.owner_team_id
    WHERE incident_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER incidents_report_moved_update AFTER UPDATE OF created_at, service_id, owner_team_id ON incidents
FOR EACH ROW EXECUTE FUNCTION handoff_report_moved_incident();
--> statement-breakpoint
CREATE TRIGGER incidents_report_moved_delete AFTER DELETE ON incidents
FOR EACH ROW EXECUTE FUNCTION handoff_report_moved_incident();
