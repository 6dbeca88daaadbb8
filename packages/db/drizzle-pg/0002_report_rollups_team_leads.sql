CREATE TABLE "report_clocks" (
	"day" text NOT NULL,
	"team_id" integer NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"week" text NOT NULL,
	"bucket" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "report_clocks_day_team_id_kind_outcome_week_bucket_pk" PRIMARY KEY("day","team_id","kind","outcome","week","bucket")
);
--> statement-breakpoint
CREATE TABLE "report_contacts" (
	"day" text NOT NULL,
	"hour" integer NOT NULL,
	"team_id" integer NOT NULL,
	"owner_team_id" integer NOT NULL,
	"channel" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "report_contacts_day_hour_team_id_owner_team_id_channel_pk" PRIMARY KEY("day","hour","team_id","owner_team_id","channel")
);
--> statement-breakpoint
CREATE TABLE "report_incident_teams" (
	"incident_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "report_incident_teams_incident_id_team_id_pk" PRIMARY KEY("incident_id","team_id")
);
--> statement-breakpoint
-- team_leads had a one-column key (PostgreSQL names it team_leads_pkey): a team may now have several leads.
ALTER TABLE "team_leads" DROP CONSTRAINT "team_leads_pkey";--> statement-breakpoint
ALTER TABLE "team_leads" ADD CONSTRAINT "team_leads_team_id_user_id_pk" PRIMARY KEY("team_id","user_id");--> statement-breakpoint
CREATE INDEX "report_incident_teams_created_idx" ON "report_incident_teams" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "report_incident_teams_team_idx" ON "report_incident_teams" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "incidents_created_idx" ON "incidents" USING btree ("created_at");