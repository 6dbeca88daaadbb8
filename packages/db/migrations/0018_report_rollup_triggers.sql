-- The dashboard's rollups (issue 18 at a million incidents), kept by triggers: inside the transaction of
-- whatever statement writes an incident, a clock or an ownership audit row, whichever code path that was
-- (the commit module, the seeds, the clock keeper, a script), as the queue counts are (0014). A change-feed
-- consumer would have needed its own persisted position, a restart catch-up and a lag the lead's figures
-- would show; the triggers are exact at every commit and roll back with it. Hand-written (drizzle-kit
-- generate --custom): drizzle-kit cannot express triggers. It counts the existing rows first.
--
-- Shared expressions, spelled out in each statement (SQLite has no functions of its own):
--   day  = the UTC date of the incident's creation, substr(created_at, 1, 10); hour = its UTC hour.
--   week = the ISO week (%G-W%V) of a clock's start on the CPS calendar (America/Chicago: UTC-5 from the
--          second Sunday of March 08:00Z to the first Sunday of November 07:00Z, else UTC-6), as luxon's
--          "kkkk-'W'WW" of toCpsLocal.
--   bucket = durationBucket(used_ms) of packages/domain (reports/duration-bucket.ts), in tenths of an hour.
INSERT INTO `report_incident_teams` (incident_id, team_id, created_at)
SELECT DISTINCT a.incident_id, CAST(a.team AS INTEGER), i.created_at
FROM (
  SELECT incident_id, from_value AS team FROM `audit_events` WHERE field = 'ownerTeamId' AND from_value IS NOT NULL
  UNION SELECT incident_id, to_value FROM `audit_events` WHERE field = 'ownerTeamId' AND to_value IS NOT NULL
) AS a JOIN `incidents` AS i ON i.id = a.incident_id;
--> statement-breakpoint
INSERT INTO `report_contacts` (day, hour, team_id, owner_team_id, channel, n)
SELECT substr(created_at, 1, 10), CAST(substr(created_at, 12, 2) AS INTEGER), owner_team_id, owner_team_id, channel, count(*)
FROM `incidents` GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO `report_contacts` (day, hour, team_id, owner_team_id, channel, n)
SELECT substr(i.created_at, 1, 10), CAST(substr(i.created_at, 12, 2) AS INTEGER), t.team_id, i.owner_team_id, i.channel, count(*)
FROM `report_incident_teams` AS t JOIN `incidents` AS i ON i.id = t.incident_id
WHERE t.team_id IS NOT i.owner_team_id GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (day, hour, team_id, owner_team_id, channel) DO UPDATE SET n = n + excluded.n;
--> statement-breakpoint
INSERT INTO `report_clocks` (day, team_id, kind, outcome, week, bucket, n)
SELECT substr(i.created_at, 1, 10), c.team_id, c.kind, c.outcome,
  strftime('%G-W%V', datetime(c.started_at, CASE WHEN c.started_at >= date(substr(c.started_at, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND c.started_at < date(substr(c.started_at, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN '-5 hours' ELSE '-6 hours' END)),
  CASE WHEN c.used_ms < 36000000 THEN (c.used_ms + 180000) / 360000 WHEN c.used_ms < 360000000 THEN ((c.used_ms + 1800000) / 3600000) * 10 ELSE ((c.used_ms + 18000000) / 36000000) * 100 END, count(*)
FROM `sla_clocks` AS c JOIN `incidents` AS i ON i.id = c.incident_id
WHERE c.outcome IN ('met', 'breached') GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
-- A new incident counts once, for its owner team.
CREATE TRIGGER `incidents_report_insert` AFTER INSERT ON `incidents` BEGIN
  INSERT INTO `report_contacts` (day, hour, team_id, owner_team_id, channel, n)
  SELECT substr(new.created_at, 1, 10), CAST(substr(new.created_at, 12, 2) AS INTEGER), t.team_id, new.owner_team_id, new.channel, 1 FROM (SELECT new.owner_team_id AS team_id UNION SELECT team_id FROM `report_incident_teams` WHERE incident_id = new.id) AS t WHERE true
  ON CONFLICT (day, hour, team_id, owner_team_id, channel) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- Only a change of owner team, channel or creation moves a count: for every team that has owned it.
CREATE TRIGGER `incidents_report_update` AFTER UPDATE OF owner_team_id, channel, created_at ON `incidents`
WHEN old.owner_team_id IS NOT new.owner_team_id OR old.channel IS NOT new.channel OR old.created_at IS NOT new.created_at BEGIN
  UPDATE `report_contacts` SET n = n - 1 WHERE day = substr(old.created_at, 1, 10) AND hour = CAST(substr(old.created_at, 12, 2) AS INTEGER)
    AND owner_team_id = old.owner_team_id AND channel = old.channel AND team_id IN (SELECT old.owner_team_id AS team_id UNION SELECT team_id FROM `report_incident_teams` WHERE incident_id = old.id);
  INSERT INTO `report_contacts` (day, hour, team_id, owner_team_id, channel, n)
  SELECT substr(new.created_at, 1, 10), CAST(substr(new.created_at, 12, 2) AS INTEGER), t.team_id, new.owner_team_id, new.channel, 1 FROM (SELECT new.owner_team_id AS team_id UNION SELECT team_id FROM `report_incident_teams` WHERE incident_id = new.id) AS t WHERE true
  ON CONFLICT (day, hour, team_id, owner_team_id, channel) DO UPDATE SET n = n + excluded.n;
  UPDATE `report_incident_teams` SET created_at = new.created_at WHERE incident_id = new.id AND created_at IS NOT new.created_at;
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_report_delete` AFTER DELETE ON `incidents` BEGIN
  UPDATE `report_contacts` SET n = n - 1 WHERE day = substr(old.created_at, 1, 10) AND hour = CAST(substr(old.created_at, 12, 2) AS INTEGER)
    AND owner_team_id = old.owner_team_id AND channel = old.channel AND team_id IN (SELECT old.owner_team_id AS team_id UNION SELECT team_id FROM `report_incident_teams` WHERE incident_id = old.id);
  DELETE FROM `report_incident_teams` WHERE incident_id = old.id;
END;
--> statement-breakpoint
-- An audited ownership move records both teams as having owned the incident (INSERT OR IGNORE: a team
-- already recorded fires nothing).
CREATE TRIGGER `audit_report_move` AFTER INSERT ON `audit_events` WHEN new.field = 'ownerTeamId' BEGIN
  INSERT OR IGNORE INTO `report_incident_teams` (incident_id, team_id, created_at)
  SELECT new.incident_id, CAST(t.team AS INTEGER), i.created_at
  FROM (SELECT new.from_value AS team UNION SELECT new.to_value) AS t JOIN `incidents` AS i ON i.id = new.incident_id
  WHERE t.team IS NOT NULL;
END;
--> statement-breakpoint
-- A team newly recorded as having owned the incident now counts it too (its owner already does).
CREATE TRIGGER `report_incident_teams_count` AFTER INSERT ON `report_incident_teams` BEGIN
  INSERT INTO `report_contacts` (day, hour, team_id, owner_team_id, channel, n)
  SELECT substr(i.created_at, 1, 10), CAST(substr(i.created_at, 12, 2) AS INTEGER), new.team_id, i.owner_team_id, i.channel, 1
  FROM `incidents` AS i WHERE i.id = new.incident_id AND i.owner_team_id IS NOT new.team_id
  ON CONFLICT (day, hour, team_id, owner_team_id, channel) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- Clocks count once decided (met or breached), and move when a decided clock's key changes.
CREATE TRIGGER `sla_clocks_report_insert` AFTER INSERT ON `sla_clocks` WHEN new.outcome IN ('met', 'breached') BEGIN
  INSERT INTO `report_clocks` (day, team_id, kind, outcome, week, bucket, n)
  SELECT substr(i.created_at, 1, 10), new.team_id, new.kind, new.outcome,
    strftime('%G-W%V', datetime(new.started_at, CASE WHEN new.started_at >= date(substr(new.started_at, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND new.started_at < date(substr(new.started_at, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN '-5 hours' ELSE '-6 hours' END)),
    CASE WHEN new.used_ms < 36000000 THEN (new.used_ms + 180000) / 360000 WHEN new.used_ms < 360000000 THEN ((new.used_ms + 1800000) / 3600000) * 10 ELSE ((new.used_ms + 18000000) / 36000000) * 100 END, 1
  FROM `incidents` AS i WHERE new.outcome IN ('met', 'breached') AND i.id = new.incident_id
  ON CONFLICT (day, team_id, kind, outcome, week, bucket) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `sla_clocks_report_update` AFTER UPDATE OF outcome, used_ms, team_id, kind, started_at, incident_id ON `sla_clocks`
WHEN old.outcome IN ('met', 'breached') OR new.outcome IN ('met', 'breached') BEGIN
  UPDATE `report_clocks` SET n = n - 1 WHERE old.outcome IN ('met', 'breached')
    AND day = (SELECT substr(created_at, 1, 10) FROM `incidents` WHERE id = old.incident_id)
    AND team_id = old.team_id AND kind = old.kind AND outcome = old.outcome
    AND week = strftime('%G-W%V', datetime(old.started_at, CASE WHEN old.started_at >= date(substr(old.started_at, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND old.started_at < date(substr(old.started_at, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN '-5 hours' ELSE '-6 hours' END))
    AND bucket = CASE WHEN old.used_ms < 36000000 THEN (old.used_ms + 180000) / 360000 WHEN old.used_ms < 360000000 THEN ((old.used_ms + 1800000) / 3600000) * 10 ELSE ((old.used_ms + 18000000) / 36000000) * 100 END;
  INSERT INTO `report_clocks` (day, team_id, kind, outcome, week, bucket, n)
  SELECT substr(i.created_at, 1, 10), new.team_id, new.kind, new.outcome,
    strftime('%G-W%V', datetime(new.started_at, CASE WHEN new.started_at >= date(substr(new.started_at, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND new.started_at < date(substr(new.started_at, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN '-5 hours' ELSE '-6 hours' END)),
    CASE WHEN new.used_ms < 36000000 THEN (new.used_ms + 180000) / 360000 WHEN new.used_ms < 360000000 THEN ((new.used_ms + 1800000) / 3600000) * 10 ELSE ((new.used_ms + 18000000) / 36000000) * 100 END, 1
  FROM `incidents` AS i WHERE new.outcome IN ('met', 'breached') AND i.id = new.incident_id
  ON CONFLICT (day, team_id, kind, outcome, week, bucket) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `sla_clocks_report_delete` AFTER DELETE ON `sla_clocks` WHEN old.outcome IN ('met', 'breached') BEGIN
  UPDATE `report_clocks` SET n = n - 1 WHERE old.outcome IN ('met', 'breached')
    AND day = (SELECT substr(created_at, 1, 10) FROM `incidents` WHERE id = old.incident_id)
    AND team_id = old.team_id AND kind = old.kind AND outcome = old.outcome
    AND week = strftime('%G-W%V', datetime(old.started_at, CASE WHEN old.started_at >= date(substr(old.started_at, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND old.started_at < date(substr(old.started_at, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN '-5 hours' ELSE '-6 hours' END))
    AND bucket = CASE WHEN old.used_ms < 36000000 THEN (old.used_ms + 180000) / 360000 WHEN old.used_ms < 360000000 THEN ((old.used_ms + 1800000) / 3600000) * 10 ELSE ((old.used_ms + 18000000) / 36000000) * 100 END;
END;
--> statement-breakpoint
-- Deleting an incident (tests only; production never does) takes its decided clocks out before the cascade
-- removes them (the clocks' own delete trigger finds no incident then and does nothing).
CREATE TRIGGER `incidents_report_delete_clocks` BEFORE DELETE ON `incidents` BEGIN
  UPDATE `report_clocks` SET n = n - (
    SELECT count(*) FROM `sla_clocks` AS c
    WHERE c.incident_id = old.id AND c.outcome IN ('met', 'breached') AND c.team_id = report_clocks.team_id
      AND c.kind = report_clocks.kind AND c.outcome = report_clocks.outcome
      AND strftime('%G-W%V', datetime(c.started_at, CASE WHEN c.started_at >= date(substr(c.started_at, 1, 4) || '-03-01', 'weekday 0', '+7 days') || 'T08:00:00.000Z' AND c.started_at < date(substr(c.started_at, 1, 4) || '-11-01', 'weekday 0') || 'T07:00:00.000Z' THEN '-5 hours' ELSE '-6 hours' END)) = report_clocks.week
      AND CASE WHEN c.used_ms < 36000000 THEN (c.used_ms + 180000) / 360000 WHEN c.used_ms < 360000000 THEN ((c.used_ms + 1800000) / 3600000) * 10 ELSE ((c.used_ms + 18000000) / 36000000) * 100 END = report_clocks.bucket
  ) WHERE day = substr(old.created_at, 1, 10);
END;
