CREATE TABLE "report_clock_times_day" (
	"day" text NOT NULL,
	"team_id" integer NOT NULL,
	"kind" text NOT NULL,
	"bucket" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "report_clock_times_day_day_team_id_kind_bucket_pk" PRIMARY KEY("day","team_id","kind","bucket")
);
--> statement-breakpoint
CREATE TABLE "report_clock_times_month" (
	"month" text NOT NULL,
	"team_id" integer NOT NULL,
	"kind" text NOT NULL,
	"bucket" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "report_clock_times_month_month_team_id_kind_bucket_pk" PRIMARY KEY("month","team_id","kind","bucket")
);
--> statement-breakpoint
CREATE TABLE "report_clock_weeks" (
	"day" text NOT NULL,
	"team_id" integer NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"week" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "report_clock_weeks_day_team_id_kind_outcome_week_pk" PRIMARY KEY("day","team_id","kind","outcome","week")
);
--> statement-breakpoint
CREATE TABLE "report_day_contacts" (
	"day" text NOT NULL,
	"team_id" integer NOT NULL,
	"owner_team_id" integer NOT NULL,
	"channel" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "report_day_contacts_day_team_id_owner_team_id_channel_pk" PRIMARY KEY("day","team_id","owner_team_id","channel")
);
--> statement-breakpoint
CREATE TABLE "report_day_hours" (
	"team_id" integer NOT NULL,
	"day" text NOT NULL,
	"cps_hour" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "report_day_hours_team_id_day_cps_hour_pk" PRIMARY KEY("team_id","day","cps_hour")
);
