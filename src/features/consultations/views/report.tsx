import type { T } from '../../../platform/i18n/index.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { matterBasis } from '../../../domain/disclosure/catalogue.ts';
import type { CommentRow, ConsultationRow, DialogueRow } from '../consultations.repository.ts';
import { groupBySection, sourceOf, totals } from '../consultations.report.ts';

/** The explanation report (báo cáo tiếp thu, giải trình) as a page: comments grouped by section, each with its disposition. */
/** Art. 27 records as a list: kind and date, participants, who is affected, their opinions, the answers. */
export function DialogueList({ rows, t }: { rows: DialogueRow[]; t: T }) {
  return (
    <ol>{rows.map((d) => (
      <li class="comment">
        <p class="muted">{t(`consultations.dialogue.kind.${d.kind}`)} · {formatDate(d.held_on)}{d.place && <> · {d.place}</>}</p>
        {d.participants && <p>{t('consultations.dialogue.participants')}: {d.participants}</p>}
        <p>{t('consultations.dialogue.affected')}: {d.affected}</p>
        <blockquote>{d.opinions}</blockquote>
        {d.answers && <p>{t('consultations.dialogue.answers')}: {d.answers}</p>}
      </li>
    ))}</ol>
  );
}

export function ReportView({ c, unitName, comments, t, dialogues = [] }: { c: ConsultationRow; unitName: string; comments: CommentRow[]; t: T; dialogues?: DialogueRow[] }) {
  const sum = totals(comments);
  return (
    <article>
      <p class="caption">{unitName}</p>
      <h1>{t('consultations.report.title')}</h1>
      <p>{t('consultations.report.intro', { title: c.title, basis: matterBasis(c.matter), from: formatDate(c.opens_on), to: formatDate(c.closes_on) })}</p>
      <p>{t('consultations.report.totals', sum)}</p>
      {groupBySection(c, comments, t).map((g, i) => (
        <section class="report-section">
          <h2>{i + 1}. {g.title}</h2>
          {g.comments.length === 0 && <p class="muted">{t('consultations.report.noComments')}</p>}
          <ol>{g.comments.map((m) => (
            <li class="comment">
              <p class="muted">{sourceOf(m, t)} · {formatDate(m.received_on)}</p>
              <blockquote>{m.text}</blockquote>
              <p><strong class={`tag ${m.decision === 'rejected' ? 'red' : m.decision ? 'green' : 'grey'}`}>{m.decision ? t(`consultations.decision.${m.decision}`) : t('consultations.undisposed')}</strong> {m.explanation}</p>
            </li>
          ))}</ol>
        </section>
      ))}
      {dialogues.length > 0 && (
        <section class="report-section" id="dialogues">
          <h2>{t('consultations.dialogue.title')}</h2>
          <DialogueList rows={dialogues} t={t} />
        </section>
      )}
      {c.decision && <><h2>{t('consultations.report.outcome')}</h2><p>{c.decision}</p></>}
      {c.departure_reason && <p><strong>{t('consultations.departureReason')}:</strong> {c.departure_reason}</p>}
    </article>
  );
}
