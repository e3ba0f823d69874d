import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'phải là development, production hoặc test' }).default('development'),
  PORT: z.coerce.number({ message: 'phải là số cổng 1–65535 (a port number)' }).int('phải là số nguyên (an integer)').min(1, 'phải từ 1 đến 65535').max(65535, 'phải từ 1 đến 65535').default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  LOCALES_DIR: z.string().default('./locales'),
  DATABASE_URL: z.string().regex(/^(postgres(ql)?:\/\/.+)?$/, 'phải là postgres://user:pass@host:5432/db hoặc để trống (SQLite)').optional(),
  SESSION_SECRET: z.string().optional(),
  DEMO_PASSWORD: z.string().optional(),
  PROVINCE_CODE: z.string().regex(/^\d{2}$/).default('52'),
  SESSION_IDLE_MINUTES: z.coerce.number({ message: 'phải là số phút (minutes)' }).int().min(5, 'từ 5 đến 1440 phút').max(24 * 60, 'từ 5 đến 1440 phút').default(60),
  API_TOKEN_HOURS: z.coerce.number({ message: 'phải là số giờ (hours)' }).int().min(1, 'từ 1 đến 720 giờ').max(24 * 30, 'từ 1 đến 720 giờ').default(12),
  SMTP_URL: z.string().regex(/^(smtps?:\/\/.+)?$/, 'phải là smtp://… hoặc smtps://…').optional(),
  MAIL_FROM: z.string().default('Coso <no-reply@coso.local>'),
  PUBLIC_URL: z.string().regex(/^(https?:\/\/[^\s]+)?$/, 'phải là địa chỉ http(s)://…').optional(),
  TRUST_PROXY: z.enum(['0', '1'], { message: 'phải là 0 hoặc 1' }).default('0'),
  LOG_FORMAT: z.enum(['json', 'text', 'off'], { message: 'phải là json, text hoặc off' }).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ message: 'phải là số mili giây' }).int().min(100, 'từ 100 đến 600000').max(600_000, 'từ 100 đến 600000').default(10_000),
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
  host: string;
  /** Request and job log lines: JSON, readable text, or none (the default in tests). */
  logFormat: 'json' | 'text' | 'off';
  /** How long a SIGTERM waits for in-flight requests and running jobs before closing anyway. */
  shutdownTimeoutMs: number;
};

/**
 * Parses configuration from the environment, refusing unsafe defaults in production. Every wrong
 * variable is named on its own line (`PORT="abc": phải là số cổng…`), all of them at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => {
    const key = String(i.path[0]);
    return `  ${key}=${JSON.stringify(env[key] ?? '')}: ${i.message}`;
  });
  if (problems.length || !parsed.success) throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${problems.join('\n')}`);
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
    host: e.HOST,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'test' ? 'off' : 'text'),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
