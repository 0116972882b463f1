import { Anchor, Text } from '@mantine/core';
import { Link } from 'wouter';
import { PageHeading } from '../components/PageHeading.js';

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Page not found" />
      <Text>
        There is nothing at this address.{' '}
        <Anchor component={Link} href="/clients">
          Go to the client list
        </Anchor>
        .
      </Text>
    </>
  );
}
