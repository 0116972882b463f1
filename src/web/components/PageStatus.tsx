import { Alert, Button, Center, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { problemMessage } from '../api/client.js';

export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Center h={fullScreen ? '100vh' : 200} role="status" aria-live="polite">
      <Loader aria-hidden />
      <VisuallyHidden>Loading…</VisuallyHidden>
    </Center>
  );
}

export function ServerUnreachable({ onRetry }: { onRetry: () => void }) {
  return (
    <Center component="main" h="100vh" p="md">
      <title>Palpate is unreachable · Palpate</title>
      <Stack maw={420} align="flex-start">
        <Title order={1} size="h2">
          Palpate is not answering
        </Title>
        <Text>
          The Palpate server could not be reached. Check that it is running and that this device is
          on the practice network, then try again.
        </Text>
        <Button onClick={onRetry}>Try again</Button>
      </Stack>
    </Center>
  );
}

/** A failed load, said plainly, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" title="This could not be loaded" role="alert">
      <Text size="sm" mb={onRetry ? 'sm' : 0}>
        {problemMessage(error)}
      </Text>
      {onRetry && (
        <Button size="xs" variant="default" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
