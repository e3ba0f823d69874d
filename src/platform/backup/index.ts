/**
 * Backup and restore (issue 17 item 7): one gzip file holding a consistent snapshot of the database
 * (SQLite online backup; `pg_dump` of an exported snapshot on PostgreSQL) and every uploaded file
 * the snapshot refers to, each with its SHA-256. Restore only goes into an empty DATA_DIR and an
 * empty database, and checks every hash.
 *
 * File layout (after gunzip): the line `COSO-BACKUP 1`, then per entry one JSON line
 * `{"name","size","sha256"}` followed by exactly `size` bytes and a newline. The first entry is
 * `manifest.json`, the second the database (`db/coso.sqlite` or `db/coso.pgdump`), then `files/…`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGzip, gunzipSync } from 'node:zlib';
import pg from 'pg';
import SqliteDatabase from 'better-sqlite3';
import { nowIso } from '../clock.ts';

const MAGIC = 'COSO-BACKUP 1\n';
export interface Manifest { format: 'coso-backup'; version: 1; dialect: 'sqlite' | 'postgres'; createdAt: string; files: number }
export interface Entry { name: string; size: number; sha256: string }
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A PostgreSQL tool (pg_dump, pg_restore): from PATH, else the newest /usr/lib/postgresql/N/bin. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0) return name;
  const base = '/usr/lib/postgresql';
  const v = fs.existsSync(base) ? fs.readdirSync(base).filter((d) => fs.existsSync(path.join(base, d, 'bin', name))).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!v) throw new Error(`${name} không có trên máy này (cài gói postgresql-client)`);
  return path.join(base, v, 'bin', name);
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} (${code}): ${err.trim()}`))));
  });
}

/** Snapshot of a SQLite file through the online backup API, and the uploaded files it refers to. */
async function snapshotSqlite(file: string, tmp: string): Promise<{ dbFile: string; files: { path: string; sha256: string }[] }> {
  const src = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  const dbFile = path.join(tmp, 'coso.sqlite');
  try { await src.backup(dbFile); } finally { src.close(); }
  const snap = new SqliteDatabase(dbFile, { readonly: true });
  try { return { dbFile, files: snap.prepare('SELECT path, sha256 FROM files ORDER BY path').all() as { path: string; sha256: string }[] }; } finally { snap.close(); }
}

