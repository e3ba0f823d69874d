import type { Feature } from '../platform/http/feature.ts';
import { authFeature } from './auth/index.ts';
import { homeFeature } from './home/index.tsx';
import { unitsFeature } from './units/index.ts';
import { notificationsFeature } from './notifications/index.tsx';
import { adminFeature } from './admin/index.ts';
import { auditFeature } from './audit/index.ts';
import { calendarFeature } from './calendar/index.ts';

/** Every feature, in mount order. */
export const features: Feature[] = [homeFeature, authFeature, unitsFeature, notificationsFeature, adminFeature, auditFeature, calendarFeature];
