import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The page's one h1 and the browser tab's title, with the page's main actions beside it. */
export function PageHeading({
  title,
  tabTitle = title,
  actions,
  children,
}: {
  title: string;
  tabTitle?: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <title>{`${tabTitle} · Palpate`}</title>
      <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
        </div>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </>
  );
}
