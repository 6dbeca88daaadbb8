-- Coarser rollups for /reports (issue 18: a year as fast as four weeks). The hourly contacts and the
-- per-week-and-bucket clocks grow with the range times 24 or times the buckets; these are kept from
-- them by triggers on `report_contacts` and `report_clocks`, so whatever keeps those (0018's triggers,
-- in the transaction of every incident, clock or audit write) keeps these in the same transaction, and
-- there is one place that knows which teams count an incident. Hand-written (drizzle-kit generate
-- --custom): drizzle-kit cannot express triggers. It counts the existing rollup rows first.
--
--   cps_hour = the hour of day on the CPS calendar (America/Chicago: UTC-5 from the second Sunday of
--              March 08:00Z to the first Sunday of November 07:00Z, else UTC-6) of the UTC hour
--              day + hour, as luxon's toCpsLocal(...).hour; team_id 0 in report_day_hours counts each
--              incident once (its owner's row of report_contacts).
--   The clock histograms keep first_response and resolution only (the kinds with a median and p90).
INSERT INTO `report_day_contacts` (day, team_id, owner_team_id, channel, n)
SELECT day, team_id, owner_team_id, channel, sum(n) FROM `report_contacts` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO `report_day_hours` (team_id, day, cps_hour, n)
SELECT c.team_id, c.day, (c.hour + 24 - CASE WHEN c.day || 'T' || printf('%02d', c.hour) || ':00:00.000Z' >= date(substr(c.day, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND c.day || 'T' || printf('%02d', c.hour) || ':00:00.000Z' < date(substr(c.day, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN 5 ELSE 6 END) % 24, sum(c.n)
FROM (
  SELECT team_id, day, hour, n FROM `report_contacts`
  UNION ALL SELECT 0, day, hour, n FROM `report_contacts` WHERE team_id = owner_team_id
) AS c GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO `report_clock_weeks` (day, team_id, kind, outcome, week, n)
SELECT day, team_id, kind, outcome, week, sum(n) FROM `report_clocks` GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO `report_clock_times_day` (day, team_id, kind, bucket, n)
SELECT day, team_id, kind, bucket, sum(n) FROM `report_clocks` WHERE kind IN ('first_response', 'resolution') GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO `report_clock_times_month` (month, team_id, kind, bucket, n)
SELECT substr(day, 1, 7), team_id, kind, bucket, sum(n) FROM `report_clocks` WHERE kind IN ('first_response', 'resolution') GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `report_contacts_roll_insert` AFTER INSERT ON `report_contacts` BEGIN
  INSERT INTO `report_day_contacts` (day, team_id, owner_team_id, channel, n) VALUES (new.day, new.team_id, new.owner_team_id, new.channel, new.n)
  ON CONFLICT (day, team_id, owner_team_id, channel) DO UPDATE SET n = n + excluded.n;
  INSERT INTO `report_day_hours` (team_id, day, cps_hour, n)
  SELECT t.team_id, new.day, (new.hour + 24 - CASE WHEN new.day || 'T' || printf('%02d', new.hour) || ':00:00.000Z' >= date(substr(new.day, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND new.day || 'T' || printf('%02d', new.hour) || ':00:00.000Z' < date(substr(new.day, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN 5 ELSE 6 END) % 24, new.n
  FROM (SELECT new.team_id AS team_id UNION ALL SELECT 0 WHERE new.team_id = new.owner_team_id) AS t WHERE true
  ON CONFLICT (team_id, day, cps_hour) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `report_contacts_roll_update` AFTER UPDATE ON `report_contacts` BEGIN
  UPDATE `report_day_contacts` SET n = n - old.n
  WHERE day = old.day AND team_id = old.team_id AND owner_team_id = old.owner_team_id AND channel = old.channel;
  UPDATE `report_day_hours` SET n = n - old.n
  WHERE day = old.day AND (team_id = old.team_id OR (team_id = 0 AND old.team_id = old.owner_team_id))
    AND cps_hour = (old.hour + 24 - CASE WHEN old.day || 'T' || printf('%02d', old.hour) || ':00:00.000Z' >= date(substr(old.day, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND old.day || 'T' || printf('%02d', old.hour) || ':00:00.000Z' < date(substr(old.day, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN 5 ELSE 6 END) % 24;
  INSERT INTO `report_day_contacts` (day, team_id, owner_team_id, channel, n) VALUES (new.day, new.team_id, new.owner_team_id, new.channel, new.n)
  ON CONFLICT (day, team_id, owner_team_id, channel) DO UPDATE SET n = n + excluded.n;
  INSERT INTO `report_day_hours` (team_id, day, cps_hour, n)
  SELECT t.team_id, new.day, (new.hour + 24 - CASE WHEN new.day || 'T' || printf('%02d', new.hour) || ':00:00.000Z' >= date(substr(new.day, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND new.day || 'T' || printf('%02d', new.hour) || ':00:00.000Z' < date(substr(new.day, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN 5 ELSE 6 END) % 24, new.n
  FROM (SELECT new.team_id AS team_id UNION ALL SELECT 0 WHERE new.team_id = new.owner_team_id) AS t WHERE true
  ON CONFLICT (team_id, day, cps_hour) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `report_contacts_roll_delete` AFTER DELETE ON `report_contacts` BEGIN
  UPDATE `report_day_contacts` SET n = n - old.n
  WHERE day = old.day AND team_id = old.team_id AND owner_team_id = old.owner_team_id AND channel = old.channel;
  UPDATE `report_day_hours` SET n = n - old.n
  WHERE day = old.day AND (team_id = old.team_id OR (team_id = 0 AND old.team_id = old.owner_team_id))
    AND cps_hour = (old.hour + 24 - CASE WHEN old.day || 'T' || printf('%02d', old.hour) || ':00:00.000Z' >= date(substr(old.day, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND old.day || 'T' || printf('%02d', old.hour) || ':00:00.000Z' < date(substr(old.day, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN 5 ELSE 6 END) % 24;
END;
--> statement-breakpoint
CREATE TRIGGER `report_clocks_roll_insert` AFTER INSERT ON `report_clocks` BEGIN
  INSERT INTO `report_clock_weeks` (day, team_id, kind, outcome, week, n) VALUES (new.day, new.team_id, new.kind, new.outcome, new.week, new.n)
  ON CONFLICT (day, team_id, kind, outcome, week) DO UPDATE SET n = n + excluded.n;
  INSERT INTO `report_clock_times_day` (day, team_id, kind, bucket, n)
  SELECT new.day, new.team_id, new.kind, new.bucket, new.n WHERE new.kind IN ('first_response', 'resolution')
  ON CONFLICT (day, team_id, kind, bucket) DO UPDATE SET n = n + excluded.n;
  INSERT INTO `report_clock_times_month` (month, team_id, kind, bucket, n)
  SELECT substr(new.day, 1, 7), new.team_id, new.kind, new.bucket, new.n WHERE new.kind IN ('first_response', 'resolution')
  ON CONFLICT (month, team_id, kind, bucket) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `report_clocks_roll_update` AFTER UPDATE ON `report_clocks` BEGIN
  UPDATE `report_clock_weeks` SET n = n - old.n
  WHERE day = old.day AND team_id = old.team_id AND kind = old.kind AND outcome = old.outcome AND week = old.week;
  UPDATE `report_clock_times_day` SET n = n - old.n
  WHERE day = old.day AND team_id = old.team_id AND kind = old.kind AND bucket = old.bucket;
  UPDATE `report_clock_times_month` SET n = n - old.n
  WHERE month = substr(old.day, 1, 7) AND team_id = old.team_id AND kind = old.kind AND bucket = old.bucket;
  INSERT INTO `report_clock_weeks` (day, team_id, kind, outcome, week, n) VALUES (new.day, new.team_id, new.kind, new.outcome, new.week, new.n)
  ON CONFLICT (day, team_id, kind, outcome, week) DO UPDATE SET n = n + excluded.n;
  INSERT INTO `report_clock_times_day` (day, team_id, kind, bucket, n)
  SELECT new.day, new.team_id, new.kind, new.bucket, new.n WHERE new.kind IN ('first_response', 'resolution')
  ON CONFLICT (day, team_id, kind, bucket) DO UPDATE SET n = n + excluded.n;
  INSERT INTO `report_clock_times_month` (month, team_id, kind, bucket, n)
  SELECT substr(new.day, 1, 7), new.team_id, new.kind, new.bucket, new.n WHERE new.kind IN ('first_response', 'resolution')
  ON CONFLICT (month, team_id, kind, bucket) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `report_clocks_roll_delete` AFTER DELETE ON `report_clocks` BEGIN
  UPDATE `report_clock_weeks` SET n = n - old.n
  WHERE day = old.day AND team_id = old.team_id AND kind = old.kind AND outcome = old.outcome AND week = old.week;
  UPDATE `report_clock_times_day` SET n = n - old.n
  WHERE day = old.day AND team_id = old.team_id AND kind = old.kind AND bucket = old.bucket;
  UPDATE `report_clock_times_month` SET n = n - old.n
  WHERE month = substr(old.day, 1, 7) AND team_id = old.team_id AND kind = old.kind AND bucket = old.bucket;
END;
