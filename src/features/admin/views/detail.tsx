import { ROLES } from '../../../platform/authz/index.ts';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { formatDateTime } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice, Select, Table, useT } from '../../../platform/views/components.tsx';
import type { GrantRow, UnitGroup, UserRow } from '../users.repository.ts';
import { StatusTag } from './list.tsx';

export type Groups = { group: UnitGroup; units: { id: string; name: string }[] }[];
/** What a failed form on the page brings back: which form, its values and errors. */
export interface FormState { form: 'grant' | 'password' | 'active'; values: Record<string, string>; errors: FieldErrors }

/** Select of current units in optgroups (province committee, other bodies, communes). */
function UnitSelect({ groups, value, error }: { groups: Groups; value: string; error?: string }) {
  const t = useT();
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for="f-unitId">{t('admin.grant.unit')}</label>
      <div class="hint" id="h-unitId">{t('admin.grant.unitHint')}</div>
      {error && <p class="error-message" id="e-unitId">{error}</p>}
      <select id="f-unitId" name="unitId" aria-describedby={error ? 'h-unitId e-unitId' : 'h-unitId'} aria-invalid={error ? 'true' : undefined}>
        <option value="">{t('admin.grant.chooseUnit')}</option>
        {groups.filter((g) => g.units.length).map((g) => (
          <optgroup label={t(`admin.grant.group.${g.group}`)}>
            {g.units.map((u) => <option value={u.id} selected={u.id === value}>{u.name}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function GrantForm({ userId, groups, state }: { userId: string; groups: Groups; state?: FormState }) {
  const t = useT();
  const values = state?.form === 'grant' ? state.values : { role: 'unit-officer' };
  const errors = state?.form === 'grant' ? state.errors : undefined;
  return (
    <form method="post" action={`/admin/users/${userId}/grants`} novalidate>
      <Csrf />
      <h2>{t('admin.grant.title')}</h2>
      <Select name="role" label={t('admin.grant.role')} errors={errors} values={values} options={ROLES.map((r) => [r, t(`role.${r}`)])} />
      <UnitSelect groups={groups} value={values.unitId ?? ''} error={errors?.unitId} />
      <div class="field">
        <label for="f-includeDescendants"><input type="checkbox" id="f-includeDescendants" name="includeDescendants" value="1" checked={values.includeDescendants === '1'} /> {t('admin.grant.includeDescendants')}</label>
      </div>
      <button type="submit">{t('admin.grant.submit')}</button>
    </form>
  );
}

function AccountForms({ user, isSelf, state }: { user: UserRow; isSelf: boolean; state?: FormState }) {
  const t = useT();
  return (
    <>
      <form method="post" action={`/admin/users/${user.id}/password`} novalidate>
        <Csrf />
        <h2>{t('admin.password.title')}</h2>
        <Field name="password" label={t('admin.newPassword')} hint={`${t('admin.passwordHint')}. ${t('admin.password.hint')}.`} type="password" autocomplete="new-password" errors={state?.form === 'password' ? state.errors : undefined} />
        <button type="submit" class="button secondary">{t('admin.password.submit')}</button>
      </form>
      {!isSelf && (
        <form method="post" action={`/admin/users/${user.id}/active`}>
          <Csrf />
          <h2>{t('admin.active.title')}</h2>
          <input type="hidden" name="active" value={user.active ? '0' : '1'} />
          {user.active && <p class="hint">{t('admin.active.deactivateHint')}</p>}
          <button type="submit" id="f-active" class={user.active ? 'button warning' : undefined}>{t(user.active ? 'admin.active.deactivate' : 'admin.active.activate')}</button>
        </form>
      )}
    </>
  );
}

/** One account: details, its grants with revoke buttons, grant / password / status forms. */
export function UserDetail(p: { user: UserRow; grants: GrantRow[]; groups: Groups; isSelf: boolean; done?: string; state?: FormState }) {
  const t = useT();
  const u = p.user;
  return (
    <>
      <ErrorSummary errors={p.state?.errors} />
      {p.done && <Notice>{t(`admin.done.${p.done}`)}</Notice>}
      <p><a href="/admin/users">← {t('admin.back')}</a></p>
      <span class="caption">{t('admin.details')}</span>
      <h1>{u.displayName}</h1>
      <dl class="summary">
        <dt>{t('admin.col.username')}</dt><dd>{u.username}</dd>
        <dt>{t('admin.col.email')}</dt><dd>{u.email ?? '—'}</dd>
        <dt>{t('admin.col.status')}</dt><dd><StatusTag active={u.active} /></dd>
        <dt>{t('admin.col.createdAt')}</dt><dd>{formatDateTime(u.createdAt)}</dd>
      </dl>
      <h2>{t('admin.grants')}</h2>
      <Table
        head={[t('admin.grant.role'), t('admin.col.unit'), t('admin.col.grantedAt'), '']}
        empty={t('admin.noRoles')}
        rows={p.grants.map((g) => [
          t(`role.${g.role}`),
          <>{g.unitName}{g.includeDescendants && <div class="muted">({t('admin.andDescendants')})</div>}</>,
          formatDateTime(g.createdAt),
          <form method="post" action={`/admin/users/${u.id}/grants/${g.id}/revoke`} class="inline">
            <Csrf />
            <button type="submit" class="button warning" aria-label={`${t('admin.revoke')}: ${t(`role.${g.role}`)} · ${g.unitName}`}>{t('admin.revoke')}</button>
          </form>,
        ])}
      />
      <GrantForm userId={u.id} groups={p.groups} state={p.state} />
      <AccountForms user={u} isSelf={p.isSelf} state={p.state} />
    </>
  );
}
