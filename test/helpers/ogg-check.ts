import assert from 'node:assert/strict';

/** Ogg's CRC-32 (polynomial 0x04c11db7, no reflection), bit by bit: independent of the table in ogg.ts. */
export function crcBitwise(b: Buffer): number {
  let c = 0;
  for (const x of b) { c ^= x << 24; for (let i = 0; i < 8; i++) c = c & 0x80000000 ? ((c << 1) ^ 0x04c11db7) >>> 0 : (c << 1) >>> 0; }
  return c >>> 0;
}

/** The pages of an Ogg stream, each CRC-checked. */
export function oggPages(ogg: Buffer): { flags: number; granule: bigint; body: Buffer }[] {
  const pages: { flags: number; granule: bigint; body: Buffer }[] = [];
  for (let off = 0; off < ogg.length;) {
    assert.equal(ogg.toString('ascii', off, off + 4), 'OggS', `page at ${off}`);
    const segs = ogg[off + 26];
    const len = [...ogg.subarray(off + 27, off + 27 + segs)].reduce((a, b) => a + b, 0);
    const pageBuf = Buffer.from(ogg.subarray(off, off + 27 + segs + len));
    const crc = pageBuf.readUInt32LE(22);
    pageBuf.writeUInt32LE(0, 22);
    assert.equal(crcBitwise(pageBuf), crc, 'page CRC');
    pages.push({ flags: ogg[off + 5], granule: ogg.readBigUInt64LE(off + 6), body: pageBuf.subarray(27 + segs) });
    off += 27 + segs + len;
  }
  return pages;
}

/** Checks an Ogg FLAC stream (pages, CRCs, headers, frame sync, end granule = STREAMINFO total) and returns its rate and length. */
export function checkOggFlac(ogg: Buffer): { sampleRate: number; samples: number; seconds: number } {
  const pages = oggPages(ogg);
  assert.equal(pages[0].flags, 2, 'beginning of stream');
  assert.equal(pages.at(-1)!.flags, 4, 'end of stream');
  assert.equal(pages[0].body.toString('latin1', 0, 5), '\x7fFLAC');
  assert.equal(pages[0].body.toString('ascii', 9, 13), 'fLaC');
  const info = pages[0].body.subarray(17);
  const sampleRate = (info[10] << 12) | (info[11] << 4) | (info[12] >> 4);
  const samples = info.readUInt32BE(14);
  assert.equal(pages.at(-1)!.granule, BigInt(samples), 'last granule = STREAMINFO total samples');
  assert.equal(pages[1].body[0], 0x84, 'the last metadata block is a VORBIS_COMMENT');
  for (const p of pages.slice(2)) assert.deepEqual([p.body[0], p.body[1]], [0xff, 0xf8], 'FLAC frame sync');
  return { sampleRate, samples, seconds: samples / sampleRate };
}
