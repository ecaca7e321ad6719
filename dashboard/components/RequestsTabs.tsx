import { useLocation } from 'preact-iso';
import { REQUEST_TABS } from './nav-links';

/** The tab bar of the Requests area: requests, messages, templates, campaigns. */
export function RequestsTabs() {
  const { path } = useLocation();
  return (
    <nav aria-label="Requests sections" class="tabs">
      <ul>
        {REQUEST_TABS.map((tab) => (
          <li key={tab.href}>
            <a href={tab.href} aria-current={tab.screens.test(path) ? 'page' : undefined}>
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
