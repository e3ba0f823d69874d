import { formatDate, type T } from '../../platform/i18n/index.ts';
import type { SheetTable } from './oversight.export.ts';
import type { CourseView } from './records.repository.ts';

type Commendation = { recipient_kind: string; recipient_name: string; unitName: string; form: string; level: string; issuer: string; decision_number: string; decision_on: string; reason: string };
type Discipline = { person_name: string; person_position: string; person_category: string; unitName: string; violation: string; legal_basis: string; measure: string; decision_number: string; decision_on: string; decided_by: string };

/** Commendations as a table (list export). */
export const commendationTable = (t: T, rows: Commendation[]): SheetTable => ({
  head: ['records.recipient', 'records.recipientKind', 'records.unit', 'records.form', 'records.level', 'records.issuer', 'records.decisionNumber', 'records.decisionOn', 'records.reason'].map((k) => t(k)),
  rows: rows.map((r) => [r.recipient_name, t(`records.recipient.${r.recipient_kind}`), r.unitName, t(`records.form.${r.form}`), t(`records.level.${r.level}`), r.issuer, r.decision_number, formatDate(r.decision_on), r.reason]),
});

/** Disciplinary cases as a table (list export, signed-in readers only). */
export const disciplineTable = (t: T, rows: Discipline[]): SheetTable => ({
  head: ['records.personName', 'records.personPosition', 'records.personCategory', 'records.unit', 'records.violation', 'records.legalBasis', 'records.measure', 'records.decisionNumber', 'records.decisionOn', 'records.decidedBy'].map((k) => t(k)),
  rows: rows.map((r) => [r.person_name, r.person_position, t(`records.category.${r.person_category}`), r.unitName, r.violation, r.legal_basis, t(`records.measure.${r.measure}`), r.decision_number, formatDate(r.decision_on), r.decided_by]),
});

/** Training courses as a table, one row per participating unit. */
export const trainingTable = (t: T, rows: CourseView[]): SheetTable => ({
  head: ['records.topic', 'records.organiser', 'records.unit', 'records.startsOn', 'records.endsOn', 'records.hours', 'records.participantUnit', 'records.participants'].map((k) => t(k)),
  rows: rows.flatMap((c) => (c.participants.length ? c.participants : [{ unitName: '', participants: 0 }]).map((p) => [c.topic, c.organiser, c.unitName, formatDate(c.startsOn), formatDate(c.endsOn), c.hours, p.unitName, p.participants])),
});
