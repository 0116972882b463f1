import { Alert, Button, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * A page that fails to render (or whose code cannot be fetched, e.g. after Palpate was
 * upgraded while this tab was open) says so, instead of leaving a blank screen.
 * `resetKey` (the address) clears the error when the person goes elsewhere.
 */
export class PageErrorBoundary extends Component<
  { children: ReactNode; resetKey: string },
  State & { resetKey: string }
> {
  override state = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: State & { resetKey: string },
  ): Partial<State & { resetKey: string }> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <Alert color="red" title="This page could not be shown" role="alert">
        <Text size="sm" mb="sm">
          Something went wrong while showing this page. Reloading usually fixes it; nothing you
          saved before is lost.
        </Text>
        <Button size="xs" variant="default" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </Alert>
    );
  }
}
