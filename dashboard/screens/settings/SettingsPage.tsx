import { can } from './can';
import { UsagePanel } from './UsagePanel';

const SECTIONS = [
  { href: '/dashboard/settings/profile', title: 'Profile', text: 'Your password and signed-in devices.' },
  { href: '/dashboard/settings/team', title: 'Team', text: 'Who has access, their roles, invitations.' },
  {
    href: '/dashboard/settings/keys',
    title: 'API keys',
    text: 'Keys for scripts and integrations.',
    scope: 'keys:admin',
  },
  {
    href: '/dashboard/settings/webhooks',
    title: 'Webhooks',
    text: 'Signed events sent to your other systems, and their deliveries.',
    scope: 'webhooks:read',
  },
  {
    href: '/dashboard/settings/connections',
    title: 'Connections',
    text: 'Google, Facebook, Trustpilot, Yelp and Tripadvisor: their reviews arrive by themselves.',
    scope: 'connections:read',
  },
];

/** The settings landing: one link per settings screen the person's role reaches. */
export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <ul class="sessions link-list" aria-label="Settings sections">
        {SECTIONS.filter((s) => !s.scope || can(s.scope)).map((s) => (
          <li key={s.href} class="panel">
            <span>
              <a href={s.href}>{s.title}</a>
              <br />
              <span class="muted">{s.text}</span>
            </span>
          </li>
        ))}
      </ul>
      {can('requests:read') && <UsagePanel />}
    </section>
  );
}
