import { Anchor, Text } from '@mantine/core';
import { Link } from 'wouter';
import { PageHeading } from './PageHeading.js';

/** A page this role is not offered, reached by its address. The server refuses it anyway. */
export function NotAllowed({ title, reason }: { title: string; reason: string }) {
  return (
    <>
      <PageHeading title={title} />
      <Text>
        {reason}{' '}
        <Anchor component={Link} href="/clients">
          Go to the client list
        </Anchor>
        .
      </Text>
    </>
  );
}
