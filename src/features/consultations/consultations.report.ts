import type { T } from '../../platform/i18n/index.ts';
import { buildDecree30, type Block } from '../../platform/docx/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { matterBasis } from '../../domain/disclosure/catalogue.ts';
import { sectionsOf, type CommentRow, type ConsultationRow, type DialogueRow } from './consultations.repository.ts';

const dmy = (iso: string) => iso.split('-').reverse().join('/');

export interface ReportGroup { key: string | null; title: string; comments: CommentRow[] }

/** Comments grouped by section, in the order of the draft; comments on the whole draft come last. */
export function groupBySection(c: ConsultationRow, comments: CommentRow[], t: T): ReportGroup[] {
  const groups: ReportGroup[] = sectionsOf(c).map((s) => ({ key: s.key, title: s.title, comments: comments.filter((m) => m.section_key === s.key) }));
  const general = comments.filter((m) => !m.section_key || !groups.some((g) => g.key === m.section_key));
  if (general.length) groups.push({ key: null, title: t('consultations.general'), comments: general });
  return groups;
}

/** Who made a comment, as shown in the report (anonymous citizens stay anonymous). */
export const sourceOf = (m: CommentRow, t: T) =>
  m.organization ? `${m.organization}${m.social_critique ? ` (${t('consultations.socialCritique')})` : ''}` : `${m.author_name ?? t('consultations.anonymous')} · ${t(`consultations.channel.${m.channel}`)}`;

/** Totals: received, accepted, partly, rejected. */
export function totals(comments: CommentRow[]) {
  const n = (d: string) => comments.filter((m) => m.decision === d).length;
  return { received: comments.length, accepted: n('accepted'), partly: n('partly'), rejected: n('rejected') };
}

/** The explanation report (báo cáo tiếp thu, giải trình) as a Decree 30 DOCX. */
export async function explanationDocx(c: ConsultationRow, unitName: string, comments: CommentRow[], t: T, dialogues: DialogueRow[] = []): Promise<Buffer> {
  const sum = totals(comments);
  const blocks: Block[] = [
    { kind: 'paragraph', text: t('consultations.report.intro', { title: c.title, basis: matterBasis(c.matter), from: c.opens_on.split('-').reverse().join('/'), to: c.closes_on.split('-').reverse().join('/') }) },
    { kind: 'heading', text: `I. ${t('consultations.report.summary')}` },
    { kind: 'paragraph', text: t('consultations.report.totals', sum) },
    { kind: 'heading', text: `II. ${t('consultations.report.bySection')}` },
  ];
  groupBySection(c, comments, t).forEach((g, i) => {
    blocks.push({ kind: 'subheading', text: `${i + 1}. ${g.title}` });
    if (g.comments.length === 0) blocks.push({ kind: 'paragraph', text: t('consultations.report.noComments'), italic: true });
    else blocks.push({ kind: 'table', head: ['TT', t('consultations.report.source'), t('consultations.report.comment'), t('consultations.report.decision'), t('consultations.report.explanation')], rows: g.comments.map((m, j) => [String(j + 1), sourceOf(m, t), m.text, m.decision ? t(`consultations.decision.${m.decision}`) : '—', m.explanation ?? '']) });
  });
  let n = 3;
  const roman = ['', 'I', 'II', 'III', 'IV', 'V'];
  if (dialogues.length) {
    blocks.push({ kind: 'heading', text: `${roman[n++]}. ${t('consultations.dialogue.title')}` });
    dialogues.forEach((d, i) => {
      blocks.push({ kind: 'subheading', text: `${i + 1}. ${t(`consultations.dialogue.kind.${d.kind}`)} · ${dmy(d.held_on)}${d.place ? ` · ${d.place}` : ''}` });
      if (d.participants) blocks.push({ kind: 'paragraph', text: `${t('consultations.dialogue.participants')}: ${d.participants}` });
      blocks.push({ kind: 'paragraph', text: `${t('consultations.dialogue.affected')}: ${d.affected}` });
      blocks.push({ kind: 'paragraph', text: `${t('consultations.dialogue.opinions')}: ${d.opinions}` });
      if (d.answers) blocks.push({ kind: 'paragraph', text: `${t('consultations.dialogue.answers')}: ${d.answers}` });
    });
  }
  if (c.decision || c.departure_reason) {
    blocks.push({ kind: 'heading', text: `${roman[n++]}. ${t('consultations.report.outcome')}` });
    if (c.decision) blocks.push({ kind: 'paragraph', text: c.decision });
    if (c.departure_reason) blocks.push({ kind: 'paragraph', text: `${t('consultations.departureReason')}: ${c.departure_reason}` });
  }
  return buildDecree30({
    issuer: unitName.startsWith('Ủy ban') ? unitName : `Ủy ban nhân dân ${unitName}`, symbol: 'BC-UBND', place: unitName.replace(/^(Ủy ban nhân dân |UBND )?(xã|phường|đặc khu|Sở) /i, ''),
    date: localToday(), type: 'Báo cáo', summary: `Tiếp thu, giải trình ý kiến về ${c.title}`, blocks,
    signer: { authority: 'TM. Ủy ban nhân dân', position: 'Chủ tịch', name: '' }, recipients: ['Thường trực HĐND', 'Ban Thường trực UBMTTQ Việt Nam', 'Niêm yết công khai'],
  });
}
