import type { DisclosureRow } from '../disclosures.repository.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom 1.0 feed (RFC 4287) of a unit's notice board. */
export function atomFeed(base: string, unit: { id: string; fullName: string }, rows: DisclosureRow[]): string {
  const updated = rows[0]?.updated_at ?? new Date(0).toISOString();
  const entries = rows.map((d) => `<entry><id>urn:uuid:${d.id}</id><title>${esc(d.title)}</title><link href="${esc(`${base}/board/d/${d.id}`)}"/><updated>${d.updated_at}</updated><published>${d.posted_on}T00:00:00+07:00</published><summary>${esc(`${d.item_code} · ${d.posted_on}${d.posted_until ? ` – ${d.posted_until}` : ''}`)}</summary></entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:${unit.id}</id><title>${esc(`Công khai – ${unit.fullName}`)}</title><link rel="self" href="${esc(`${base}/board/${unit.id}/feed.atom`)}"/><updated>${updated}</updated><author><name>${esc(unit.fullName)}</name></author>${entries.join('')}</feed>\n`;
}
