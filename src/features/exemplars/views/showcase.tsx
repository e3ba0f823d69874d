import { formatDate } from '../../../platform/i18n/index.ts';
import { legend } from '../../../platform/map/index.ts';
import { useT } from '../../../platform/views/components.tsx';
import { FIELDS } from '../../../domain/exemplars/forms.ts';
import type { EntryView, Recognition, Commendation } from '../exemplars.repository.ts';
import { FilterSelect, yearOptions } from './list.tsx';

type Opt = [string, string];
export interface GalleryProps { items: EntryView[]; recognitions: Map<string, Recognition[]>; values: Record<string, string>; communes: Opt[]; map: MapImage; max: number; total: number; page: number; hasNext: boolean; currentYear: number; communeName?: string }

/** The map as an image URL with its box, and the communes that have entries (the links the map stands for). */
export interface MapImage { src: string; width: number; height: number; places: { name: string; n: number; href: string }[] }

/** Map (a separate cacheable SVG image), the communes with entries as links, legend and the attribution the data licence asks for. */
export function MapFigure({ map, max }: { map: MapImage; max: number }) {
  const t = useT();
  return (
    <div>
      <div class="dvk-map"><img src={map.src} width={map.width} height={map.height} alt={t('exemplars.showcase.mapAlt')} /></div>
      <p class="hint">{t('exemplars.showcase.mapHint')}</p>
      {map.places.length > 0 && <ul>{map.places.map((p) => <li><a href={p.href}>{p.name}</a> ({p.n})</li>)}</ul>}
      <p><strong>{t('exemplars.showcase.legend')}:</strong></p>
      <p class="actions">
        {legend(max).map((l) => <span><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="15" height="15" fill={l.color} stroke="#505a5f" /></svg> {l.label}</span>)}
      </p>
      <p class="muted">{t('exemplars.showcase.attribution')}</p>
    </div>
  );
}

/** A story card: name, place, field, recognitions. */
function Card({ e, recs }: { e: EntryView; recs: Recognition[] }) {
  const t = useT();
  return (
    <li>
      <h3><a href={`/showcase/exemplars/${e.id}`}>{e.name}</a></h3>
      <p class="muted">{t(`exemplars.kind.${e.kind}`)} · {t(`exemplars.subject.${e.subject}`)} · {t(`exemplars.field.${e.field}`)}</p>
      <p>{[e.village, e.communeName ?? e.unitName].filter(Boolean).join(', ')}</p>
      <p class="actions">{recs.map((r) => <span class="tag green">{t(`exemplars.level.${r.level}`)} {r.year}</span>)}</p>
    </li>
  );
}

/** The public gallery: filters (GET), the commune map, cards, pagination, feed link. */
export function Gallery(p: GalleryProps) {
  const t = useT();
  const qs = (extra: Record<string, string>) => '?' + new URLSearchParams(Object.fromEntries(Object.entries({ ...p.values, ...extra }).filter(([, v]) => v))).toString();
  return (
    <>
      <h1>{t('exemplars.showcase.title')}</h1>
      <p>{t('exemplars.showcase.intro')}</p>
      <form method="get" action="/showcase/exemplars" class="filters" role="search">
        <FilterSelect name="field" label={t('exemplars.fieldLabel')} value={p.values.field} options={[['', t('exemplars.allFields')], ...FIELDS.map((f): Opt => [f, t(`exemplars.field.${f}`)])]} />
        <FilterSelect name="communeCode" label={t('exemplars.communeCode')} value={p.values.communeCode} options={[['', t('exemplars.allCommunes')], ...p.communes]} />
        <FilterSelect name="year" label={t('exemplars.year')} value={p.values.year} options={yearOptions(p.currentYear, t('exemplars.allYears'))} />
        <button type="submit">{t('exemplars.showcase.filter')}</button>
      </form>
      {p.communeName && <p>{t('exemplars.showcase.filterApplied', { name: p.communeName })} · <a href={`/showcase/exemplars${qs({ communeCode: '', page: '' })}`.replace(/\?$/, '')}>{t('exemplars.showcase.clear')}</a></p>}
      <h2>{t('exemplars.showcase.map')}</h2>
      <MapFigure map={p.map} max={p.max} />
      <h2>{t('exemplars.showcase.count', { n: p.total })}</h2>
      {p.items.length === 0 ? <p>{t('exemplars.showcase.empty')}</p> : <ul class="cards">{p.items.map((e) => <Card e={e} recs={p.recognitions.get(e.id) ?? []} />)}</ul>}
      <nav class="pagination" aria-label={t('nav.pagination')}>
        {p.page > 1 && <a href={qs({ page: String(p.page - 1) })} rel="prev">← {t('nav.prev')}</a>}
        {p.hasNext && <a href={qs({ page: String(p.page + 1) })} rel="next">{t('nav.next')} →</a>}
      </nav>
      <p><a href="/showcase/exemplars/feed.atom" type="application/atom+xml">{t('exemplars.showcase.feed')}</a></p>
    </>
  );
}

