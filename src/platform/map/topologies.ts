import { readFileSync } from 'node:fs';
import type { Topology } from './index.ts';

/**
 * Commune boundaries shipped with the product, by province code (src/data/SOURCES.md: MIT,
 * thanglequoc/vietnamese-provinces-database). Only Gia Lai (52) for now; other provinces get
 * tables without a map. Read once, on first use.
 */
const FILES: Record<string, string> = { '52': '../../data/gia-lai-communes.topo.json' };
const cache = new Map<string, Topology>();

export function communeTopology(provinceCode: string | null | undefined): Topology | null {
  const file = provinceCode ? FILES[provinceCode] : undefined;
  if (!file) return null;
  let topo = cache.get(provinceCode!);
  if (!topo) cache.set(provinceCode!, (topo = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Topology));
  return topo;
}
