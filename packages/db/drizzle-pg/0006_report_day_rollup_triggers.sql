-- The /reports day-level rollups (issue 18) on PostgreSQL: the plpgsql twins of SQLite migration
-- 0023's triggers and backfill (hand-written: drizzle-kit generate --custom --config
-- drizzle.pg.config.ts). report_day_contacts, report_day_hours, report_clock_weeks,
-- report_clock_times_day and report_clock_times_month are kept from report_contacts and report_clocks
-- (which 0003's triggers keep), in the same transaction; a count that falls to zero stays as a zero
-- row, as on SQLite. `rollups.pg.test.ts` runs the same changes on both engines and compares the
-- tables, and reruns both backfills. It counts the existing rollup rows first.
--
--   handoff_cps_hour(day, hour) = the hour of day on the CPS calendar of the UTC hour day + hour: the
--     rule of 0003's handoff_cps_week (UTC-5 from the second Sunday of March 08:00Z to the first Sunday
--     of November 07:00Z, else UTC-6) with SQLite's string comparisons, not the tz database.
--   team_id 0 in report_day_hours counts each incident once (its owner's row of report_contacts).
--   The clock histograms keep first_response and resolution only (the kinds with a median and p90).
CREATE FUNCTION handoff_cps_hour(day text, hour integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT (hour + 24 - CASE
      WHEN at >= to_char(m + (7 - extract(dow FROM m)::int) % 7 + 7, 'YYYY-MM-DD') || 'T08:00:00.000Z' COLLATE "C"
       AND at < to_char(n + (7 - extract(dow FROM n)::int) % 7, 'YYYY-MM-DD') || 'T07:00:00.000Z' COLLATE "C"
      THEN 5 ELSE 6 END) % 24
  FROM (SELECT day || 'T' || lpad(hour::text, 2, '0') || ':00:00.000Z' AS at,
               make_date(substr(day, 1, 4)::int, 3, 1) AS m,
               make_date(substr(day, 1, 4)::int, 11, 1) AS n) AS d
$$;
--> statement-breakpoint
INSERT INTO report_day_contacts (day, team_id, owner_team_id, channel, n)
SELECT day, team_id, owner_team_id, channel, sum(n)::int FROM report_contacts GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO report_day_hours (team_id, day, cps_hour, n)
SELECT c.team_id, c.day, handoff_cps_hour(c.day, c.hour), sum(c.n)::int
FROM (
  SELECT team_id, day, hour, n FROM report_contacts
  UNION ALL SELECT 0, day, hour, n FROM report_contacts WHERE team_id = owner_team_id
) AS c GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO report_clock_weeks (day, team_id, kind, outcome, week, n)
SELECT day, team_id, kind, outcome, week, sum(n)::int FROM report_clocks GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_clock_times_day (day, team_id, kind, bucket, n)
SELECT day, team_id, kind, bucket, sum(n)::int FROM report_clocks WHERE kind IN ('first_response', 'resolution') GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO report_clock_times_month (month, team_id, kind, bucket, n)
SELECT substr(day, 1, 7), team_id, kind, bucket, sum(n)::int FROM report_clocks WHERE kind IN ('first_response', 'resolution') GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- An hourly contacts row out (its old values) and in (its new ones): SQLite's three triggers in one.
CREATE FUNCTION handoff_report_contacts_roll() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE report_day_contacts SET n = n - OLD.n
    WHERE day = OLD.day AND team_id = OLD.team_id AND owner_team_id = OLD.owner_team_id AND channel = OLD.channel;
    UPDATE report_day_hours SET n = n - OLD.n
    WHERE day = OLD.day AND (team_id = OLD.team_id OR (team_id = 0 AND OLD.team_id = OLD.owner_team_id))
      AND cps_hour = handoff_cps_hour(OLD.day, OLD.hour);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_day_contacts (day, team_id, owner_team_id, channel, n)
    VALUES (NEW.day, NEW.team_id, NEW.owner_team_id, NEW.channel, NEW.n)
    ON CONFLICT (day, team_id, owner_team_id, channel) DO UPDATE SET n = report_day_contacts.n + excluded.n;
    INSERT INTO report_day_hours (team_id, day, cps_hour, n)
    SELECT t.team_id, NEW.day, handoff_cps_hour(NEW.day, NEW.hour), NEW.n
    FROM (SELECT NEW.team_id AS team_id UNION ALL SELECT 0 WHERE NEW.team_id = NEW.owner_team_id) AS t
    ON CONFLICT (team_id, day, cps_hour) DO UPDATE SET n = report_day_hours.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_contacts_roll AFTER INSERT OR UPDATE OR DELETE ON report_contacts
FOR EACH ROW EXECUTE FUNCTION handoff_report_contacts_roll();
--> statement-breakpoint
-- A clocks row out and in; the histograms only for first_response and resolution.
CREATE FUNCTION handoff_report_clocks_roll() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE report_clock_weeks SET n = n - OLD.n
    WHERE day = OLD.day AND team_id = OLD.team_id AND kind = OLD.kind AND outcome = OLD.outcome AND week = OLD.week;
    UPDATE report_clock_times_day SET n = n - OLD.n
    WHERE day = OLD.day AND team_id = OLD.team_id AND kind = OLD.kind AND bucket = OLD.bucket;
    UPDATE report_clock_times_month SET n = n - OLD.n
    WHERE month = substr(OLD.day, 1, 7) AND team_id = OLD.team_id AND kind = OLD.kind AND bucket = OLD.bucket;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_clock_weeks (day, team_id, kind, outcome, week, n)
    VALUES (NEW.day, NEW.team_id, NEW.kind, NEW.outcome, NEW.week, NEW.n)
    ON CONFLICT (day, team_id, kind, outcome, week) DO UPDATE SET n = report_clock_weeks.n + excluded.n;
    IF NEW.kind IN ('first_response', 'resolution') THEN
      INSERT INTO report_clock_times_day (day, team_id, kind, bucket, n)
      VALUES (NEW.day, NEW.team_id, NEW.kind, NEW.bucket, NEW.n)
      ON CONFLICT (day, team_id, kind, bucket) DO UPDATE SET n = report_clock_times_day.n + excluded.n;
      INSERT INTO report_clock_times_month (month, team_id, kind, bucket, n)
      VALUES (substr(NEW.day, 1, 7), NEW.team_id, NEW.kind, NEW.bucket, NEW.n)
      ON CONFLICT (month, team_id, kind, bucket) DO UPDATE SET n = report_clock_times_month.n + excluded.n;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_clocks_roll AFTER INSERT OR UPDATE OR DELETE ON report_clocks
FOR EACH ROW EXECUTE FUNCTION handoff_report_clocks_roll();
