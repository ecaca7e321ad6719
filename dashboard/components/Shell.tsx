import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { businesses, businessId, loadBusinesses } from '../state/business';
import { loadOrganizations, organizationId } from '../state/organization';
import { me, signOut } from '../state/session';
import { refreshUnread, unreadCount } from '../state/unread';
import { BusinessSwitcher } from './BusinessSwitcher';
import { NAV_LINKS } from './nav-links';
import { OrganizationSwitcher } from './OrganizationSwitcher';
import { ThemeToggle } from './ThemeToggle';

/** The frame of every signed-in screen: skip link, navigation with the unread count, switchers, sign out. */
export function Shell({ children }: { children: ComponentChildren }) {
  const { path, route } = useLocation();
  // Everything the shell shows belongs to the acting organization: reload it when that changes.
  useEffect(() => {
    loadBusinesses();
    loadOrganizations();
    refreshUnread();
  }, [organizationId.value, me.value?.user?.id]);

  // A new screen moves focus to its content, so keyboard and screen-reader users start there; a new
  // query on the same screen (a filter) leaves focus where it was.
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    main.current?.focus();
  }, [path]);

  // On a phone the links and switchers fold behind Menu; any navigation folds them again.
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [path]);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  const unread = unreadCount.value;
  const links = NAV_LINKS.filter((link) => !link.instanceAdmin || me.value?.user?.instanceAdmin);
  const entry = (link: (typeof NAV_LINKS)[number]) => (
    <li key={link.href}>
      <a href={link.href} aria-current={link.screens.test(path) ? 'page' : undefined}>
        {link.label}
        {link.href === '/dashboard' && unread !== null && unread > 0 && (
          <span class="count" data-testid="unread-count">
            {unread}
            <span class="sr-only"> unread</span>
          </span>
        )}
      </a>
    </li>
  );

  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class={open ? 'bar open' : 'bar'}>
        <nav aria-label="Main">
          <a class="brand" href="/dashboard">
            Plaudit
          </a>
          <ul class="nav-first">{links.slice(0, 1).map(entry)}</ul>
          <button
            type="button"
            class="ghost menu"
            aria-expanded={open}
            aria-controls="main-menu shell-tools"
            ref={menuButton}
            onClick={() => setOpen(!open)}
          >
            Menu
          </button>
          <ul class="nav-rest" id="main-menu">
            {links.slice(1).map(entry)}
          </ul>
        </nav>
        <div class="switchers" id="shell-tools">
          <OrganizationSwitcher />
          {businesses.value.length > 1 && <BusinessSwitcher />}
          <ThemeToggle />
          <button
            type="button"
            class="ghost"
            onClick={async () => {
              await signOut();
              businessId.value = '';
              route('/dashboard/login');
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {children}
      </main>
    </div>
  );
}
