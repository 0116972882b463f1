import { Text } from '@mantine/core';
import type { SaveState } from './noteDraftKeeper.js';

const said: Record<SaveState['kind'], string> = {
  saved: 'Saved',
  pending: 'Saving…',
  saving: 'Saving…',
  offline: 'Offline — changes kept on this device',
  conflict: 'Conflict',
  failed: 'Not saved',
};

/** Where the note's words are, in words: always visible while writing. */
export function SaveStatus({
  state,
  keptOnDevice,
  started,
}: {
  state: SaveState;
  keptOnDevice: boolean;
  /** False until the note's first save: there is nothing to sign yet. */
  started: boolean;
}) {
  return (
    <Text
      size="sm"
      fw={600}
      role="status"
      aria-live="polite"
      className="save-status"
      data-state={state.kind}
    >
      <span className="save-status-dot" aria-hidden="true" />
      {state.kind === 'saved' && !started ? 'Nothing written yet' : said[state.kind]}
      {!keptOnDevice && state.kind !== 'saved' && ' (this browser could not keep a copy)'}
    </Text>
  );
}
