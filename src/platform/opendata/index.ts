import type { Db } from '../db/index.ts';

/**
 * Open data: what the law makes public, as machine-readable datasets. Each feature registers the
 * datasets it owns (like report indicators and work sources); the open-data pages list and serve
 * them. A dataset returns only what is already public (posted, published, closed, aggregate
 * counts) — never a sealed identity, a draft or an unpublished item.
 */
export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'boolean';
export interface Column { name: string; type: ColumnType; description: string; descriptionEn: string }
export type Row = Record<string, string | number | boolean | null>;

export interface Dataset {
  /** URL-safe id, e.g. 'disclosures'. */
  id: string;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  /** The law or plan item that makes it public. */
  legalBasis: string;
  legalBasisEn: string;
  /** Licence id and URL (a province setting may change it later). */
  licence: { id: string; url: string; attribution?: string; attributionEn?: string };
  /** Who keeps it (the owning feature's publisher). */
  publisher: string;
  publisherEn: string;
  columns: Column[];
  /** Rows in a stable order, `limit` from `offset`. */
  rows(db: Db, page: { limit: number; offset: number }): Promise<Row[]>;
  /** Last change of the data (YYYY-MM-DD or ISO), or null when empty. */
  updated(db: Db): Promise<string | null>;
}

/** The default licence of Coso's open data: attribution only. */
export const OPEN_LICENCE = { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

const registry = new Map<string, Dataset>();

export function registerDataset(d: Dataset): void {
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(d.id)) throw new Error(`bad dataset id ${d.id}`);
  registry.set(d.id, d);
}

export function listDatasets(): Dataset[] {
  return [...registry.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function getDataset(id: string): Dataset | undefined {
  return registry.get(id);
}
