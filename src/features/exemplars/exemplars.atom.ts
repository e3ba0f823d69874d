import type { T } from '../../platform/i18n/index.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import type { EntryView, Recognition } from './exemplars.repository.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom 1.0 feed of recognised entries for the press (newest recognition first). */
export function atomFeed(o: { base: string; title: string; items: EntryView[]; recognitions: Map<string, Recognition[]>; t: T }): string {
  const updated = o.items.reduce((m, e) => (e.updatedAt > m ? e.updatedAt : m), '1970-01-01T00:00:00.000Z');
  const entries = o.items.map((e) => {
    const url = `${o.base}/showcase/exemplars/${e.id}`;
    const recs = (o.recognitions.get(e.id) ?? []).map((r) => o.t('exemplars.showcase.recognisedBy', { level: o.t(`exemplars.level.${r.level}`), number: r.decisionNumber, date: formatDate(r.decisionOn) })).join('; ');
    const summary = `${[e.village, e.communeName ?? e.unitName].filter(Boolean).join(', ')} · ${o.t(`exemplars.field.${e.field}`)}. ${recs}. ${e.registration.situation}`;
    return `<entry><id>urn:uuid:${e.id}</id><title>${esc(e.name)}</title><link rel="alternate" type="text/html" href="${esc(url)}"/><updated>${e.updatedAt}</updated><published>${(e.recognisedOn ?? e.createdAt.slice(0, 10))}T00:00:00+07:00</published><author><name>${esc(e.unitName)}</name></author><category term="${e.field}" label="${esc(o.t(`exemplars.field.${e.field}`))}"/><summary>${esc(summary)}</summary></entry>`;
  }).join('');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>${esc(o.base)}/showcase/exemplars</id><title>${esc(o.title)}</title><updated>${updated}</updated><link rel="self" href="${esc(o.base)}/showcase/exemplars/feed.atom"/><link rel="alternate" type="text/html" href="${esc(o.base)}/showcase/exemplars"/>${entries}</feed>`;
}
