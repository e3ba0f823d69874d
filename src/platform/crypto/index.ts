/**
 * Sealing of personal data at rest: AES-256-GCM with versioned keys from `SEAL_KEYS`
 * ("v2:base64key,v1:base64key", 32-byte keys; the first is current). A sealed value is
 * `seal:<version>:<iv b64>:<tag b64>:<ciphertext b64>`, so old values stay readable after a
 * rotation and `needsReseal` tells which ones to re-encrypt with the current key.
 * Without SEAL_KEYS, development and tests derive a fixed dev key (with a warning); production refuses.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SealKey { version: string; key: Buffer }
export interface Sealer {
  current: SealKey;
  seal(plain: string): string;
  open(sealed: string): string;
  needsReseal(sealed: string): boolean;
  reseal(sealed: string): string;
}

const PREFIX = 'seal';

/** Parses "v2:base64,v1:base64"; throws with a readable message on a bad entry. */
export function parseSealKeys(text: string): SealKey[] {
  const keys = text.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const i = entry.indexOf(':');
    if (i < 1) throw new Error(`SEAL_KEYS: entry without "version:" (${entry.slice(0, 4)}…)`);
    const version = entry.slice(0, i);
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(version)) throw new Error(`SEAL_KEYS: bad version "${version}"`);
    const key = Buffer.from(entry.slice(i + 1), 'base64');
    if (key.length !== 32) throw new Error(`SEAL_KEYS: key ${version} must be 32 bytes (base64), got ${key.length}`);
    return { version, key };
  });
  if (keys.length === 0) throw new Error('SEAL_KEYS is empty');
  if (new Set(keys.map((k) => k.version)).size !== keys.length) throw new Error('SEAL_KEYS: duplicate version');
  return keys;
}

/** The fixed development key (never for production). */
export const DEV_SEAL_KEY: SealKey = { version: 'dev', key: createHash('sha256').update('coso-dev-seal-key (not secret)').digest() };

/** Builds a sealer over the keys (first = current). */
export function createSealer(keys: SealKey[]): Sealer {
  const byVersion = new Map(keys.map((k) => [k.version, k.key]));
  const current = keys[0];
  const seal = (plain: string): string => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', current.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [PREFIX, current.version, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  };
  const open = (sealed: string): string => {
    const [p, version, iv, tag, data] = sealed.split(':');
    if (p !== PREFIX || !version || iv === undefined || tag === undefined || data === undefined) throw new Error('not a sealed value');
    const key = byVersion.get(version);
    if (!key) throw new Error(`no seal key for version ${version}`);
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8');
  };
  return {
    current, seal, open,
    needsReseal: (sealed) => sealed.split(':')[1] !== current.version,
    reseal: (sealed) => (sealed.split(':')[1] === current.version ? sealed : seal(open(sealed))),
  };
}

/** Keys from the environment: SEAL_KEYS, or the dev key outside production (warned once). */
export function sealKeysFromEnv(env: NodeJS.ProcessEnv = process.env, warn: (m: string) => void = console.warn): SealKey[] {
  const text = env.SEAL_KEYS?.trim();
  if (text) return parseSealKeys(text);
  if (env.NODE_ENV === 'production') throw new Error('SEAL_KEYS là bắt buộc khi NODE_ENV=production (khóa mã hóa danh tính người tố cáo)');
  if (env.NODE_ENV !== 'test') warn('SEAL_KEYS not set: using the fixed development seal key (never use in production)');
  return [DEV_SEAL_KEY];
}

let shared: Sealer | undefined;
/** The process-wide sealer (lazily from the environment). */
export function sealer(): Sealer {
  shared ??= createSealer(sealKeysFromEnv());
  return shared;
}
/** Replaces the process-wide sealer (tests of rotation, CLI). */
export function useSealer(s: Sealer): void {
  shared = s;
}
/** Seals a nullable value. */
export const sealOpt = (v: string | null | undefined): string | null => (v ? sealer().seal(v) : null);
/** Opens a nullable sealed value. */
export const openOpt = (v: string | null | undefined): string | null => (v ? sealer().open(v) : null);
/** A new random key line for SEAL_KEYS. */
export const newSealKey = (version: string): string => `${version}:${randomBytes(32).toString('base64')}`;
