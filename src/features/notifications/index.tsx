import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import { inTransaction, record } from '../../platform/audit/index.ts';
import { actorOf, type AppEnv } from '../../platform/http/context.ts';
import type { Feature } from '../../platform/http/feature.ts';
import { formatDateTime } from '../../platform/i18n/index.ts';
import { registerJob } from '../../platform/jobs/index.ts';
import { deliverPendingEmails, listNotifications } from '../../platform/notify/index.ts';
import { Csrf } from '../../platform/views/components.tsx';
import { nowIso } from '../../platform/db/index.ts';

const pages = new Hono<AppEnv>();

pages.get('/notifications', allow('authenticated'), async (c) => {
  const t = c.get('t');
  const { items, unread } = await listNotifications(c.get('deps').db, c.get('user')!.id);
  return c.render(
    <>
      <h1>{t('notifications.title')} <span class="muted">({t('notifications.unread', { n: unread })})</span></h1>
      {unread > 0 && <form method="post" action="/notifications/read"><Csrf /><button type="submit" class="button secondary">{t('notifications.markAll')}</button></form>}
      {items.length === 0 ? <p class="muted">{t('notifications.none')}</p> : (
        <ul class="tree">
          {items.map((n) => (
            <li>
              {!n.read_at && <span class="tag">{t('notifications.new')}</span>} <strong>{n.link ? <a href={n.link}>{n.title}</a> : n.title}</strong>
              <div>{n.body}</div>
              <div class="muted">{formatDateTime(n.created_at)}</div>
            </li>
          ))}
        </ul>
      )}
    </>,
    { title: t('notifications.title') },
  );
});

pages.post('/notifications/read', allow('authenticated'), async (c) => {
  const user = c.get('user')!;
  await inTransaction(c.get('deps').db, async (trx) => {
    await trx.updateTable('notifications').set({ read_at: nowIso() }).where('user_id', '=', user.id).where('read_at', 'is', null).execute();
    await record(trx, actorOf(c), { action: 'notifications.read', subjectType: 'user', subjectId: user.id });
  });
  return c.redirect('/notifications', 303);
});

registerJob({
  name: 'email.deliver',
  everyMs: 60_000,
  run: async ({ db, config }) => `sent ${await deliverPendingEmails(db, { smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl })}`,
});

const vi = { 'notifications.nav': 'Thông báo', 'notifications.title': 'Thông báo', 'notifications.unread': '{n} chưa đọc', 'notifications.markAll': 'Đánh dấu tất cả đã đọc', 'notifications.none': 'Chưa có thông báo nào', 'notifications.new': 'Mới' };
const en = { 'notifications.nav': 'Notifications', 'notifications.title': 'Notifications', 'notifications.unread': '{n} unread', 'notifications.markAll': 'Mark all as read', 'notifications.none': 'No notifications yet', 'notifications.new': 'New' };

/** In-app notifications and the e-mail outbox job. */
export const notificationsFeature: Feature = {
  name: 'notifications',
  messages: { vi, en },
  nav: [{ href: '/notifications', labelKey: 'notifications.nav', permission: 'authenticated', order: 80 }],
  pages,
};
