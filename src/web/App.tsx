import { lazy, Suspense, type ComponentType } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
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
const ClientListPage = lazyPage(
  () => import('./pages/clients/ClientListPage.js'),
  'ClientListPage',
);
const NewClientPage = lazyPage(() => import('./pages/clients/NewClientPage.js'), 'NewClientPage');
const EditClientPage = lazyPage(
  () => import('./pages/clients/EditClientPage.js'),
  'EditClientPage',
);
const ClientProfilePage = lazyPage(
  () => import('./pages/clients/ClientProfilePage.js'),
  'ClientProfilePage',
);
const StaffPage = lazyPage(() => import('./pages/staff/StaffPage.js'), 'StaffPage');
const SettingsPage = lazyPage(() => import('./pages/settings/SettingsPage.js'), 'SettingsPage');
const AuditPage = lazyPage(() => import('./pages/audit/AuditPage.js'), 'AuditPage');
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage.js'), 'NotFoundPage');

export function App() {
  const { state, refresh } = useSessionState();
  const [location] = useLocation();

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
            <Redirect to="/clients" replace />
          </Route>
          <Route path="/setup">
            <Redirect to="/clients" replace />
          </Route>
          <Route>
            <AppLayout>
              <PageErrorBoundary resetKey={location}>
                <Suspense fallback={<PageLoader />}>
                  <Switch>
                    <Route path="/">
                      <Redirect to="/clients" replace />
                    </Route>
                    <Route path="/clients" component={ClientListPage} />
                    <Route path="/clients/new" component={NewClientPage} />
                    <Route path="/clients/:id/edit" component={EditClientPage} />
                    <Route path="/clients/:id" component={ClientProfilePage} />
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
