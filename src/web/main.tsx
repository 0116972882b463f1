import './mantine.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProblem } from './api/client.js';
import { App } from './App.js';
import { GuardedRouter } from './navigation/LeaveGuard.js';
import { SessionProvider } from './session/SessionProvider.js';
import { cssVariablesResolver, theme } from './theme.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; a dropped connection might.
      retry: (failures, error) =>
        !(error instanceof ApiProblem && error.status < 500) && failures < 2,
    },
  },
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      forceColorScheme="light"
    >
      <Notifications position="bottom-right" autoClose={4000} />
      <QueryClientProvider client={queryClient}>
        <GuardedRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </GuardedRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
