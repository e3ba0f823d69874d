import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Db, Trx } from '../db/index.ts';
import { nowIso } from '../db/index.ts';

export interface Notice { title: string; body: string; link?: string; /** One notice per user and key (e.g. `task:<id>:due-3`): repeats are ignored. */ dedupeKey?: string }

/**
 * Adds in-app notifications for users, in the caller's transaction. When the user has an e-mail
 * address the notice also enters the e-mail outbox, delivered after commit by `deliverPendingEmails`.
 */
export async function notifyUsers(trx: Trx | Db, userIds: string[], n: Notice): Promise<number> {
  let added = 0;
  for (const userId of [...new Set(userIds)]) {
    if (n.dedupeKey) {
      const seen = await trx.selectFrom('notifications').select('id').where('user_id', '=', userId).where('dedupe_key', '=', n.dedupeKey).executeTakeFirst();
      if (seen) continue;
    }
    const u = await trx.selectFrom('users').select(['email', 'active']).where('id', '=', userId).executeTakeFirst();
    if (!u || !Number(u.active)) continue;
    // Two requests may send the same keyed notice at once: the unique (user, key) index decides, no error.
    const r = await trx.insertInto('notifications').values({
      id: randomUUID(), user_id: userId, title: n.title, body: n.body, link: n.link ?? null, dedupe_key: n.dedupeKey ?? null,
      created_at: nowIso(), read_at: null, email_status: u.email ? 'pending' : 'none', email_sent_at: null,
    }).onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing()).executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 1n);
  }
  return added;
}

/** Users holding one of the roles on a unit (directly), for addressing notices to a unit. */
export async function usersWithRole(db: Trx | Db, unitId: string, roles: string[]): Promise<string[]> {
  const rows = await db.selectFrom('role_grants').select('user_id').where('unit_id', '=', unitId).where('role', 'in', roles).execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

/** Unread count and latest notices of a user. */
export async function listNotifications(db: Db, userId: string, limit = 50) {
  const items = await db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').limit(limit).execute();
  const unread = await db.selectFrom('notifications').select((e) => e.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return { items, unread: Number(unread?.n ?? 0) };
}

/**
 * Sends every pending e-mail through SMTP (`SMTP_URL`), marking each sent or failed. Without SMTP
 * nothing is sent and notices stay in-app only. Returns the number sent.
 */
export async function deliverPendingEmails(db: Db, opts: { smtpUrl?: string; from: string; publicUrl?: string }): Promise<number> {
  if (!opts.smtpUrl) return 0;
  const transport = nodemailer.createTransport(opts.smtpUrl);
  const pending = await db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['notifications.id', 'notifications.title', 'notifications.body', 'notifications.link', 'users.email', 'users.display_name'])
    .where('notifications.email_status', '=', 'pending').limit(200).execute();
  let sent = 0;
  for (const p of pending) {
    try {
      const link = p.link ? `\n\n${opts.publicUrl ? new URL(p.link, opts.publicUrl).toString() : p.link}` : '';
      await transport.sendMail({ from: opts.from, to: { name: p.display_name, address: p.email! }, subject: p.title, text: `${p.body}${link}` });
      await db.updateTable('notifications').set({ email_status: 'sent', email_sent_at: nowIso() }).where('id', '=', p.id).execute();
      sent++;
    } catch {
      await db.updateTable('notifications').set({ email_status: 'failed' }).where('id', '=', p.id).execute();
    }
  }
  transport.close();
  return sent;
}
