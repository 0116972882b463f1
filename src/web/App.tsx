import { lazy, Suspense, type ComponentType } from 'react';
import { Redirect, Route, Switch, useLocation, useRoute } from 'wouter';
import { AppLayout } from './components/AppLayout.js';
import { PageErrorBoundary } from './components/PageErrorBoundary.js';
import { PageLoader, ServerUnreachable } from './components/PageStatus.js';
import { useSessionState } from './session/SessionProvider.js';

/** Each page is its own chunk, fetched the first time someone opens it. */
function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const SetupPage = lazyPage(() => import('./pages/setup/SetupPage.js'), 'SetupPage');
const LoginPage = lazyPage(() => import('./pages/login/LoginPage.js'), 'LoginPage');
const InvitePage = lazyPage(() => import('./pages/invite/InvitePage.js'), 'InvitePage');
const PublicIntakePage = lazyPage(
  () => import('./pages/intake/PublicIntakePage.js'),
  'PublicIntakePage',
);
const PublicFollowUpPage = lazyPage(
  () => import('./pages/follow-ups/PublicFollowUpPage.js'),
  'PublicFollowUpPage',
);
const PublicMeasuresPage = lazyPage(
  () => import('./pages/outcomes/PublicMeasuresPage.js'),
  'PublicMeasuresPage',
);
const IntakeReviewPage = lazyPage(
  () => import('./pages/intake/IntakeReviewPage.js'),
  'IntakeReviewPage',
);
const ClientListPage = lazyPage(
  () => import('./pages/clients/ClientListPage.js'),
  'ClientListPage',
);
const NewClientPage = lazyPage(() => import('./pages/clients/NewClientPage.js'), 'NewClientPage');
const ImportPage = lazyPage(() => import('./pages/imports/ImportPage.js'), 'ImportPage');
const EditClientPage = lazyPage(
  () => import('./pages/clients/EditClientPage.js'),
  'EditClientPage',
);
const ClientProfilePage = lazyPage(
  () => import('./pages/clients/ClientProfilePage.js'),
  'ClientProfilePage',
);
const HealthHistoryPage = lazyPage(
  () => import('./pages/health-history/HealthHistoryPage.js'),
  'HealthHistoryPage',
);
// Its own chunk, with the chart library: nothing else in the app loads recharts.
const ProgressPage = lazyPage(() => import('./pages/progress/ProgressPage.js'), 'ProgressPage');
const TodayPage = lazyPage(() => import('./pages/today/TodayPage.js'), 'TodayPage');
const SchedulePage = lazyPage(() => import('./pages/schedule/SchedulePage.js'), 'SchedulePage');
const SessionPage = lazyPage(() => import('./pages/sessions/SessionPage.js'), 'SessionPage');
const BriefingPage = lazyPage(() => import('./pages/briefing/BriefingPage.js'), 'BriefingPage');
const NoteSearchPage = lazyPage(() => import('./pages/notes/NoteSearchPage.js'), 'NoteSearchPage');
const InsightsPage = lazyPage(() => import('./pages/insights/InsightsPage.js'), 'InsightsPage');
const StaffPage = lazyPage(() => import('./pages/staff/StaffPage.js'), 'StaffPage');
const SettingsPage = lazyPage(() => import('./pages/settings/SettingsPage.js'), 'SettingsPage');
const AuditPage = lazyPage(() => import('./pages/audit/AuditPage.js'), 'AuditPage');
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage.js'), 'NotFoundPage');

export function App() {
  const { state, refresh } = useSessionState();
  const [location] = useLocation();
  const [isInvitation] = useRoute('/invite/:token');
  const [isIntakeLink] = useRoute('/intake/:token');
  const [isMeasuresLink] = useRoute('/measures/:token');
  const [isFollowUpLink] = useRoute('/follow-up/:token');

  // A client's intake link needs no account and looks the same whoever is signed in here.
  if (isIntakeLink) {
    return (
      <Suspense fallback={<PageLoader fullScreen />}>
        <Route path="/intake/:token" component={PublicIntakePage} />
      </Suspense>
    );
  }

  // So does a client's follow-up link, a day or two after a session.
  if (isFollowUpLink) {
    return (
      <Suspense fallback={<PageLoader fullScreen />}>
        <Route path="/follow-up/:token" component={PublicFollowUpPage} />
      </Suspense>
    );
  }

  // And a client's measures link, to score how they are doing before a visit.
  if (isMeasuresLink) {
    return (
      <Suspense fallback={<PageLoader fullScreen />}>
        <Route path="/measures/:token" component={PublicMeasuresPage} />
      </Suspense>
    );
  }

  // An invitation link works signed out, and says what to do when someone is signed in. The
  // same element in both states keeps the page mounted while accepting signs the person in.
  if (isInvitation && (state.status === 'signedOut' || state.status === 'signedIn')) {
    return (
      <Suspense fallback={<PageLoader fullScreen />}>
        <Route path="/invite/:token" component={InvitePage} />
      </Suspense>
    );
  }

  switch (state.status) {
    case 'loading':
      return <PageLoader fullScreen />;
    case 'unreachable':
      return <ServerUnreachable onRetry={() => void refresh()} />;
    case 'needsSetup':
      return (
        <Suspense fallback={<PageLoader fullScreen />}>
          <Switch>
            <Route path="/setup" component={SetupPage} />
            <Redirect to="/setup" replace />
          </Switch>
        </Suspense>
      );
    case 'signedOut':
      return (
        <Suspense fallback={<PageLoader fullScreen />}>
          <Switch>
            <Route path="/login" component={LoginPage} />
            <Redirect to="/login" replace />
          </Switch>
        </Suspense>
      );
    case 'signedIn':
      return (
        <Switch>
          <Route path="/login">
            <Redirect to="/today" replace />
          </Route>
          <Route path="/setup">
            <Redirect to="/today" replace />
          </Route>
          <Route>
            <AppLayout>
              <PageErrorBoundary resetKey={location}>
                <Suspense fallback={<PageLoader />}>
                  <Switch>
                    <Route path="/">
                      <Redirect to="/today" replace />
                    </Route>
                    <Route path="/today" component={TodayPage} />
                    <Route path="/schedule" component={SchedulePage} />
                    <Route path="/sessions/:id/briefing" component={BriefingPage} />
                    <Route path="/sessions/:id" component={SessionPage} />
                    <Route path="/notes/search" component={NoteSearchPage} />
                    <Route path="/insights" component={InsightsPage} />
                    <Route path="/clients" component={ClientListPage} />
                    <Route path="/clients/new" component={NewClientPage} />
                    <Route path="/clients/import" component={ImportPage} />
                    <Route path="/clients/:id/edit" component={EditClientPage} />
                    <Route path="/clients/:id/health-history" component={HealthHistoryPage} />
                    <Route path="/clients/:id/progress" component={ProgressPage} />
                    <Route path="/clients/:id" component={ClientProfilePage} />
                    <Route path="/intake-submissions/:id" component={IntakeReviewPage} />
                    <Route path="/staff" component={StaffPage} />
                    <Route path="/audit" component={AuditPage} />
                    <Route path="/settings" component={SettingsPage} />
                    <Route component={NotFoundPage} />
                  </Switch>
                </Suspense>
              </PageErrorBoundary>
            </AppLayout>
          </Route>
        </Switch>
      );
  }
}
