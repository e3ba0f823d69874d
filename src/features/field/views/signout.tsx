import type { Child } from 'hono/jsx';
import { Csrf, useT } from '../../../platform/views/components.tsx';

/**
 * Shown instead of signing out when the officer's entries are not all on the server: sync first, or
 * sign out anyway (the page's script removes the entries from the device before the form is sent).
 */
export function SignOutCheck({ userId, scripts }: { userId: string; scripts: Child }) {
  const t = useT();
  return (
    <div data-signout data-user-id={userId} data-count-text={t('field.signOut.count')}>
      <h1>{t('field.signOut.title')}</h1>
      <div class="notice">
        <p>{t('field.signOut.warning')}</p>
        <p data-signout-count></p>
      </div>
      <p><a class="button" href="/field">{t('field.signOut.syncFirst')}</a></p>
      <p class="hint">{t('field.signOut.syncHint')}</p>
      <form method="post" action="/logout">
        <Csrf />
        <input type="hidden" name="discard" value="1" />
        <button type="submit" class="button warning">{t('field.signOut.discard')}</button>
      </form>
      {scripts}
    </div>
  );
}
