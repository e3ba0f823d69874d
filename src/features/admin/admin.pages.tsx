import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { notFound } from '../../platform/http/errors.ts';
import { fieldErrors, queryValues, readForm, translateFields } from '../../platform/http/validate.ts';
import { formatDateTime, localToday } from '../../platform/i18n/index.ts';
import { Pagination } from '../../platform/views/components.tsx';
import { activeInput, DONE, grantInput, newUserInput, passwordInput, userQuery } from './admin.schema.ts';
import { getGrant, getUser, grantableUnits, grantsOf, listUsers, type UserRow } from './users.repository.ts';
import { createUser, grantRole, resetPassword, revokeGrant, setActive } from './users.service.ts';
import { UserDetail, type FormState } from './views/detail.tsx';
import { NewUserForm } from './views/forms.tsx';
import { grantLabel, UserSearch, UsersTable } from './views/list.tsx';

export const adminPages = new Hono<AppEnv>();
const PAGE_SIZE = 50;

/** Reads the list filters; a bad value is reported on the form rather than failing the page. */
function listFilters(c: Ctx) {
  const values = queryValues(c);
  const r = userQuery.safeParse(values);
  const f = r.success ? r.data : {};
  return { values, errors: r.success ? undefined : fieldErrors(r.error, c.get('t')), q: f.q?.trim() || undefined, page: f.page ?? 1 };
}

adminPages.get('/admin/users', allow('users.manage'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const f = listFilters(c);
  if (f.errors) c.status(400);
  const all = await listUsers(db, { q: f.q });
  const users = all.slice((f.page - 1) * PAGE_SIZE, f.page * PAGE_SIZE);
  const grants = await grantsOf(db, users.map((u) => u.id));
  return c.render(
    <>
      <h1>{t('admin.users.title')}</h1>
      <p class="actions"><a class="button" href="/admin/users/new">{t('admin.users.new')}</a> <a href={`/admin/users.csv?${new URLSearchParams({ q: f.q ?? '' })}`}>{t('admin.users.export')}</a></p>
      <UserSearch values={f.values} errors={f.errors} />
      <UsersTable users={users} total={all.length} grants={grants} />
      <Pagination page={f.page} hasNext={all.length > f.page * PAGE_SIZE} baseQuery={f.q ? { q: f.q } : {}} />
    </>,
    { title: t('admin.users.title') },
  );
});

adminPages.get('/admin/users.csv', allow('users.manage'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const users = await listUsers(db, { q: listFilters(c).q });
  const grants = await grantsOf(db, users.map((u) => u.id));
  const csv = toCsv(['id', t('admin.col.username'), t('admin.col.displayName'), t('admin.col.email'), t('admin.status.active'), t('admin.col.roles'), t('admin.col.createdAt')],
    users.map((u) => [u.id, u.username, u.displayName, u.email, t(u.active ? 'admin.csv.yes' : 'admin.csv.no'), (grants.get(u.id) ?? []).map((g) => grantLabel(t, g)).join('; '), formatDateTime(u.createdAt)]));
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="tai-khoan-${localToday()}.csv"` });
});

adminPages.get('/admin/users/new', allow('users.manage'), (c) => c.render(<NewUserForm values={{}} />, { title: c.get('t')('admin.users.new') }));

adminPages.post('/admin/users/new', allow('users.manage'), async (c) => {
  const t = c.get('t');
  const form = await readForm(c, newUserInput);
  const r = form.ok ? await createUser(c.get('deps').db, actorOf(c), form.data) : null;
  if (r?.ok) return c.redirect(`/admin/users/${r.value}?done=created`, 303);
  c.status(400);
  return c.render(<NewUserForm values={form.values} errors={form.ok ? translateFields(r?.ok === false ? r.fields : {}, t) : form.errors} />, { title: t('admin.users.new') });
});

/** Renders an account's page; `state` brings back a failed form with its errors (status 400). */
async function detailPage(c: Ctx, user: UserRow, state?: FormState) {
  const { db } = c.get('deps');
  const grants = (await grantsOf(db, [user.id])).get(user.id) ?? [];
  const groups = await grantableUnits(db, localToday());
  const done = DONE.find((d) => d === c.req.query('done'));
  if (state) c.status(400);
  return c.render(<UserDetail user={user} grants={grants} groups={groups} isSelf={c.get('user')?.id === user.id} done={state ? undefined : done} state={state} />, { title: user.displayName });
}

/** The account named in the URL, or 404. */
async function userOf(c: Ctx): Promise<UserRow> {
  const user = await getUser(c.get('deps').db, c.req.param('id')!);
  if (!user) throw notFound();
  return user;
}

/** Turns a failed form or service result into the page state to re-render. */
function failed(c: Ctx, form: FormState['form'], f: { ok: boolean; values: Record<string, string>; errors?: Record<string, string> }, fields?: Record<string, string>): FormState {
  return { form, values: f.values, errors: f.ok ? translateFields(fields, c.get('t')) : f.errors ?? {} };
}

adminPages.get('/admin/users/:id', allow('users.manage'), async (c) => detailPage(c, await userOf(c)));

adminPages.post('/admin/users/:id/grants', allow('users.manage'), async (c) => {
  const user = await userOf(c);
  const form = await readForm(c, grantInput);
  const r = form.ok ? await grantRole(c.get('deps').db, actorOf(c), { userId: user.id, ...form.data }) : null;
  if (r?.ok) return c.redirect(`/admin/users/${user.id}?done=granted`, 303);
  return detailPage(c, user, failed(c, 'grant', form, r?.ok === false ? r.fields : undefined));
});

adminPages.post('/admin/users/:id/grants/:grantId/revoke', allow('users.manage'), async (c) => {
  const user = await userOf(c);
  const grant = await getGrant(c.get('deps').db, c.req.param('grantId'));
  if (!grant || grant.userId !== user.id) throw notFound();
  const r = await revokeGrant(c.get('deps').db, actorOf(c), grant.id);
  if (!r.ok) throw notFound();
  return c.redirect(`/admin/users/${user.id}?done=revoked`, 303);
});

adminPages.post('/admin/users/:id/password', allow('users.manage'), async (c) => {
  const user = await userOf(c);
  const form = await readForm(c, passwordInput);
  const r = form.ok ? await resetPassword(c.get('deps').db, actorOf(c), user.id, form.data.password) : null;
  if (r?.ok) return c.redirect(`/admin/users/${user.id}?done=password`, 303);
  return detailPage(c, user, failed(c, 'password', { ...form, values: {} }, r?.ok === false ? r.fields : undefined));
});

adminPages.post('/admin/users/:id/active', allow('users.manage'), async (c) => {
  const user = await userOf(c);
  const form = await readForm(c, activeInput);
  const r = form.ok ? await setActive(c.get('deps').db, actorOf(c), user.id, form.data.active) : null;
  if (r?.ok) return c.redirect(`/admin/users/${user.id}?done=${form.ok && form.data.active ? 'activated' : 'deactivated'}`, 303);
  return detailPage(c, user, failed(c, 'active', form, r?.ok === false ? r.fields : undefined));
});
