import type { DeadlineResult, DeadlineRule } from '../../../domain/deadlines/index.ts';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import type { T } from '../../../platform/i18n/index.ts';
import { ErrorSummary, useLang, useT } from '../../../platform/views/components.tsx';

const basisText = (t: T, b: DeadlineResult['legalBasis']) => `${b.article ? t(b.clause ? 'calendar.citeClause' : 'calendar.cite', { article: b.article, clause: b.clause ?? '' }) : ''}, ${b.law}`;

/** The public legal-deadline calculator: a GET form (works without JavaScript) and its answer. */
export function Calculator(p: { rules: DeadlineRule[]; values: Record<string, string>; errors?: FieldErrors; result?: DeadlineResult & { counted: number; trigger: string; reading?: string; openQuestion?: string } }) {
  const t = useT();
  const en = useLang() === 'en';
  const chosen = p.rules.find((r) => r.id === p.values.rule);
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1>{t('calendar.calcTitle')}</h1>
      <p>{t('calendar.calcIntro')}</p>
      <form method="get" action="/public/deadlines" novalidate>
        <div class={`field${p.errors?.rule ? ' field-error' : ''}`}>
          <label for="f-rule">{t('calendar.rule')}</label>
          {p.errors?.rule && <p class="error-message">{p.errors.rule}</p>}
          <select id="f-rule" name="rule">
            <option value="">—</option>
            {p.rules.map((r) => <option value={r.id} selected={r.id === p.values.rule}>{en ? r.titleEn : r.title} ({r.days} {t(`calendar.unit.${r.unit}`)})</option>)}
          </select>
        </div>
        <div class={`field${p.errors?.start ? ' field-error' : ''}`}>
          <label for="f-start">{t('calendar.start')}</label>
          <div class="hint">{chosen ? chosen.trigger : t('units.asOfHint')}</div>
          {p.errors?.start && <p class="error-message">{p.errors.start}</p>}
          <input id="f-start" name="start" type="text" inputmode="numeric" class="input-short" value={p.values.start ?? ''} />
        </div>
        {chosen && chosen.variants.length > 0 && (
          <div class="field">
            <label for="f-variant">{t('calendar.variant')}</label>
            <select id="f-variant" name="variant">
              <option value="">{t('calendar.variantNone')}</option>
              {chosen.variants.map((v) => <option value={v.id} selected={v.id === p.values.variant}>{v.title} ({v.days} {t(`calendar.unit.${v.unit ?? chosen.unit}`)})</option>)}
            </select>
          </div>
        )}
        <div class="field">
          <label><input type="checkbox" name="remote" value="true" checked={p.values.remote === 'true'} /> {t('calendar.remote')}</label>
        </div>
        <button type="submit">{t('calendar.compute')}</button>
      </form>
      {p.result && (
        <section aria-labelledby="result-title" class="notice">
          <h2 id="result-title">{t('calendar.due')}: {formatDate(p.result.due)}</h2>
          <dl class="summary">
            <dt>{t('calendar.start')}</dt><dd>{formatDate(p.result.start)} — {p.result.trigger}</dd>
            <dt>{t('calendar.length')}</dt><dd>{p.result.days} {t(`calendar.unit.${p.result.unit}`)}{p.result.rolledForward ? ` (${t('calendar.rolled')})` : ''}</dd>
            <dt>{t('calendar.counted')}</dt><dd>{t('calendar.countedText', { n: p.result.counted })}</dd>
            <dt>{t('calendar.basis')}</dt><dd>{basisText(t, p.result.legalBasis)}{p.result.legalBasis.quote && <blockquote>{p.result.legalBasis.quote}</blockquote>}</dd>
            {p.result.reading && <><dt>{t('calendar.reading')}</dt><dd>{p.result.reading}{p.result.openQuestion && <div class="muted">{p.result.openQuestion}</div>}</dd></>}
          </dl>
          <p class="muted">{t('calendar.convention')}</p>
        </section>
      )}
    </>
  );
}
