import { Alert } from '@mantine/core';

/** Someone else saved first; nothing was overwritten, and the person is told what to do next. */
export function StaleNotice({ children }: { children: React.ReactNode }) {
  return (
    <Alert color="orange" title="Not saved" role="alert" mb="md">
      {children}
    </Alert>
  );
}
