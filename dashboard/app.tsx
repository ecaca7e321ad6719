import { useEffect } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { Shell } from './components/Shell';
import { me, sessionChecked } from './state/session';

// One chunk per screen: the first screen loads only the shell and the screen it shows.
const InboxPage = lazy(() => import('./screens/inbox/InboxPage').then((m) => m.InboxPage));
const ReviewAddPage = lazy(() => import('./screens/review-add/ReviewAddPage').then((m) => m.ReviewAddPage));
const ReviewImportPage = lazy(() =>
  import('./screens/review-import/ReviewImportPage').then((m) => m.ReviewImportPage),
);
const ReviewPage = lazy(() => import('./screens/review/ReviewPage').then((m) => m.ReviewPage));
const FeedbackPage = lazy(() => import('./screens/feedback/FeedbackPage').then((m) => m.FeedbackPage));
const WidgetPage = lazy(() => import('./screens/widget/WidgetPage').then((m) => m.WidgetPage));
const ProfilePage = lazy(() => import('./screens/profile/ProfilePage').then((m) => m.ProfilePage));
const TeamPage = lazy(() => import('./screens/team/TeamPage').then((m) => m.TeamPage));
const SettingsPage = lazy(() => import('./screens/settings/SettingsPage').then((m) => m.SettingsPage));
const KeysPage = lazy(() => import('./screens/keys/KeysPage').then((m) => m.KeysPage));
const WebhooksPage = lazy(() => import('./screens/webhooks/WebhooksPage').then((m) => m.WebhooksPage));
const WebhookPage = lazy(() => import('./screens/webhooks/WebhookPage').then((m) => m.WebhookPage));
const CustomersPage = lazy(() => import('./screens/customers/CustomersPage').then((m) => m.CustomersPage));
const CustomerPage = lazy(() => import('./screens/customers/CustomerPage').then((m) => m.CustomerPage));
const CardsPage = lazy(() => import('./screens/cards/CardsPage').then((m) => m.CardsPage));
const CardPage = lazy(() => import('./screens/cards/CardPage').then((m) => m.CardPage));
const AnalyticsPage = lazy(() => import('./screens/analytics/AnalyticsPage').then((m) => m.AnalyticsPage));
const AgencyPage = lazy(() => import('./screens/agency/AgencyPage').then((m) => m.AgencyPage));
const BusinessesPage = lazy(() =>
  import('./screens/businesses/BusinessesPage').then((m) => m.BusinessesPage),
);
const BusinessNewPage = lazy(() =>
  import('./screens/businesses/BusinessNewPage').then((m) => m.BusinessNewPage),
);
const BusinessEditPage = lazy(() =>
  import('./screens/businesses/BusinessEditPage').then((m) => m.BusinessEditPage),
);
const PendingPage = lazy(() => import('./screens/pending/PendingPage').then((m) => m.PendingPage));
const LoginPage = lazy(() => import('./screens/login/LoginPage').then((m) => m.LoginPage));
const SetupPage = lazy(() => import('./screens/setup/SetupPage').then((m) => m.SetupPage));
const ForgotPage = lazy(() => import('./screens/forgot/ForgotPage').then((m) => m.ForgotPage));
const ResetPage = lazy(() => import('./screens/reset/ResetPage').then((m) => m.ResetPage));
const RequestsPage = lazy(() => import('./screens/requests/RequestsPage').then((m) => m.RequestsPage));
const RequestNewPage = lazy(() => import('./screens/requests/RequestNewPage').then((m) => m.RequestNewPage));
const BulkPage = lazy(() => import('./screens/requests/BulkPage').then((m) => m.BulkPage));
const MessagesPage = lazy(() => import('./screens/messages/MessagesPage').then((m) => m.MessagesPage));
const TemplatesPage = lazy(() => import('./screens/templates/TemplatesPage').then((m) => m.TemplatesPage));
const CampaignsPage = lazy(() => import('./screens/campaigns/CampaignsPage').then((m) => m.CampaignsPage));
const CampaignPage = lazy(() => import('./screens/campaigns/CampaignPage').then((m) => m.CampaignPage));
const ConnectionsPage = lazy(() =>
  import('./screens/connections/ConnectionsPage').then((m) => m.ConnectionsPage),
);
const AcceptPage = lazy(() => import('./screens/accept/AcceptPage').then((m) => m.AcceptPage));

