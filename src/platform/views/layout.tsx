import type { PropsWithChildren } from 'hono/jsx';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../http/context.ts';
import { mayEnter, type Permission } from '../authz/index.ts';
import { Csrf } from './components.tsx';

interface NavItem { href: string; labelKey: string; permission: Permission; order: number }
const navItems: NavItem[] = [];

/** Adds a link to the main navigation, shown only to users who may enter it. */
export function registerNav(item: NavItem): void {
  if (!navItems.some((n) => n.href === item.href)) navItems.push(item);
  navItems.sort((a, b) => a.order - b.order);
}

/** The page shell: skip link, header with navigation and language switch, main landmark, footer. */
export function Layout({ title, children }: PropsWithChildren<{ title: string }>) {
  const c = useRequestContext<AppEnv>();
  const t = c.get('t');
  const user = c.get('user');
  const lang = c.get('lang');
  const other = lang === 'vi' ? 'en' : 'vi';
  const url = new URL(c.req.url);
  url.searchParams.set('lang', other);
  const path = c.req.path;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · Coso`}</title>
          <link rel="stylesheet" href="/static/app.css" />
        </head>
        <body>
          <a class="skip-link" href="#main">{t('nav.skip')}</a>
          <header class="site-header">
            <div class="container header-row">
              <a class="brand" href="/">Coso</a>
              <span class="brand-sub">{t('app.tagline')}</span>
              <nav class="lang" aria-label={t('nav.language')}>
                <a href={`${url.pathname}${url.search}`} hreflang={other} lang={other}>{other === 'en' ? 'English' : 'Tiếng Việt'}</a>
              </nav>
            </div>
            <nav class="container main-nav" aria-label={t('nav.main')}>
              <ul>
                {navItems.filter((n) => mayEnter(user, n.permission)).map((n) => (
                  <li><a href={n.href} aria-current={path === n.href || path.startsWith(n.href + '/') ? 'page' : undefined}>{t(n.labelKey)}</a></li>
                ))}
              </ul>
              <div class="account">
                {user ? (
                  <form method="post" action="/logout" class="inline">
                    <Csrf />
                    <span class="who">{user.displayName}</span>
                    <button type="submit" class="link-button">{t('auth.logout')}</button>
                  </form>
                ) : (
                  <a href="/login">{t('auth.login')}</a>
                )}
              </div>
            </nav>
          </header>
          <main id="main" class="container" tabindex={-1}>
            {children}
          </main>
          <footer class="site-footer">
            <div class="container">{t('app.footer')}</div>
          </footer>
        </body>
      </html>
    </>
  );
}
