/** What an uploaded recording really is, read from its bytes (the declared type is not trusted). */
export interface AudioInfo { kind: 'ogg' | 'wav' | 'mp3'; mime: string; durationMs: number }

/** Recognises Ogg (Vorbis, Opus, FLAC), WAV (PCM) and MP3 by content and measures the duration; null otherwise. */
export function audioInfo(buf: Buffer): AudioInfo | null {
  if (buf.length < 64) return null;
  if (buf.toString('ascii', 0, 4) === 'OggS') return ogg(buf);
  if (buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WAVE') return wav(buf);
  return mp3(buf);
}

function ogg(buf: Buffer): AudioInfo | null {
  const segs = buf[26];
  const body = buf.subarray(27 + segs);
  let rate = 0;
  let preSkip = 0;
  if (body.toString('latin1', 0, 7) === '\x01vorbis') rate = body.readUInt32LE(12);
  else if (body.toString('ascii', 0, 8) === 'OpusHead') { rate = 48000; preSkip = body.readUInt16LE(10); }
  else if (body.toString('latin1', 0, 5) === '\x7fFLAC') { const i = body.subarray(17); rate = (i[10] << 12) | (i[11] << 4) | (i[12] >> 4); }
  if (!rate) return null;
  const last = buf.lastIndexOf('OggS');
  if (last < 0 || last + 14 > buf.length) return null;
  const granule = Number(buf.readBigUInt64LE(last + 6));
  return { kind: 'ogg', mime: 'audio/ogg', durationMs: Math.max(0, Math.round(((granule - preSkip) * 1000) / rate)) };
}

function wav(buf: Buffer): AudioInfo | null {
  let off = 12;
  let byteRate = 0;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === 'fmt ' && off + 16 <= buf.length) byteRate = buf.readUInt32LE(off + 16);
    if (id === 'data') return byteRate ? { kind: 'wav', mime: 'audio/wav', durationMs: Math.round((Math.min(size, buf.length - off - 8) * 1000) / byteRate) } : null;
    off += 8 + size + (size % 2);
  }
  return null;
}

const BITRATES = { v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160] };
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** MPEG audio layer III: walks the frames (after any ID3v2 tag), needing at least 10 of them. */
function mp3(buf: Buffer): AudioInfo | null {
  let off = buf.toString('ascii', 0, 3) === 'ID3' ? 10 + ((buf[6] << 21) | (buf[7] << 14) | (buf[8] << 7) | buf[9]) : 0;
  let frames = 0;
  let ms = 0;
  while (off + 4 <= buf.length) {
    const h = buf.readUInt32BE(off);
    if ((h >>> 21) !== 0x7ff) break;
    const version = (h >>> 19) & 3;
    const layer = (h >>> 17) & 3;
    const bi = (h >>> 12) & 15;
    const si = (h >>> 10) & 3;
    if (version === 1 || layer !== 1 || bi === 0 || bi === 15 || si === 3) break;
    const rate = RATES[version][si];
    const kbps = (version === 3 ? BITRATES.v1 : BITRATES.v2)[bi];
    const samples = version === 3 ? 1152 : 576;
    const len = Math.floor(((samples / 8) * kbps * 1000) / rate) + ((h >>> 9) & 1);
    frames++;
    ms += (samples * 1000) / rate;
    off += len;
  }
  return frames >= 10 ? { kind: 'mp3', mime: 'audio/mpeg', durationMs: Math.round(ms) } : null;
}
