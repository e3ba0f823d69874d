import type { Actor } from '../../platform/audit/index.ts';
import type { DbHandle } from '../../platform/db/index.ts';
import { ROLES, type Role } from '../../platform/authz/index.ts';
import { createUser, grantRole, resetPassword, revokeGrant } from './users.service.ts';

type Command = { usage: string; run: (h: DbHandle, args: string[]) => Promise<number> };
const opt = (args: string[], name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };

async function userId(h: DbHandle, username: string | undefined) {
  if (!username) return undefined;
  return (await h.db.selectFrom('users').select('id').where('username', '=', username.toLowerCase()).executeTakeFirst())?.id;
}

/** Resolves a unit by id, or by administrative code (the current unit with that code). */
async function unitId(h: DbHandle, ref: string | undefined) {
  if (!ref) return undefined;
  const byId = await h.db.selectFrom('units').select('id').where('id', '=', ref).executeTakeFirst();
  if (byId) return byId.id;
  return (await h.db.selectFrom('units').select('id').where((e) => e.or([e('code', '=', ref), e('key', '=', ref)])).where('valid_to', 'is', null).executeTakeFirst())?.id;
}

const report = (r: { ok: boolean; error?: string; fields?: Record<string, string> }, okMsg: string) => {
  if (r.ok) { console.log(okMsg); return 0; }
  console.error(`Failed: ${r.error} ${JSON.stringify(r.fields ?? {})}`);
  return 1;
};

/** CLI commands for accounts: user add / reset-password / grant / revoke. */
export function adminCommands(actor: Actor): Record<string, Command> {
  return {
    'user add': {
      usage: 'user add --username NAME --name "Display Name" --password PASSWORD [--email E]',
      run: async (h, a) => {
        const username = opt(a, 'username'), password = opt(a, 'password') ?? process.env.COSO_PASSWORD;
        if (!username || !password) { console.error('--username and --password (or COSO_PASSWORD) are required'); return 1; }
        return report(await createUser(h.db, actor, { username, displayName: opt(a, 'name') ?? username, email: opt(a, 'email'), password }), `User ${username} created`);
      },
    },
    'user reset-password': {
      usage: 'user reset-password --username NAME --password PASSWORD',
      run: async (h, a) => {
        const id = await userId(h, opt(a, 'username'));
        const password = opt(a, 'password') ?? process.env.COSO_PASSWORD;
        if (!id || !password) { console.error('Unknown user or missing --password'); return 1; }
        return report(await resetPassword(h.db, actor, id, password), 'Password reset; sessions ended');
      },
    },
    'user grant': {
      usage: `user grant --username NAME --role (${ROLES.join('|')}) --unit UNIT_ID_OR_CODE [--descendants]`,
      run: async (h, a) => {
        const uid = await userId(h, opt(a, 'username'));
        const unit = await unitId(h, opt(a, 'unit'));
        if (!uid || !unit) { console.error('Unknown user or unit'); return 1; }
        return report(await grantRole(h.db, actor, { userId: uid, role: opt(a, 'role') as Role, unitId: unit, includeDescendants: a.includes('--descendants') }), 'Role granted');
      },
    },
    'user revoke': {
      usage: 'user revoke --username NAME --role ROLE --unit UNIT_ID_OR_CODE',
      run: async (h, a) => {
        const uid = await userId(h, opt(a, 'username'));
        const unit = await unitId(h, opt(a, 'unit'));
        const g = uid && unit ? await h.db.selectFrom('role_grants').select('id').where('user_id', '=', uid).where('unit_id', '=', unit).where('role', '=', opt(a, 'role') ?? '').executeTakeFirst() : undefined;
        if (!g) { console.error('No such grant'); return 1; }
        return report(await revokeGrant(h.db, actor, g.id), 'Role revoked');
      },
    },
  };
}
