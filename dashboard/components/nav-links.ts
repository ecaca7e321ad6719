/** A top-level entry: where it goes and which screens it stands for (all of them show it as current). */
export type NavLink = { href: string; label: string; screens: RegExp; instanceAdmin?: boolean };

/** The main navigation, grouped by what an owner does; Inbox comes first and stays visible on a phone. */
export const NAV_LINKS: NavLink[] = [
  { href: '/dashboard', label: 'Inbox', screens: /^\/dashboard\/?$|^\/dashboard\/(reviews|feedback)\// },
  {
    href: '/dashboard/requests',
    label: 'Requests',
    screens: /^\/dashboard\/(requests|messages|templates|campaigns)(\/|$)/,
  },
  { href: '/dashboard/widget', label: 'Widget', screens: /^\/dashboard\/widget(\/|$)/ },
  { href: '/dashboard/customers', label: 'Customers', screens: /^\/dashboard\/customers(\/|$)/ },
  { href: '/dashboard/cards', label: 'Cards', screens: /^\/dashboard\/cards(\/|$)/ },
  { href: '/dashboard/analytics', label: 'Analytics', screens: /^\/dashboard\/analytics(\/|$)/ },
  { href: '/dashboard/businesses', label: 'Businesses', screens: /^\/dashboard\/businesses(\/|$)/ },
  { href: '/dashboard/settings', label: 'Settings', screens: /^\/dashboard\/settings(\/|$)/ },
  { href: '/dashboard/agency', label: 'Agency', screens: /^\/dashboard\/agency(\/|$)/, instanceAdmin: true },
];

/** The sections of Requests, shown as tabs on each of their screens. */
export const REQUEST_TABS: NavLink[] = [
  { href: '/dashboard/requests', label: 'Requests', screens: /^\/dashboard\/requests(\/|$)/ },
  { href: '/dashboard/messages', label: 'Messages', screens: /^\/dashboard\/messages(\/|$)/ },
  { href: '/dashboard/templates', label: 'Templates', screens: /^\/dashboard\/templates(\/|$)/ },
  { href: '/dashboard/campaigns', label: 'Campaigns', screens: /^\/dashboard\/campaigns(\/|$)/ },
];
