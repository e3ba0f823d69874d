import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  LOCALES_DIR: z.string().default('./locales'),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  DEMO_PASSWORD: z.string().optional(),
  PROVINCE_CODE: z.string().regex(/^\d{2}$/).default('52'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  API_TOKEN_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Coso <no-reply@coso.local>'),
  PUBLIC_URL: z.string().optional(),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  SEAL_KEYS: z.string().optional(),
  PETITIONS_INTAKE_LIMIT: z.string().regex(/^\d+\/\d+$/, 'dạng số/giây, ví dụ 5/3600').optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  dataDir: string;
  /** Folder of additional citizen-page language files (`<code>.json`). */
  localesDir: string;
  databaseUrl?: string;
  sessionSecret: string;
  demoPassword?: string;
  provinceCode: string;
  sessionIdleMinutes: number;
  apiTokenHours: number;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl?: string;
  trustProxy: boolean;
};

/** Parses configuration from the environment, refusing unsafe defaults in production. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ (invalid configuration): ${fields}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const missing = [
      ...(!e.SESSION_SECRET || e.SESSION_SECRET.length < 32 ? ['SESSION_SECRET (>= 32 ký tự)'] : []),
      ...(!e.SEAL_KEYS?.trim() ? ['SEAL_KEYS (khóa niêm phong danh tính người tố cáo)'] : []),
    ];
    if (missing.length) throw new Error(`Khi NODE_ENV=production phải đặt ${missing.join(' và ')}: Coso không khởi động (refusing to start in production without ${missing.map((m) => m.split(' ')[0]).join(' and ')})`);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    localesDir: path.resolve(e.LOCALES_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    demoPassword: e.DEMO_PASSWORD || undefined,
    provinceCode: e.PROVINCE_CODE,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    apiTokenHours: e.API_TOKEN_HOURS,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL || undefined,
    trustProxy: e.TRUST_PROXY === '1',
  };
}