/** One entry's public story: problem → actions → results, photos, recognitions, press, share links. Only public fields. */
export function Story({ e, recs, coms, photos, url }: { e: EntryView; recs: Recognition[]; coms: Commendation[]; photos: { id: string; name: string }[]; url: string }) {
  const t = useT();
  const enc = encodeURIComponent(url);
  return (
    <article>
      <p><a href="/showcase/exemplars">← {t('exemplars.showcase.back')}</a></p>
      <h1>{e.name}</h1>
      <p class="muted">{t(`exemplars.kind.${e.kind}`)} · {t(`exemplars.subject.${e.subject}`)}{e.personName && ` · ${e.personName}`} · {t(`exemplars.field.${e.field}`)}</p>
      <dl class="summary">
        <dt>{t('exemplars.unit')}</dt><dd>{e.unitName}</dd>
        <dt>{t('exemplars.showcase.place')}</dt><dd>{[e.village, e.communeName].filter(Boolean).join(', ') || '—'}</dd>
        <dt>{t('exemplars.recognitions')}</dt><dd><ul>{recs.map((r) => <li>{t('exemplars.showcase.recognisedBy', { level: t(`exemplars.level.${r.level}`), number: r.decisionNumber, date: formatDate(r.decisionOn) })}</li>)}</ul></dd>
        {coms.length > 0 && <><dt>{t('exemplars.commendations')}</dt><dd>{coms.map((c) => <div>{t(`exemplars.commendForm.${c.form}`)} · {c.issuer}</div>)}</dd></>}
      </dl>
      <h2>{t('exemplars.showcase.problem')}</h2><p>{e.registration.situation}</p>
      <h2>{t('exemplars.showcase.actions')}</h2><p>{e.registration.content}</p><p>{e.registration.forces}</p>
      <h2>{t('exemplars.showcase.results')}</h2><p>{e.resultsReport ?? e.registration.outputs}</p>
      {photos.length > 0 && <><h2>{t('exemplars.showcase.photos')}</h2><div class="cards">{photos.map((ph) => <img src={`/showcase/exemplars/${e.id}/photos/${ph.id}`} alt={ph.name} width="100%" loading="lazy" />)}</div></>}
      {e.pressLinks.length > 0 && <><h2>{t('exemplars.showcase.press')}</h2><ul>{e.pressLinks.map((l) => <li><a href={l.url} rel="noopener noreferrer">{l.outlet}</a></li>)}</ul></>}
      <h2>{t('exemplars.showcase.share')}</h2>
      <p class="actions">
        <a href={`https://www.facebook.com/sharer/sharer.php?u=${enc}`} rel="noopener noreferrer">Facebook</a>
        <a href={`https://zalo.me/share?url=${enc}`} rel="noopener noreferrer">Zalo</a>
        <a href={`mailto:?subject=${encodeURIComponent(e.name)}&body=${enc}`}>E-mail</a>
      </p>
      <div class="field"><label for="share-url">{t('exemplars.showcase.copyLink')}</label><input id="share-url" type="text" readonly value={url} /></div>
    </article>
  );
}
