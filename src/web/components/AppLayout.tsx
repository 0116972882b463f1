import { AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { roleLabels } from '../../domain/roles.js';
import { offers } from '../session/permissions.js';
import { useSession, useSessionState } from '../session/SessionProvider.js';

interface Destination {
  href: string;
  label: string;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const session = useSession();
  const { end } = useSessionState();
  const [location] = useLocation();
  const [navigationOpen, navigation] = useDisclosure(false);
  const role = session.user.role;

  const destinations: Destination[] = [
    { href: '/today', label: 'Today' },
    { href: '/schedule', label: 'Schedule' },
    { href: '/clients', label: 'Clients' },
    ...(offers.clinicalNotes(role) ? [{ href: '/notes/search', label: 'Search notes' }] : []),
    ...(offers.insights(role) ? [{ href: '/insights', label: 'Insights' }] : []),
    ...(offers.staffAdmin(role) ? [{ href: '/staff', label: 'Staff' }] : []),
    ...(offers.auditLog(role) ? [{ href: '/audit', label: 'Audit log' }] : []),
    { href: '/settings', label: 'Settings' },
  ];

  const skipToMain = (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <AppShell
      header={{ height: 56 }}
      // Narrower beside a tablet's content, where tables need the room.
      navbar={{
        width: { sm: 168, md: 200 },
        breakpoint: 'sm',
        collapsed: { mobile: !navigationOpen },
      }}
      padding="md"
    >
      <a href="#main" className="skip-link" onClick={skipToMain}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navigationOpen}
              onClick={navigation.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navigationOpen ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navigationOpen}
              aria-controls="app-navigation"
            />
            <Text fw={700} size="lg" truncate="end">
              {session.practice.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="xs" ta="right" lh={1.2}>
              {session.user.displayName}
              <Text span display="block" size="xs" c="dimmed">
                {roleLabels[role]}
              </Text>
            </Text>
            <Button variant="default" size="xs" onClick={() => void end()}>
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" id="app-navigation" aria-label="Main">
        {destinations.map((destination) => {
          const active =
            location === destination.href || location.startsWith(`${destination.href}/`);
          return (
            <NavLink
              key={destination.href}
              component={Link}
              href={destination.href}
              label={destination.label}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={navigation.close}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
