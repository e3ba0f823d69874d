import type { PropsWithChildren } from 'hono/jsx';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../http/context.ts';
import { mayEnter, type Permission } from '../authz/index.ts';
import { Csrf } from './components.tsx';
import { appCss } from './assets.ts';

export interface NavItem { href: string; labelKey: string; permission: Permission; order: number }
const navItems: NavItem[] = [];

/** Adds a link to the navigation, shown only to users who may enter it. */
export function registerNav(item: NavItem): void {
  if (!navItems.some((n) => n.href === item.href)) navItems.push(item);
  navItems.sort((a, b) => a.order - b.order);
}

/**
 * The information architecture: a few work areas in the header (so it stays short on a 360-px
 * phone), each listing its pages on `/areas/{key}` and on the home page. A page belongs to the area
 * naming its href; pages no area names fall in `other`.
 */
export const NAV_AREAS: { key: string; hrefs: string[] }[] = [
  { key: 'work', hrefs: ['/overview', '/plans', '/tasks', '/assignments', '/reports', '/supervision', '/inspections', '/records', '/field'] },
  { key: 'citizens', hrefs: ['/petitions', '/reception'] },
  { key: 'democracy', hrefs: ['/disclosures', '/consultations', '/community', '/conferences', '/boards', '/recommendations', '/mediation', '/agency-democracy', '/listen'] },
  { key: 'dvk', hrefs: ['/exemplars'] },
  { key: 'org', hrefs: ['/units', '/calendar', '/notifications'] },
  { key: 'public', hrefs: ['/board', '/public/petitions/new', '/showcase/exemplars', '/public/map', '/open-data', '/public/inspections', '/public/deadlines'] },
  { key: 'system', hrefs: ['/admin/users', '/audit', '/admin/languages'] },
  { key: 'other', hrefs: [] },
];

const areaOf = (href: string) => NAV_AREAS.find((a) => a.hrefs.includes(href))?.key ?? 'other';

/** The pages a user may enter, by area (areas without such a page left out), in area order. */
export function navByArea(user: Parameters<typeof mayEnter>[0]): { key: string; items: NavItem[] }[] {
  const visible = navItems.filter((n) => mayEnter(user, n.permission));
  return NAV_AREAS.map((a) => ({ key: a.key, items: visible.filter((n) => areaOf(n.href) === a.key) })).filter((a) => a.items.length > 0);
}

/** The area of the current path (for aria-current in the header). */
function currentArea(path: string): string | undefined {
  if (path.startsWith('/areas/')) return path.slice(7);
  const hit = navItems.filter((n) => path === n.href || path.startsWith(n.href + '/')).sort((a, b) => b.href.length - a.href.length)[0];
  return hit ? areaOf(hit.href) : undefined;
}

/** Links to the current page in every other offered language (each named in itself). */
function languageLinks(href: string, current: string, extra: { code: string; name: string }[]) {
  const all = [{ code: 'vi', name: 'Tiếng Việt' }, { code: 'en', name: 'English' }, ...extra];
  return all.filter((l) => l.code !== current).map((l) => {
    const url = new URL(href);
    url.searchParams.set('lang', l.code);
    return { ...l, href: `${url.pathname}${url.search}` };
  });
}

/** The page shell: skip link, header with navigation and language switch, main landmark, footer. */
export function Layout({ title, children }: PropsWithChildren<{ title: string }>) {
  const c = useRequestContext<AppEnv>();
  const t = c.get('t');
  const user = c.get('user');
  const locale = c.get('locale');
  const path = c.req.path;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · Coso`}</title>
          <link rel="stylesheet" href={appCss.href} />
        </head>
        <body>
          <a class="skip-link" href="#main">{t('nav.skip')}</a>
          <header class="site-header">
            <div class="container header-row">
              <a class="brand" href="/">Coso</a>
              <span class="brand-sub">{t('app.tagline')}</span>
              <nav class="lang" aria-label={t('nav.language')}>
                {languageLinks(c.req.url, locale, c.get('languages')).map((l, i) => <>{i > 0 && ' · '}<a href={l.href} hreflang={l.code} lang={l.code}>{l.name}</a></>)}
              </nav>
            </div>
            <nav class="container main-nav" aria-label={t('nav.main')}>
              <ul>
                {navByArea(user).map((a) => (
                  <li><a href={`/areas/${a.key}`} aria-current={currentArea(path) === a.key ? 'page' : undefined}>{t(`area.${a.key}`)}</a></li>
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
