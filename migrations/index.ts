import type { Migration } from 'kysely';
import * as foundation from './20261125090000_foundation.ts';
import * as filesNotificationsJobs from './20261125093000_files_notifications_jobs.ts';
import * as calendar from './20261125150000_calendar.ts';
import * as plansTasks from './20261125151000_plans_tasks.ts';
import * as petitions from './20261125152000_petitions.ts';
import * as disclosuresConsultations from './20261125153000_disclosures_consultations.ts';
import * as grassrootsDemocracy from './20261125154000_grassroots_democracy.ts';
import * as exemplars from './20261125155000_exemplars.ts';
import * as reports from './20261125160000_reports.ts';
import * as petitionsMore from './20261126120000_petitions_more.ts';
import * as grassrootsMore from './20261126140000_grassroots_more.ts';
import * as reportsMore from './20261126110000_reports_more.ts';
import * as plansMore from './20261126100000_plans_more.ts';
import * as exemplarsMore from './20261126160000_exemplars_more.ts';
import * as tasksDoneOn from './20261126170000_tasks_done_on.ts';
import * as disclosuresMore from './20261126150000_disclosures_more.ts';
import * as lawFixes from './20261204120000_law_fixes.ts';
import * as inspections from './20261210100000_inspections.ts';
import * as oversightRecords from './20261210110000_oversight_records.ts';
import * as locales from './20261211040000_locales.ts';
import * as audio from './20261211041000_audio.ts';
import * as inspectionsMore from './20261211060000_inspections_more.ts';
import * as lockVersions from './20261212010000_lock_versions.ts';
import * as exportClaims from './20261211010000_export_claims.ts';
import * as petitionProcedure from './20261211030000_petition_procedure.ts';
import * as idempotency from './20261212090000_idempotency.ts';
import * as nationalIndexes from './20261212100000_national_indexes.ts';
import * as petitionDialogue from './20261212090000_petition_dialogue.ts';
import * as conferences from './20261214100000_conferences.ts';

/** All migrations, by timestamped name. Add new files here; never edit a shipped one. */
export const migrations: Record<string, Migration> = {
  '20261125090000_foundation': foundation,
  '20261125093000_files_notifications_jobs': filesNotificationsJobs,
  '20261125150000_calendar': calendar,
  '20261125151000_plans_tasks': plansTasks,
  '20261125152000_petitions': petitions,
  '20261125153000_disclosures_consultations': disclosuresConsultations,
  '20261125154000_grassroots_democracy': grassrootsDemocracy,
  '20261125155000_exemplars': exemplars,
  '20261125160000_reports': reports,
  '20261126100000_plans_more': plansMore,
  '20261126110000_reports_more': reportsMore,
  '20261126120000_petitions_more': petitionsMore,
  '20261126140000_grassroots_more': grassrootsMore,
  '20261126150000_disclosures_more': disclosuresMore,
  '20261126160000_exemplars_more': exemplarsMore,
  '20261126170000_tasks_done_on': tasksDoneOn,
  '20261204120000_law_fixes': lawFixes,
  '20261210100000_inspections': inspections,
  '20261210110000_oversight_records': oversightRecords,
  '20261211040000_locales': locales,
  '20261211041000_audio': audio,
  '20261211060000_inspections_more': inspectionsMore,
  '20261211010000_export_claims': exportClaims,
  '20261211030000_petition_procedure': petitionProcedure,
  '20261212090000_idempotency': idempotency,
  '20261212100000_national_indexes': nationalIndexes,
  '20261212090000_petition_dialogue': petitionDialogue,
  '20261212010000_lock_versions': lockVersions,
  '20261214100000_conferences': conferences,
};
