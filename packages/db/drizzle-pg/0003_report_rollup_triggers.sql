-- The dashboard's rollups (issue 18) on PostgreSQL: the plpgsql twins of SQLite migration 0018's triggers
-- (hand-written: drizzle-kit generate --custom --config drizzle.pg.config.ts). Same rows, same counts,
-- kept inside the transaction of whatever statement writes an incident, a clock or an ownership audit
-- row; a count that falls to zero stays as a zero row, as on SQLite. `rollups.pg.test.ts` runs the same
-- changes on both engines and compares the tables. It counts the existing rows first.
--
-- The shared expressions are functions here (SQLite spells them out in each statement):
--   handoff_cps_week(started_at)  = the ISO week (IYYY-"W"IW) of a clock's start on the CPS calendar
--     (America/Chicago: UTC-5 from the second Sunday of March 08:00Z to the first Sunday of November
--     07:00Z, else UTC-6): the same rule as SQLite's, not the tz database, so both engines agree.
--   handoff_duration_bucket(used_ms) = durationBucket of packages/domain, in tenths of an hour.
CREATE FUNCTION handoff_cps_week(started text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT to_char(
    (started::timestamptz AT TIME ZONE 'UTC') - CASE
      WHEN started >= to_char(m + (7 - extract(dow FROM m)::int) % 7 + 7, 'YYYY-MM-DD') || 'T08:00:00.000Z'
       AND started < to_char(n + (7 - extract(dow FROM n)::int) % 7, 'YYYY-MM-DD') || 'T07:00:00.000Z'
      THEN interval '5 hours' ELSE interval '6 hours' END,
    'IYYY-"W"IW')
  FROM (SELECT make_date(substr(started, 1, 4)::int, 3, 1) AS m,
               make_date(substr(started, 1, 4)::int, 11, 1) AS n) AS d
$$;
--> statement-breakpoint
CREATE FUNCTION handoff_duration_bucket(used bigint) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT (CASE WHEN used < 36000000 THEN (used + 180000) / 360000
    WHEN used < 360000000 THEN ((used + 1800000) / 3600000) * 10
    ELSE ((used + 18000000) / 36000000) * 100 END)::int
$$;
--> statement-breakpoint
INSERT INTO report_incident_teams (incident_id, team_id, created_at)
SELECT DISTINCT a.incident_id, a.team::int, i.created_at
FROM (
  SELECT incident_id, from_value AS team FROM audit_events WHERE field = 'ownerTeamId' AND from_value IS NOT NULL
  UNION SELECT incident_id, to_value FROM audit_events WHERE field = 'ownerTeamId' AND to_value IS NOT NULL
) AS a JOIN incidents AS i ON i.id = a.incident_id;
--> statement-breakpoint
INSERT INTO report_contacts (day, hour, team_id, owner_team_id, channel, n)
SELECT substr(created_at, 1, 10), substr(created_at, 12, 2)::int, owner_team_id, owner_team_id, channel, count(*)
FROM incidents GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_contacts (day, hour, team_id, owner_team_id, channel, n)
SELECT substr(i.created_at, 1, 10), substr(i.created_at, 12, 2)::int, t.team_id, i.owner_team_id, i.channel, count(*)
FROM report_incident_teams AS t JOIN incidents AS i ON i.id = t.incident_id
WHERE t.team_id IS DISTINCT FROM i.owner_team_id GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (day, hour, team_id, owner_team_id, channel) DO UPDATE SET n = report_contacts.n + excluded.n;
--> statement-breakpoint
INSERT INTO report_clocks (day, team_id, kind, outcome, week, bucket, n)
SELECT substr(i.created_at, 1, 10), c.team_id, c.kind, c.outcome, handoff_cps_week(c.started_at),
  handoff_duration_bucket(c.used_ms), count(*)
FROM sla_clocks AS c JOIN incidents AS i ON i.id = c.incident_id
WHERE c.outcome IN ('met', 'breached') GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
-- The incident counted for its owner team and every team recorded as having owned it (+1 or -1).
CREATE FUNCTION handoff_report_contacts_add(incident incidents, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF delta > 0 THEN
    INSERT INTO report_contacts (day, hour, team_id, owner_team_id, channel, n)
    SELECT substr(incident.created_at, 1, 10), substr(incident.created_at, 12, 2)::int, t.team_id,
      incident.owner_team_id, incident.channel, delta
    FROM (SELECT incident.owner_team_id AS team_id
          UNION SELECT team_id FROM report_incident_teams WHERE incident_id = incident.id) AS t
    ON CONFLICT (day, hour, team_id, owner_team_id, channel) DO UPDATE SET n = report_contacts.n + excluded.n;
  ELSE
    UPDATE report_contacts SET n = n + delta
    WHERE day = substr(incident.created_at, 1, 10) AND hour = substr(incident.created_at, 12, 2)::int
      AND owner_team_id = incident.owner_team_id AND channel = incident.channel
      AND team_id IN (SELECT incident.owner_team_id
                      UNION SELECT team_id FROM report_incident_teams WHERE incident_id = incident.id);
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION handoff_report_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM handoff_report_contacts_add(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM handoff_report_contacts_add(NEW, 1);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    UPDATE report_incident_teams SET created_at = NEW.created_at
    WHERE incident_id = NEW.id AND created_at IS DISTINCT FROM NEW.created_at;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM report_incident_teams WHERE incident_id = OLD.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A new incident counts once, for its owner team; a deleted one leaves its counts.
CREATE TRIGGER incidents_report_insert_delete AFTER INSERT OR DELETE ON incidents
FOR EACH ROW EXECUTE FUNCTION handoff_report_incidents();
--> statement-breakpoint
-- Only a change of owner team, channel or creation moves a count: for every team that has owned it.
CREATE TRIGGER incidents_report_update AFTER UPDATE OF owner_team_id, channel, created_at ON incidents
FOR EACH ROW WHEN (OLD.owner_team_id IS DISTINCT FROM NEW.owner_team_id OR OLD.channel IS DISTINCT FROM NEW.channel
  OR OLD.created_at IS DISTINCT FROM NEW.created_at)
EXECUTE FUNCTION handoff_report_incidents();
--> statement-breakpoint
-- An audited ownership move records both teams as having owned the incident (a team already recorded
-- inserts nothing, so its count trigger does not fire).
CREATE FUNCTION handoff_report_audit_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_incident_teams (incident_id, team_id, created_at)
  SELECT NEW.incident_id, t.team::int, i.created_at
  FROM (SELECT NEW.from_value AS team UNION SELECT NEW.to_value) AS t JOIN incidents AS i ON i.id = NEW.incident_id
  WHERE t.team IS NOT NULL
  ON CONFLICT (incident_id, team_id) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_report_move AFTER INSERT ON audit_events
FOR EACH ROW WHEN (NEW.field = 'ownerTeamId') EXECUTE FUNCTION handoff_report_audit_move();
--> statement-breakpoint
-- A team newly recorded as having owned the incident now counts it too (its owner already does).
CREATE FUNCTION handoff_report_incident_teams_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_contacts (day, hour, team_id, owner_team_id, channel, n)
  SELECT substr(i.created_at, 1, 10), substr(i.created_at, 12, 2)::int, NEW.team_id, i.owner_team_id, i.channel, 1
  FROM incidents AS i WHERE i.id = NEW.incident_id AND i.owner_team_id IS DISTINCT FROM NEW.team_id
  ON CONFLICT (day, hour, team_id, owner_team_id, channel) DO UPDATE SET n = report_contacts.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_incident_teams_count AFTER INSERT ON report_incident_teams
FOR EACH ROW EXECUTE FUNCTION handoff_report_incident_teams_count();
--> statement-breakpoint
-- Clocks count once decided (met or breached), and move when a decided clock's key changes. The day is
-- the incident's creation day; an incident already deleted (the cascade) finds none and counts nothing.
CREATE FUNCTION handoff_report_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.outcome IN ('met', 'breached') THEN
    UPDATE report_clocks SET n = n - 1
    WHERE day = (SELECT substr(created_at, 1, 10) FROM incidents WHERE id = OLD.incident_id)
      AND team_id = OLD.team_id AND kind = OLD.kind AND outcome = OLD.outcome
      AND week = handoff_cps_week(OLD.started_at) AND bucket = handoff_duration_bucket(OLD.used_ms);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.outcome IN ('met', 'breached') THEN
    INSERT INTO report_clocks (day, team_id, kind, outcome, week, bucket, n)
    SELECT substr(i.created_at, 1, 10), NEW.team_id, NEW.kind, NEW.outcome, handoff_cps_week(NEW.started_at),
      handoff_duration_bucket(NEW.used_ms), 1
    FROM incidents AS i WHERE i.id = NEW.incident_id
    ON CONFLICT (day, team_id, kind, outcome, week, bucket) DO UPDATE SET n = report_clocks.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sla_clocks_report_insert AFTER INSERT ON sla_clocks
FOR EACH ROW WHEN (NEW.outcome IN ('met', 'breached')) EXECUTE FUNCTION handoff_report_clocks();
--> statement-breakpoint
CREATE TRIGGER sla_clocks_report_update AFTER UPDATE OF outcome, used_ms, team_id, kind, started_at, incident_id
ON sla_clocks FOR EACH ROW WHEN (OLD.outcome IN ('met', 'breached') OR NEW.outcome IN ('met', 'breached'))
EXECUTE FUNCTION handoff_report_clocks();
--> statement-breakpoint
CREATE TRIGGER sla_clocks_report_delete AFTER DELETE ON sla_clocks
FOR EACH ROW WHEN (OLD.outcome IN ('met', 'breached')) EXECUTE FUNCTION handoff_report_clocks();
--> statement-breakpoint
-- Deleting an incident (tests only; production never does) takes its decided clocks out before the
-- cascade removes them.
CREATE FUNCTION handoff_report_incident_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_clocks AS r SET n = r.n - c.n
  FROM (SELECT team_id, kind, outcome, handoff_cps_week(started_at) AS week,
          handoff_duration_bucket(used_ms) AS bucket, count(*)::int AS n
        FROM sla_clocks WHERE incident_id = OLD.id AND outcome IN ('met', 'breached')
        GROUP BY 1, 2, 3, 4, 5) AS c
  WHERE r.day = substr(OLD.created_at, 1, 10) AND r.team_id = c.team_id AND r.kind = c.kind
    AND r.outcome = c.outcome AND r.week = c.week AND r.bucket = c.bucket;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER incidents_report_delete_clocks BEFORE DELETE ON incidents
FOR EACH ROW EXECUTE FUNCTION handoff_report_incident_clocks();
