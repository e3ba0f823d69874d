import type { Feature } from '../platform/http/feature.ts';
import { authFeature } from './auth/index.ts';
import { homeFeature } from './home/index.tsx';
import { unitsFeature } from './units/index.ts';
import { notificationsFeature } from './notifications/index.tsx';
import { adminFeature } from './admin/index.ts';
import { auditFeature } from './audit/index.ts';
import { calendarFeature } from './calendar/index.ts';
import { plansFeature } from './plans/index.ts';
import { reportsFeature } from './reports/index.ts';
import { petitionsFeature } from './petitions/index.ts';
import { disclosuresFeature } from './disclosures/index.ts';
import { consultationsFeature } from './consultations/index.ts';
import { communityFeature } from './community/index.ts';
import { boardsFeature } from './boards/index.ts';
import { mediationFeature } from './mediation/index.ts';
import { agencyDemocracyFeature } from './agency-democracy/index.ts';
import { exemplarsFeature } from './exemplars/index.ts';
import { supervisionFeature } from './supervision/index.tsx';
import { overviewFeature } from './overview/index.tsx';
import { openDataFeature } from './open-data/index.tsx';
import { oversightRecordsFeature } from './oversight-records/index.ts';
import { inspectionsFeature } from './inspections/index.ts';
import { languagesFeature } from './languages/index.ts';
import { listenFeature } from './listen/index.ts';
import { fieldFeature } from './field/index.ts';
import { conferencesFeature } from './conferences/index.ts';

/** Every feature, in mount order. */
export const features: Feature[] = [
  homeFeature, authFeature, unitsFeature, notificationsFeature, adminFeature, auditFeature, calendarFeature,
  plansFeature, reportsFeature, petitionsFeature, disclosuresFeature, consultationsFeature,
  communityFeature, conferencesFeature, boardsFeature, mediationFeature, agencyDemocracyFeature, exemplarsFeature, supervisionFeature, overviewFeature, openDataFeature,
  oversightRecordsFeature, inspectionsFeature, languagesFeature, listenFeature, fieldFeature,
];
