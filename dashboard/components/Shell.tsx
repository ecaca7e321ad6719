import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { businesses, businessId, loadBusinesses } from '../state/business';
import { loadOrganizations, organizationId } from '../state/organization';
import { me, signOut } from '../state/session';
import { refreshUnread, unreadCount } from '../state/unread';
import { BusinessSwitcher } from './BusinessSwitcher';
import { OrganizationSwitcher } from './OrganizationSwitcher';
import { ThemeToggle } from './ThemeToggle';

const LINKS = [
  { href: '/dashboard', label: 'Inbox' },
  { href: '/dashboard/businesses', label: 'Businesses' },
  { href: '/dashboard/requests', label: 'Requests' },
  { href: '/dashboard/messages', label: 'Messages' },
  { href: '/dashboard/templates', label: 'Templates' },
  { href: '/dashboard/campaigns', label: 'Campaigns' },
  { href: '/dashboard/widget', label: 'Widget' },
  { href: '/dashboard/customers', label: 'Customers' },
  { href: '/dashboard/cards', label: 'Cards' },
  { href: '/dashboard/analytics', label: 'Analytics' },
  { href: '/dashboard/settings/team', label: 'Team' },
  { href: '/dashboard/settings/profile', label: 'Profile' },
  { href: '/dashboard/settings', label: 'Settings' },
  { href: '/dashboard/agency', label: 'Agency', instanceAdmin: true },
];

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

  const current = (href: string) =>
    href === '/dashboard'
      ? path === '/dashboard' || path === '/dashboard/' || /^\/dashboard\/(reviews|feedback)\//.test(path)
      : href === '/dashboard/settings'
        ? // Team and Profile have their own entries; Settings is current on the rest of its screens.
          path.startsWith(href) &&
          !LINKS.some((l) => l.href !== href && l.href.startsWith(href) && path.startsWith(l.href))
        : path.startsWith(href);
  const unread = unreadCount.value;

  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="bar">
        <a class="brand" href="/dashboard">
          Plaudit
        </a>
        <nav aria-label="Main">
          <ul>
            {LINKS.filter((link) => !link.instanceAdmin || me.value?.user?.instanceAdmin).map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={current(link.href) ? 'page' : undefined}>
                  {link.label}
                  {link.href === '/dashboard' && unread !== null && unread > 0 && (
                    <span class="count" data-testid="unread-count">
                      {unread}
                      <span class="sr-only"> unread</span>
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="switchers">
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