/** The screens anyone may open; every other one needs a session. */
const PUBLIC = [
  '/dashboard/login',
  '/dashboard/setup',
  '/dashboard/forgot',
  '/dashboard/reset',
  '/dashboard/accept',
];
const isPublic = (path: string) => PUBLIC.includes(path.replace(/\/$/, ''));

function Screens() {
  const { path, url, route } = useLocation();
  const open = isPublic(path);
  const signedOut = sessionChecked.value && !me.value;
  useEffect(() => {
    if (!open && signedOut) route(`/dashboard/login?next=${encodeURIComponent(url)}`, true);
  }, [open, signedOut, url]);
  if (!open && !me.value) {
    return (
      <main id="main" class="center">
        <p role="status">{sessionChecked.value ? 'Signing in…' : 'Loading…'}</p>
      </main>
    );
  }
  const router = (
    <ErrorBoundary>
      <Router>
        <Route path="/dashboard" component={InboxPage} />
        <Route path="/dashboard/reviews/new" component={ReviewAddPage} />
        <Route path="/dashboard/reviews/import" component={ReviewImportPage} />
        <Route path="/dashboard/reviews/:id" component={ReviewPage} />
        <Route path="/dashboard/feedback/:id" component={FeedbackPage} />
        <Route path="/dashboard/widget" component={WidgetPage} />
        <Route path="/dashboard/settings/profile" component={ProfilePage} />
        <Route path="/dashboard/settings/team" component={TeamPage} />
        <Route path="/dashboard/settings" component={SettingsPage} />
        <Route path="/dashboard/settings/keys" component={KeysPage} />
        <Route path="/dashboard/settings/webhooks" component={WebhooksPage} />
        <Route path="/dashboard/settings/webhooks/:id" component={WebhookPage} />
        <Route path="/dashboard/settings/connections" component={ConnectionsPage} />
        <Route path="/dashboard/connections" component={ConnectionsPage} />
        <Route path="/dashboard/customers" component={CustomersPage} />
        <Route path="/dashboard/customers/:id" component={CustomerPage} />
        <Route path="/dashboard/cards" component={CardsPage} />
        <Route path="/dashboard/cards/:id" component={CardPage} />
        <Route path="/dashboard/analytics" component={AnalyticsPage} />
        <Route path="/dashboard/agency" component={AgencyPage} />
        <Route path="/dashboard/businesses" component={BusinessesPage} />
        <Route path="/dashboard/businesses/new" component={BusinessNewPage} />
        <Route path="/dashboard/businesses/:id" component={BusinessEditPage} />
        <Route path="/dashboard/requests" component={RequestsPage} />
        <Route path="/dashboard/requests/new" component={RequestNewPage} />
        <Route path="/dashboard/requests/bulk" component={BulkPage} />
        <Route path="/dashboard/messages" component={MessagesPage} />
        <Route path="/dashboard/templates" component={TemplatesPage} />
        <Route path="/dashboard/campaigns" component={CampaignsPage} />
        <Route path="/dashboard/campaigns/:id" component={CampaignPage} />
        <Route path="/dashboard/pending" component={PendingPage} />
        <Route path="/dashboard/login" component={LoginPage} />
        <Route path="/dashboard/setup" component={SetupPage} />
        <Route path="/dashboard/forgot" component={ForgotPage} />
        <Route path="/dashboard/reset" component={ResetPage} />
        <Route path="/dashboard/accept" component={AcceptPage} />
        <Route default component={NotFound} />
      </Router>
    </ErrorBoundary>
  );
  if (open) {
    return (
      <main id="main" class="center">
        {router}
      </main>
    );
  }
  return <Shell>{router}</Shell>;
}

function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no such page. <a href="/dashboard">Back to the inbox</a>
      </p>
    </section>
  );
}

/** The dashboard: a router over /dashboard/*, the shell around every signed-in screen. */
export function App() {
  return (
    <LocationProvider scope="/dashboard">
      <Screens />
    </LocationProvider>
  );
}
