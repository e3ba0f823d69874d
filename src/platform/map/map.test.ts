import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { classOf, decodeArcs, projectObject, renderChoropleth, ringsOf, type Topology } from './index.ts';

const square: Topology = {
  type: 'Topology', transform: { scale: [1, 1], translate: [100, 10] },
  arcs: [[[0, 0], [10, 0], [0, 10], [-10, 0], [0, -10]], [[10, 0], [10, 0], [0, 10], [-10, 0]]],
  objects: { shapes: { type: 'GeometryCollection', geometries: [
    { type: 'Polygon', arcs: [[0]], properties: { code: 'A', name: 'Xã A' } },
    { type: 'Polygon', arcs: [[1, ~0]], properties: { code: 'B', name: 'Xã <B>' } },
  ] } },
};

test('decodes delta arcs with the transform and reverses negative arcs', () => {
  const arcs = decodeArcs(square);
  assert.deepEqual(arcs[0][1], [110, 10]);
  assert.deepEqual(arcs[0][2], [110, 20]);
  const rings = ringsOf(square.objects.shapes.geometries[1], arcs);
  assert.equal(rings.length, 1);
  assert.deepEqual(rings[0][0], [110, 10]);
});

test('projects into the box and renders coloured, linked, escaped paths', () => {
  const p = projectObject(square, 'shapes', 200);
  assert.equal(p.features.length, 2);
  assert.ok(p.height > 0);
  const svg = renderChoropleth({ topology: square, object: 'shapes', values: new Map([['A', 3]]), title: 'Bản đồ', href: (c) => `/x?c=${c}&y=1` });
  assert.match(svg, /^<svg /);
  assert.match(svg, /data-code="A" data-count="3"/);
  assert.match(svg, /data-code="B" data-count="0"/);
  assert.match(svg, /Xã &lt;B&gt;: 0/);
  assert.match(svg, /href="\/x\?c=A&amp;y=1"/);
  assert.equal(classOf(0, 5), 0);
  assert.ok(classOf(5, 5) > classOf(1, 5));
});

test("renders all 135 of Gia Lai's communes in an SVG small enough for a cheap phone (speed: bench/)", () => {
  const topo = JSON.parse(fs.readFileSync(new URL('../../data/gia-lai-communes.topo.json', import.meta.url), 'utf8')) as Topology;
  const svg = renderChoropleth({ topology: topo, object: 'communes', values: new Map([['23575', 4]]), title: 'Gia Lai' });
  assert.equal((svg.match(/<path /g) ?? []).length, 135);
  assert.match(svg, /data-code="23575" data-count="4"/);
  assert.ok(svg.length < 300_000, `${svg.length} bytes`);
});
