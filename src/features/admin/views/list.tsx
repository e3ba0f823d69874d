import type { FieldErrors } from '../../../platform/http/validate.ts';
import { ErrorSummary, Table, useT } from '../../../platform/views/components.tsx';
import type { GrantRow, UserRow } from '../users.repository.ts';

/** "Role · unit (and its units)" for one grant. */
export function grantLabel(t: (k: string) => string, g: GrantRow): string {
  return `${t(`role.${g.role}`)} · ${g.unitName}${g.includeDescendants ? ` (${t('admin.andDescendants')})` : ''}`;
}

export function StatusTag({ active }: { active: boolean }) {
  const t = useT();
  return active ? <span class="tag green">{t('admin.status.active')}</span> : <span class="tag red">{t('admin.status.inactive')}</span>;
}

/** The search box of the accounts list. */
export function UserSearch({ values, errors }: { values: Record<string, string>; errors?: FieldErrors }) {
  const t = useT();
  return (
    <form method="get" action="/admin/users" class="filters" role="search">
      <ErrorSummary errors={errors} />
      <div class="field">
        <label for="f-q">{t('admin.users.query')}</label>
        <div class="hint" id="h-q">{t('admin.users.queryHint')}</div>
        <input id="f-q" name="q" type="search" value={values.q ?? ''} aria-describedby="h-q" />
      </div>
      <button type="submit">{t('form.search')}</button>
    </form>
  );
}

/** Accounts in two columns (account: username, name, status; roles one per line), readable at 360 px. */
export function UsersTable({ users, total, grants }: { users: UserRow[]; total: number; grants: Map<string, GrantRow[]> }) {
  const t = useT();
  return (
    <Table
      caption={t('admin.users.results', { n: total })}
      head={[`${t('admin.col.username')} · ${t('admin.col.displayName')}`, t('admin.col.roles')]}
      empty={t('admin.users.none')}
      rows={users.map((u) => {
        const gs = grants.get(u.id) ?? [];
        return [
          <><a href={`/admin/users/${u.id}`}><strong>{u.username}</strong></a><div>{u.displayName}</div><StatusTag active={u.active} /></>,
          gs.length === 0 ? <span class="muted">{t('admin.noRoles')}</span> : <>{gs.map((g) => <div>{grantLabel(t, g)}</div>)}</>,
        ];
      })}
    />
  );
}
