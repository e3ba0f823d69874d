import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import type { Db, Trx } from '../db/index.ts';
import { nowIso } from '../db/index.ts';
import { fail, notFound, ok, type Result } from '../http/errors.ts';

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'jpg' | 'png';
export const FILE_KINDS: FileKind[] = ['pdf', 'docx', 'xlsx', 'jpg', 'png'];
/** Default upload limit: 10 MB per file. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

/** Recognises a file by its content (magic bytes and, for Office files, the ZIP entries), never by its name. */
export function sniffKind(buf: Uint8Array): FileKind | null {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    const names = b.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

export interface StoredFile { id: string; name: string; mime: string; kind: FileKind; size: number; sha256: string }
export type UploadError = 'empty' | 'too_large' | 'bad_type';

/** Message keys for upload errors (platform i18n). */
export const UPLOAD_ERROR_KEYS: Record<UploadError, string> = { empty: 'files.error.empty', too_large: 'files.error.tooLarge', bad_type: 'files.error.badType' };

/** A safe display name: no path, no control characters, at most 200 characters. */
function safeName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"<>]/g, '').trim();
  return (base || 'tep').slice(0, 200);
}

/**
 * Checks an upload by content and size, writes it under DATA_DIR/files and records it in the
 * caller's transaction. Nothing is stored when the check fails. The caller audits its own change.
 */
export async function storeUpload(trx: Trx, opts: { dataDir: string; userId: string | null; file: File; maxBytes?: number; allowed?: FileKind[] }): Promise<Result<StoredFile, UploadError>> {
  const { file } = opts;
  if (!file || file.size === 0) return fail('empty');
  if (file.size > (opts.maxBytes ?? MAX_UPLOAD_BYTES)) return fail('too_large');
  const buf = new Uint8Array(await file.arrayBuffer());
  const kind = sniffKind(buf);
  if (!kind || !(opts.allowed ?? FILE_KINDS).includes(kind)) return fail('bad_type');
  const id = randomUUID();
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const rel = path.join('files', id.slice(0, 2), id);
  const abs = path.join(opts.dataDir, rel);
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, buf, { mode: 0o600 });
  const stored: StoredFile = { id, name: safeName(file.name), mime: MIME[kind], kind, size: buf.byteLength, sha256 };
  try {
    await trx.insertInto('files').values({ ...stored, path: rel, uploaded_by: opts.userId, created_at: nowIso() }).execute();
  } catch (e) {
    await unlink(abs).catch(() => {});
    throw e;
  }
  return ok(stored);
}

/** File metadata by id. */
export function getFile(db: Db | Trx, id: string) {
  return db.selectFrom('files').select(['id', 'name', 'mime', 'kind', 'size', 'sha256', 'path', 'created_at']).where('id', '=', id).executeTakeFirst();
}

/**
 * Sends a stored file as a download: its sniffed type, `attachment` disposition, nosniff and a
 * sandboxing CSP, so nothing uploaded is ever rendered inline as a page. Authorisation is the caller's job.
 */
export async function sendFile(c: Context, db: Db, dataDir: string, id: string): Promise<Response> {
  const f = await getFile(db, id);
  if (!f) throw notFound();
  const data = await readFile(path.join(dataDir, f.path)).catch(() => null);
  if (!data) throw notFound();
  return c.body(data, 200, {
    'Content-Type': f.mime,
    'Content-Disposition': `attachment; filename="${f.name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  });
}
