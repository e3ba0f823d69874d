/**
 * WAV (16-bit PCM, as espeak-ng writes it) → Ogg FLAC (RFC 9639 FLAC, in Ogg per the "FLAC to Ogg
 * mapping"; RFC 3533 pages). Lossless, needs no native encoder, and plays in common players and
 * browsers; the loudspeaker bulletin is offered as `.ogg`. Fixed predictors of order 0–2 with one
 * Rice partition per block; verbatim when that would not be smaller.
 */

export interface Pcm { sampleRate: number; channels: number; samples: Int16Array }

/** Reads a RIFF/WAVE of 16-bit PCM. espeak-ng streams with placeholder sizes, so `data` runs to the end. */
export function readWav(buf: Buffer): Pcm | null {
  if (buf.length < 44 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') return null;
  let off = 12;
  let fmt: { channels: number; rate: number; bits: number } | null = null;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === 'fmt ') fmt = { channels: buf.readUInt16LE(off + 10), rate: buf.readUInt32LE(off + 12), bits: buf.readUInt16LE(off + 22) };
    if (id === 'data') {
      if (!fmt || fmt.bits !== 16 || buf.readUInt16LE(20) !== 1 || fmt.channels < 1 || fmt.channels > 2) return null;
      const end = Math.min(buf.length, off + 8 + size);
      const n = Math.floor((end - off - 8) / 2);
      const samples = new Int16Array(n);
      for (let i = 0; i < n; i++) samples[i] = buf.readInt16LE(off + 8 + i * 2);
      return { sampleRate: fmt.rate, channels: fmt.channels, samples };
    }
    off += 8 + size + (size % 2);
  }
  return null;
}

class Bits {
  private out: number[] = [];
  private acc = 0;
  private n = 0;
  write(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | (Math.floor(value / 2 ** i) & 1);
      if (++this.n === 8) { this.out.push(this.acc & 0xff); this.acc = 0; this.n = 0; }
    }
  }
  unary(q: number): void { for (let i = 0; i < q; i++) this.write(0, 1); this.write(1, 1); }
  bytes(): number[] { if (this.n) this.write(0, 8 - this.n); return this.out; }
}

