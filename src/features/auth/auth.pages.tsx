import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { allow } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { clearSessionCookie, destroySession, SESSION_COOKIE, setSessionCookie } from '../../platform/http/session.ts';
import { readForm, type FieldErrors } from '../../platform/http/validate.ts';
import { clearDeviceUnlessUnsynced, SIGN_OUT_CHECK_PAGE, unsyncedUsers } from '../../platform/http/device.ts';
import { Csrf, ErrorSummary, Field, Notice, useT } from '../../platform/views/components.tsx';
import { login, logout } from './auth.service.ts';

const loginSchema = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200), next: z.string().max(500).optional() });

function LoginForm({ errors, values, next }: { errors?: FieldErrors; values?: Record<string, string>; next?: string }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('auth.loginTitle')}</h1>
      <p class="muted">{t('auth.loginHint')}</p>
      <form method="post" action="/login" novalidate>
        <Csrf />
        {next && <input type="hidden" name="next" value={next} />}
        <Field name="username" label={t('auth.username')} autocomplete="username" errors={errors} values={values} />
        <Field name="password" label={t('auth.password')} type="password" autocomplete="current-password" errors={errors} values={values} />
        <button type="submit">{t('auth.login')}</button>
      </form>
    </>
  );
}

/** Only same-site relative paths are followed after sign-in. */
const safeNext = (n?: string) => (n && /^\/(?!\/)[\w\-./?=&%]*$/.test(n) ? n : '/');

export const authPages = new Hono<AppEnv>();

authPages.get('/login', allow('public'), (c) => {
  const t = c.get('t');
  const next = c.req.query('next');
  return c.render(<>{c.req.query('out') && <Notice>{t('auth.loggedOut')}</Notice>}<LoginForm next={next} /></>, { title: t('auth.login') });
});

authPages.post('/login', allow('public'), async (c: Ctx) => {
  const t = c.get('t');
  const form = await readForm(c, loginSchema);
  if (!form.ok) {
    c.status(400);
    return c.render(<LoginForm errors={form.errors} values={form.values} />, { title: t('auth.login') });
  }
  const { config, db } = c.get('deps');
  const result = await login(db, actorOf(c), { ...form.data, kind: 'web', ttlMinutes: config.sessionIdleMinutes });
  if (!result) {
    c.status(400);
    return c.render(<LoginForm errors={{ username: t('auth.invalid') }} values={{ username: form.data.username }} next={form.data.next} />, { title: t('auth.login') });
  }
  const old = getCookie(c, SESSION_COOKIE);
  if (old) await destroySession(db, old);
  setSessionCookie(c, result.secret);
  clearDeviceUnlessUnsynced(c);
  return c.redirect(safeNext(form.data.next), 303);
});

authPages.post('/logout', allow('authenticated'), async (c: Ctx) => {
  const { db } = c.get('deps');
  const user = c.get('user')!;
  // Entries of this officer not yet sent from this device: warn first (sync, or discard with a click).
  const discard = (await c.req.parseBody())['discard'] === '1';
  if (unsyncedUsers(c).includes(user.id) && !discard) {
    c.header('x-coso-no-change', '1');
    return c.redirect(SIGN_OUT_CHECK_PAGE, 303);
  }
  const secret = getCookie(c, SESSION_COOKIE);
  await logout(db, actorOf(c), user.id, secret, 'web');
  clearSessionCookie(c);
  clearDeviceUnlessUnsynced(c, discard ? user.id : undefined);
  return c.redirect('/login?out=1', 303);
});