/** `pg_dump` of one exported snapshot; the file list is read in that same snapshot. */
async function snapshotPg(url: string, tmp: string): Promise<{ dbFile: string; files: { path: string; sha256: string }[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const dbFile = path.join(tmp, 'coso.pgdump');
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snap = (await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0].s;
    const files = (await client.query<{ path: string; sha256: string }>('SELECT path, sha256 FROM files ORDER BY path')).rows;
    await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snap}`, `--file=${dbFile}`, url]);
    await client.query('COMMIT');
    return { dbFile, files };
  } finally {
    await client.end();
  }
}

/** Writes the backup of the database and DATA_DIR/files to `out`; returns what it holds. */
export async function writeBackup(opts: { dialect: 'sqlite' | 'postgres'; sqliteFile?: string; databaseUrl?: string; dataDir: string; out: string }): Promise<{ entries: Entry[]; manifest: Manifest }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-backup-'));
  try {
    const snap = opts.dialect === 'sqlite' ? await snapshotSqlite(opts.sqliteFile!, tmp) : await snapshotPg(opts.databaseUrl!, tmp);
    const manifest: Manifest = { format: 'coso-backup', version: 1, dialect: opts.dialect, createdAt: nowIso(), files: snap.files.length };
    const gz = createGzip();
    const partial = `${opts.out}.partial`;
    const sink = gz.pipe(fs.createWriteStream(partial, { mode: 0o600 }));
    const done = new Promise<void>((resolve, reject) => { sink.on('finish', resolve); sink.on('error', reject); gz.on('error', reject); });
    const entries: Entry[] = [];
    const put = async (name: string, buf: Buffer) => {
      const e = { name, size: buf.length, sha256: sha(buf) };
      entries.push(e);
      if (!gz.write(`${JSON.stringify(e)}\n`)) await new Promise((r) => gz.once('drain', r));
      if (!gz.write(buf)) await new Promise((r) => gz.once('drain', r));
      gz.write('\n');
    };
    gz.write(MAGIC);
    await put('manifest.json', Buffer.from(JSON.stringify(manifest)));
    await put(`db/${path.basename(snap.dbFile)}`, fs.readFileSync(snap.dbFile));
    for (const f of snap.files) {
      const buf = fs.readFileSync(path.join(opts.dataDir, f.path));
      if (sha(buf) !== f.sha256) throw new Error(`tệp ${f.path} không khớp mã băm đã ghi (hỏng hoặc bị sửa)`);
      await put(f.path.split(path.sep).join('/'), buf);
    }
    gz.end();
    await done;
    fs.renameSync(partial, opts.out);
    return { entries, manifest };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Reads and checks a backup file: every entry's size and SHA-256. */
export function readBackup(file: string): { manifest: Manifest; entries: (Entry & { data: Buffer })[] } {
  const raw = gunzipSync(fs.readFileSync(file));
  if (raw.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('không phải tệp sao lưu Coso');
  const entries: (Entry & { data: Buffer })[] = [];
  let at = MAGIC.length;
  while (at < raw.length) {
    const nl = raw.indexOf(0x0a, at);
    const e = JSON.parse(raw.subarray(at, nl).toString()) as Entry;
    const data = raw.subarray(nl + 1, nl + 1 + e.size);
    if (data.length !== e.size || sha(data) !== e.sha256) throw new Error(`tệp sao lưu hỏng ở mục ${e.name}`);
    if (e.name.split('/').includes('..') || path.isAbsolute(e.name)) throw new Error(`tên mục không hợp lệ: ${e.name}`);
    entries.push({ ...e, data });
    at = nl + 1 + e.size + 1;
  }
  const manifest = JSON.parse(entries[0]?.data.toString() ?? '{}') as Manifest;
  if (manifest.format !== 'coso-backup' || manifest.version !== 1) throw new Error('phiên bản tệp sao lưu không được hỗ trợ');
  return { manifest, entries };
}

/** True when the PostgreSQL database has no tables of ours (nothing to overwrite). */
async function pgEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'");
    return Number(r.rows[0].n) === 0;
  } finally { await client.end(); }
}

/** Restores a backup into an empty DATA_DIR and an empty database (SQLite file, or the PostgreSQL at `databaseUrl`). */
export async function restoreBackup(opts: { file: string; dataDir: string; databaseUrl?: string }): Promise<{ manifest: Manifest; files: number }> {
  const { manifest, entries } = readBackup(opts.file);
  const target = opts.databaseUrl ? 'postgres' : 'sqlite';
  if (manifest.dialect !== target) throw new Error(`bản sao lưu là ${manifest.dialect}, nơi khôi phục là ${target}`);
  const sqliteFile = path.join(opts.dataDir, 'coso.sqlite');
  if (fs.existsSync(sqliteFile) && fs.statSync(sqliteFile).size > 0 && target === 'sqlite') throw new Error(`${sqliteFile} đã có dữ liệu: chỉ khôi phục vào thư mục trống`);
  const filesDir = path.join(opts.dataDir, 'files');
  if (fs.existsSync(filesDir) && fs.readdirSync(filesDir).length) throw new Error(`${filesDir} không trống: chỉ khôi phục vào thư mục trống`);
  if (opts.databaseUrl && !(await pgEmpty(opts.databaseUrl))) throw new Error('cơ sở dữ liệu PostgreSQL đã có bảng: chỉ khôi phục vào cơ sở dữ liệu trống');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const [, db, ...files] = entries;
  if (target === 'sqlite') fs.writeFileSync(sqliteFile, db.data, { mode: 0o600 });
  else {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-restore-'));
    try {
      fs.writeFileSync(path.join(tmp, 'coso.pgdump'), db.data);
      await run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${opts.databaseUrl}`, path.join(tmp, 'coso.pgdump')]);
    } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
  }
  for (const f of files) {
    const abs = path.join(opts.dataDir, f.name);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, f.data, { mode: 0o600 });
  }
  return { manifest, files: files.length };
}
