import type { ComponentChildren } from 'preact';
import { can } from '../auth/permissions.ts';
import { LANGS, LANG_NAMES } from '../i18n/i18n.ts';
import { ASSETS } from './assets.ts';
import { Picture } from '../images/picture.tsx';
import { ADMIN_NAV, MAIN_NAV } from './navigation.ts';
import type { PageContext } from './page-context.ts';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  children: ComponentChildren;
}

/** The frame of every page: landmarks, skip link, menus, language switcher, footer. */
export function Layout({ ctx, title, description, children }: LayoutProps) {
  const { t, lang, site } = ctx;
  // The network's name (the secretariat's setting, else the catalogs'); Passerelle is named in the footer.
  const siteName = site.shortName ?? t('site.name');
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === siteName ? `${siteName} · ${t('site.tagline')}` : `${title} · ${siteName}`}</title>
        {description && <meta name="description" content={description} />}
        <link rel="stylesheet" href={ASSETS.css.url} />
        {site.themeUrl && <link rel="stylesheet" href={site.themeUrl} />}
        <link rel="icon" href={ASSETS.favicon.url} type="image/svg+xml" />
        <script src={ASSETS.searchJs.url} defer />
        {LANGS.map((other) => (
          <link rel="alternate" hreflang={other} href={`${ctx.baseUrl}/${other}${ctx.path}`} />
        ))}
        <link rel="alternate" hreflang="x-default" href={`${ctx.baseUrl}/en${ctx.path}`} />
        <link rel="alternate" type="application/atom+xml" href={`/${lang}/feed.xml`} title={t('news.feed_title')} />
      </head>
      <body>
        <a class="skip-link" href="#main">{t('nav.skip')}</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={`/${lang}/`}>
              {site.logo && <Picture image={site.logo} lang={lang} sizes="6rem" class="brand-logo" lazy={false} decorative />}
              <span class="brand-text">
                <span class="brand-name">{siteName}</span>
                <span class="brand-tagline">{t('site.tagline')}</span>
              </span>
            </a>
            <form method="get" action={`/${lang}/search`} role="search" class="site-search" aria-label={t('search.header_label')}>
              <label for="site-search-q" class="visually-hidden">{t('search.header_label')}</label>
              {/* type=text: Escape in a type=search box wipes the query, even without script. */}
              <input id="site-search-q" type="text" enterkeyhint="search" name="q" maxLength={200} autocomplete="off" data-suggest="site-search-suggest" />
              <button type="submit">{t('search.submit')}</button>
              <div id="site-search-suggest" class="search-suggest" data-label={t('search.suggestions')} hidden />
            </form>
            <LanguageSwitcher ctx={ctx} />
          </div>
          <nav class="wrap main-nav" aria-label={t('nav.main')}>
            <ul>
              {MAIN_NAV.map((item) => (
                <li>
                  <a href={`/${lang}${item.path}`} aria-current={isCurrent(ctx.path, item.path) ? 'page' : undefined}>
                    {t(item.key)}
                  </a>
                </li>
              ))}
            </ul>
            <AccountMenu ctx={ctx} />
          </nav>
        </header>
        <main id="main" tabindex={-1} class="wrap">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('footer.about')}</p>
            <p>{t('footer.software')}</p>
            {/* A GET form: no CSRF token, so every page stays cacheable; the subscribe page does the rest. */}
            <form method="get" action={`/${lang}/newsletter/subscribe`} class="footer-subscribe" aria-labelledby="footer-subscribe-title">
              <h2 id="footer-subscribe-title">{t('subscribers.footer_title')}</h2>
              <label for="footer-subscribe-email">{t('subscribers.footer_email')}</label>{' '}
              <input id="footer-subscribe-email" type="email" name="email" autocomplete="email" maxLength={254} />{' '}
              <button type="submit">{t('subscribers.footer_submit')}</button>
            </form>
            <p>
              <a href={`/${lang}/newsletter`}>{t('newsletter.past_issues_link')}</a> · <a href={`/${lang}/open-data`}>{t('footer.api')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function LanguageSwitcher({ ctx }: { ctx: PageContext }) {
  return (
    <nav class="lang-switcher" aria-label={ctx.t('nav.languages')}>
      <ul>
        {LANGS.map((other) => (
          <li>
            <a href={`/${other}${ctx.path}`} hreflang={other} lang={other} aria-current={other === ctx.lang ? 'true' : undefined}>
              {LANG_NAMES[other]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountMenu({ ctx }: { ctx: PageContext }) {
  const { t, lang, user } = ctx;
  if (!user) {
    return (
      <p class="account">
        <a href={`/${lang}/sign-in`}>{t('nav.sign_in')}</a>
      </p>
    );
  }
  const adminLinks = ADMIN_NAV.filter((item) => item.permission && can(user, item.permission)).slice(0, 1);
  return (
    <div class="account">
      {adminLinks.map((item) => (
        <a href={`/${lang}${item.path}`}>{t('nav.admin')}</a>
      ))}
      <a href={`/${lang}/account`}>{t('accounts.nav')}</a>
      {can(user, 'members.own') && <a href={`/${lang}/my-member`}>{t('space.title')}</a>}
      <form method="post" action={`/${lang}/sign-out`}>
        <input type="hidden" name="_csrf" value={ctx.csrf()} />
        <button type="submit" class="link-button">
          {t('nav.sign_out', { name: user.name || user.email })}
        </button>
      </form>
    </div>
  );
}

function isCurrent(current: string, itemPath: string): boolean {
  const path = current.split('?')[0] ?? '/';
  return itemPath === '/' ? path === '/' : path === itemPath || path.startsWith(`${itemPath}/`);
}
