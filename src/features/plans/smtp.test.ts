import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { runTaskReminders } from './plans.jobs.ts';

forEachDialect('task reminders by e-mail (real SMTP server on loopback)', (dialect) => {
  let t: TestApp;
  let server: SMTPServer;
  let port = 0;
  const mails: ParsedMail[] = [];
  before(async () => {
    t = await createTestApp(dialect);
    server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData(stream, _s, cb) { simpleParser(stream).then((m) => { mails.push(m); cb(); }, cb); } });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.server.address() as { port: number }).port;
  });
  after(async () => { await new Promise<void>((r) => server.close(() => r())); await t.close(); });

  test('an overdue task reminder reaches the commune officer’s mailbox in Vietnamese', async () => {
    await t.db.updateTable('users').set({ email: 'can-bo@pleiku.example' }).where('username', '=', 'demo.commune').execute();
    const { getUnitByKey } = await import('../units/index.ts');
    const pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!;
    const { createTask } = await import('./tasks.service.ts');
    const { SYSTEM_ACTOR } = await import('../../platform/audit/index.ts');
    await createTask(t.db, SYSTEM_ACTOR, { title: 'Tổ chức đối thoại với Nhân dân', unitId: pleiku.id, planId: null, planItemId: null, parentTaskId: null, assigneeId: null, startOn: '2025-03-01', dueOn: '2025-04-01', dueInWorkingDays: null, weight: 1, areas: [], coUnitIds: [] }, '2025-03-01');
    // The hourly job itself: reminders, then the outbox through SMTP.
    const log = await runTaskReminders({ db: t.db, config: { ...t.config, smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, mailFrom: 'coso@gialai.example', publicUrl: 'https://coso.example' } });
    const [, notices, mailed] = /^(\d+) notices, (\d+) e-mails$/.exec(log) ?? [];
    assert.ok(Number(notices) > 0 && Number(mailed) >= 1, log);
    const mail = mails.find((m) => (m.subject ?? '').includes('Tổ chức đối thoại với Nhân dân'));
    assert.ok(mail, 'the reminder arrived');
    assert.match(mail!.subject!, /^Nhiệm vụ quá hạn/);
    assert.match(mail!.text ?? '', /01\/04\/2025/);
    assert.equal((mail!.to as { value: { address: string }[] }).value[0].address, 'can-bo@pleiku.example');
    assert.match(mail!.text ?? '', /https:\/\/coso\.example\/tasks\//, 'a link back to the task');
    const pending = await t.db.selectFrom('notifications').select('id').where('email_status', '=', 'pending').execute();
    assert.equal(pending.length, 0, 'the outbox is empty');
  });

  test('without SMTP the reminder stays in-app only', async () => {
    const log = await runTaskReminders({ db: t.db, config: { ...t.config, smtpUrl: undefined } });
    assert.match(log, / 0 e-mails$/);
  });
});
