import { inflateRawSync } from 'node:zlib';

/** The text of word/document.xml inside a DOCX (zip) without a zip library. */
export function documentXml(buf: Buffer): string {
  for (let i = 0; i < buf.length - 30; i++) {
    if (buf.readUInt32LE(i) !== 0x04034b50) continue;
    const method = buf.readUInt16LE(i + 8);
    const size = buf.readUInt32LE(i + 18);
    const nameLen = buf.readUInt16LE(i + 26);
    const extra = buf.readUInt16LE(i + 28);
    const name = buf.subarray(i + 30, i + 30 + nameLen).toString();
    if (name !== 'word/document.xml') continue;
    const data = buf.subarray(i + 30 + nameLen + extra, i + 30 + nameLen + extra + size);
    return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
  }
  throw new Error('no word/document.xml');
}


/** The paragraphs of a DOCX as plain text lines (for tests and previews). */
export function docxParagraphs(buf: Buffer): string[] {
  return documentXml(buf).split('</w:p>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).map((x) => x.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')).filter(Boolean);
}
