/**
 * TopoJSON → a light server-side SVG (no JavaScript needed): arcs decoded with the topology's
 * transform, projected equirectangularly with cos(latitude) correction, fitted to a box. Pure and
 * reusable: any feature passes a topology, an object name, values per feature code and links.
 */

export interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, { type: 'GeometryCollection'; geometries: Geometry[] }>;
}
export interface Geometry { type: 'Polygon' | 'MultiPolygon' | string; arcs?: number[][] | number[][][]; properties?: Record<string, string> }

/** Decodes delta-encoded, quantised arcs into absolute [lon, lat] points. */
export function decodeArcs(topo: Topology): [number, number][][] {
  const t = topo.transform;
  return topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      if (!t) return [dx, dy] as [number, number];
      x += dx; y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as [number, number];
    });
  });
}

/** The rings of a polygon geometry as point lists (negative arc index = reversed arc ~i). */
export function ringsOf(g: Geometry, arcs: [number, number][][]): [number, number][][] {
  const polys = (g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : []) as number[][][];
  const rings: [number, number][][] = [];
  for (const poly of polys ?? []) for (const ring of poly) {
    const pts: [number, number][] = [];
    for (const i of ring) {
      const a = i >= 0 ? arcs[i] : [...arcs[~i]].reverse();
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    rings.push(pts);
  }
  return rings;
}

export interface MapFeature { code: string; name: string; d: string; cx: number; cy: number }

/**
 * Douglas–Peucker on one line: keeps the end points and every point farther than `tol` from the
 * chord of its stretch. `kx` scales x (the cos(latitude) correction) so that `tol` is isotropic.
 */
export function simplifyLine(pts: [number, number][], tol: number, kx = 1): [number, number][] {
  if (pts.length < 3 || tol <= 0) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ax = pts[a][0] * kx, ay = pts[a][1], bx = pts[b][0] * kx, by = pts[b][1];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let far = -1, best = tol;
    for (let i = a + 1; i < b; i++) {
      const px = pts[i][0] * kx, py = pts[i][1];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > best) { best = d; far = i; }
    }
    if (far > 0) { keep[far] = 1; stack.push([a, far], [far, b]); }
  }
  return pts.filter((_, i) => keep[i]);
}

/**
 * Projects an object's geometries into SVG paths fitted to width (height follows the shape).
 * Arcs are simplified before the rings are assembled (`tolerancePx`, default 0.75 px), so that
 * neighbours still share exactly the same border and no gaps open between communes.
 */
export function projectObject(topo: Topology, object: string, width: number, pad = 4, tolerancePx = 0.75): { features: MapFeature[]; width: number; height: number } {
  const raw = decodeArcs(topo);
  const geoms = topo.objects[object]?.geometries ?? [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const g of geoms) for (const r of ringsOf(g, raw)) for (const [x, y] of r) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const s = (width - 2 * pad) / ((maxX - minX) * k || 1);
  const arcs = raw.map((a) => simplifyLine(a, tolerancePx / s, k));
  const all = geoms.map((g) => ringsOf(g, arcs));
  const height = Math.ceil((maxY - minY) * s + 2 * pad);
  const px = (x: number) => Math.round(pad + (x - minX) * k * s);
  const py = (y: number) => Math.round(pad + (maxY - y) * s);
  const features = geoms.map((g, i) => {
    let sx = 0, sy = 0, n = 0;
    // Relative moves on a whole-pixel grid, repeated points dropped: a light path for slow networks.
    const d = all[i].map((r) => {
      let lx = NaN, ly = NaN;
      const parts: string[] = [];
      for (const [x, y] of r) {
        const X = px(x), Y = py(y);
        sx += X; sy += Y; n++;
        if (X === lx && Y === ly) continue;
        parts.push(parts.length === 0 ? `M${X} ${Y}l` : `${X - lx} ${Y - ly}`);
        lx = X; ly = Y;
      }
      return parts.length < 3 ? '' : `${parts[0]}${parts.slice(1).join(' ').replace(/ -/g, '-')}z`;
    }).join('');
    return { code: g.properties?.code ?? String(i), name: g.properties?.name ?? '', d, cx: n ? +(sx / n).toFixed(1) : 0, cy: n ? +(sy / n).toFixed(1) : 0 };
  });
  return { features, width, height };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Sequential colour scale (light → dark red), readable in greyscale; index 0 = no value. */
export const PALETTE = ['#f3f2f1', '#fde0c5', '#f8b07a', '#e8743b', '#b83a1b', '#7a1a0b'];

/** Class breaks for counts: 0, 1, 2–3, 4–6, 7–10, >10 (or scaled to the maximum when larger). */
export function classOf(n: number, max: number): number {
  if (n <= 0) return 0;
  const breaks = max > 20 ? [0, max * 0.1, max * 0.25, max * 0.5, max * 0.75] : [0, 1, 3, 6, 10];
  let c = 1;
  for (let i = 1; i < breaks.length; i++) if (n > breaks[i]) c = i + 1;
  return Math.min(c, PALETTE.length - 1);
}

export interface ChoroplethOptions {
  topology: Topology;
  object: string;
  values: Map<string, number>;
  width?: number;
  /** Link per feature code (e.g. the gallery filtered by commune); none when undefined. */
  href?: (code: string) => string | undefined;
  /** Tooltip / accessible name per feature. */
  label?: (name: string, n: number) => string;
  title: string;
  selected?: string;
}

/** A choropleth SVG string: one path per feature coloured by its value, each with a <title> and an optional link. */
export function renderChoropleth(o: ChoroplethOptions): string {
  const { features, width, height } = projectObject(o.topology, o.object, o.width ?? 640);
  const max = Math.max(0, ...o.values.values());
  const label = o.label ?? ((name, n) => `${name}: ${n}`);
  const body = features.map((f) => {
    const n = o.values.get(f.code) ?? 0;
    const sel = o.selected === f.code;
    const path = `<path d="${f.d}" fill="${PALETTE[classOf(n, max)]}" stroke="${sel ? '#0b0c0c' : '#ffffff'}" stroke-width="${sel ? 2 : 0.6}" data-code="${esc(f.code)}" data-count="${n}"><title>${esc(label(f.name, n))}</title></path>`;
    const href = o.href?.(f.code);
    return href ? `<a href="${esc(href)}" aria-label="${esc(label(f.name, n))}">${path}</a>` : path;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="map-title" preserveAspectRatio="xMidYMid meet"><title id="map-title">${esc(o.title)}</title>${body}</svg>`;
}

/** Legend entries (colour, label) for the class breaks used with this maximum. */
export function legend(max: number): { color: string; label: string }[] {
  if (max > 20) {
    const b = [0, max * 0.1, max * 0.25, max * 0.5, max * 0.75, max].map((x) => Math.floor(x));
    return PALETTE.map((color, i) => ({ color, label: i === 0 ? '0' : `${b[i - 1] + 1}–${b[i]}` }));
  }
  return [['0'], ['1'], ['2–3'], ['4–6'], ['7–10'], ['> 10']].map(([label], i) => ({ color: PALETTE[i], label }));
}