const crc8 = (b: number[]) => { let c = 0; for (const x of b) { c ^= x; for (let i = 0; i < 8; i++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff; } return c; };
const crc16 = (b: number[]) => { let c = 0; for (const x of b) { c ^= x << 8; for (let i = 0; i < 8; i++) c = c & 0x8000 ? ((c << 1) ^ 0x8005) & 0xffff : (c << 1) & 0xffff; } return c; };
const OGG_TABLE = Array.from({ length: 256 }, (_, i) => { let r = i << 24; for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1; return r >>> 0; });
export const oggCrc = (b: Uint8Array) => { let c = 0; for (const x of b) c = ((c << 8) ^ OGG_TABLE[((c >>> 24) ^ x) & 0xff]) >>> 0; return c; };

/** UTF-8-style coding of the frame number (FLAC frame header). */
function utf8Number(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  let lead = 0xc0;
  let room = 0x1f;
  while (n > room) { out.unshift(0x80 | (n & 0x3f)); n = Math.floor(n / 64); lead = (lead >> 1) | 0x80; room >>= 1; }
  out.unshift(lead | n);
  return out;
}

const BLOCK = 4096;
const zigzag = (r: number) => (r >= 0 ? 2 * r : -2 * r - 1);

function subframe(w: Bits, s: Int16Array): void {
  let best: { order: number; k: number; cost: number } | null = null;
  for (let order = 0; order <= 2 && order < s.length; order++) {
    let sum = 0;
    for (let i = order; i < s.length; i++) sum += zigzag(residual(s, i, order));
    const mean = sum / Math.max(1, s.length - order);
    const k = Math.min(14, Math.max(0, Math.floor(Math.log2(mean + 1))));
    let cost = order * 16 + 10;
    for (let i = order; i < s.length; i++) cost += (zigzag(residual(s, i, order)) >>> k) + 1 + k;
    if (!best || cost < best.cost) best = { order, k, cost };
  }
  if (!best || best.cost >= s.length * 16) {
    w.write(0b00000010, 8); // verbatim
    for (const x of s) w.write(x & 0xffff, 16);
    return;
  }
  w.write((0b001000 | best.order) << 1, 8); // fixed predictor, no wasted bits
  for (let i = 0; i < best.order; i++) w.write(s[i] & 0xffff, 16);
  w.write(0, 2); // Rice, 4-bit parameter
  w.write(0, 4); // partition order 0
  w.write(best.k, 4);
  for (let i = best.order; i < s.length; i++) { const u = zigzag(residual(s, i, best.order)); w.unary(u >>> best.k); w.write(u & ((1 << best.k) - 1), best.k); }
}
const residual = (s: Int16Array, i: number, order: number) => (order === 0 ? s[i] : order === 1 ? s[i] - s[i - 1] : s[i] - 2 * s[i - 1] + s[i - 2]);

/** One FLAC frame (mono, 16-bit, fixed block size). */
function frame(no: number, s: Int16Array): number[] {
  const head = [0xff, 0xf8, 0x70, 0x08, ...utf8Number(no), ((s.length - 1) >> 8) & 0xff, (s.length - 1) & 0xff];
  head.push(crc8(head));
  const w = new Bits();
  subframe(w, s);
  const all = [...head, ...w.bytes()];
  const c = crc16(all);
  return [...all, c >> 8, c & 0xff];
}

function page(packet: Uint8Array, seq: number, granule: number, flags: number): Buffer {
  const lacing: number[] = [];
  let left = packet.length;
  while (left >= 255) { lacing.push(255); left -= 255; }
  lacing.push(left);
  if (lacing.length > 255) throw new Error('packet too large for one Ogg page');
  const h = Buffer.alloc(27 + lacing.length);
  h.write('OggS', 0, 'ascii');
  h[5] = flags;
  h.writeBigUInt64LE(BigInt(granule), 6);
  h.writeUInt32LE(0x436f736f, 14); // stream serial "Coso"
  h.writeUInt32LE(seq, 18);
  h[26] = lacing.length;
  lacing.forEach((l, i) => { h[27 + i] = l; });
  const p = Buffer.concat([h, packet]);
  p.writeUInt32LE(oggCrc(p), 22);
  return p;
}

/** Encodes mono 16-bit PCM as Ogg FLAC (stereo input is mixed down). */
export function toOggFlac(pcm: Pcm): Buffer {
  let mono = pcm.samples;
  if (pcm.channels === 2) { mono = new Int16Array(pcm.samples.length >> 1); for (let i = 0; i < mono.length; i++) mono[i] = (pcm.samples[2 * i] + pcm.samples[2 * i + 1]) >> 1; }
  const total = mono.length;
  const info = new Bits();
  info.write(BLOCK, 16); info.write(BLOCK, 16); info.write(0, 24); info.write(0, 24);
  info.write(pcm.sampleRate, 20); info.write(0, 3); info.write(15, 5); info.write(total, 36);
  for (let i = 0; i < 16; i++) info.write(0, 8); // MD5 unknown
  const streaminfo = [0x00, 0, 0, 34, ...info.bytes()];
  const first = Uint8Array.from([0x7f, ...Buffer.from('FLAC'), 1, 0, 0, 1, ...Buffer.from('fLaC'), ...streaminfo]);
  const vendor = Buffer.from('Coso');
  const comment = Buffer.alloc(8 + vendor.length);
  comment.writeUInt32LE(vendor.length, 0); vendor.copy(comment, 4); comment.writeUInt32LE(0, 4 + vendor.length);
  const second = Uint8Array.from([0x84, (comment.length >> 16) & 0xff, (comment.length >> 8) & 0xff, comment.length & 0xff, ...comment]);
  const pages = [page(first, 0, 0, 0x02), page(second, 1, 0, 0)];
  const frames = Math.max(1, Math.ceil(total / BLOCK));
  for (let f = 0; f < frames; f++) {
    const s = mono.subarray(f * BLOCK, Math.min(total, (f + 1) * BLOCK));
    // The last block may be shorter than the others (RFC 9639 §8.1); an empty stream gets one silent block.
    pages.push(page(Uint8Array.from(frame(f, s.length ? s : new Int16Array(16))), 2 + f, Math.min(total, (f + 1) * BLOCK), f === frames - 1 ? 0x04 : 0));
  }
  return Buffer.concat(pages);
}
