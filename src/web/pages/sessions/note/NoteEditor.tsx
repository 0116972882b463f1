import './note.css';
import { Alert, Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { clearTemplateText, holdsTemplateText } from '../../../../domain/note-templates.js';
import type { NoteContent } from '../../../../domain/notes.js';
import type { Session } from '../../../../domain/sessions.js';
import { ApiProblem } from '../../../api/client.js';
import { noteKeys, type NoteRecord } from '../../../api/notes.js';
import { sessionKeys } from '../../../api/sessions.js';
import { useCatalogue } from '../../../api/useCatalogue.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useSession } from '../../../session/SessionProvider.js';
import { NoteSafetyPanel, NoteSafetyWarnings } from '../../../components/safety/NoteSafetyPanel.js';
import { useNoteSafety } from '../../../components/safety/useNoteSafety.js';
import { HealthCheckStep } from '../../health-history/HealthCheckStep.js';
import { MeasuresDuePanel } from '../../outcomes/MeasuresDuePanel.js';
import { AssessmentSection, PlanSection } from './AssessmentPlanSections.js';
import { ConflictNotice } from './ConflictNotice.js';
import { LastPlanButton } from './LastPlanButton.js';
import { CarriedOver } from './CarriedOver.js';
import { ObjectiveSection } from './ObjectiveSection.js';
import { SaveStatus } from './SaveStatus.js';
import { SignDialog } from './SignDialog.js';
import { StartedFromTemplate } from './StartedFromTemplate.js';
import { SubjectiveSection } from './SubjectiveSection.js';
import { TreatmentSection } from './TreatmentSection.js';
import { useNoteDraft } from './useNoteDraft.js';
import { useNoteTemplate } from './useNoteTemplate.js';

type Section = 'subjective' | 'objective' | 'treatment' | 'assessment' | 'plan';

/** The SOAP note being written: saved on this device at once and to the server as you go. */
export function NoteEditor({ visit, record }: { visit: Session; record: NoteRecord }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const catalogue = useCatalogue();
  const { snapshot, keeper } = useNoteDraft(visit.id, session.user.id, record);
  const template = useNoteTemplate(visit.sessionType, keeper);
  const [restoredShown, setRestoredShown] = useState(snapshot.restored);
  const [signing, signDialog] = useDisclosure(false);
  const { content, state } = snapshot;
  const sessionMinutes = visit.actualMinutes ?? visit.plannedMinutes;
  const safety = useNoteSafety({
    sessionId: visit.id,
    clientId: visit.clientId,
    timeZone: session.practice.timeZone,
    content,
    catalogue: catalogue.data,
    started: snapshot.etag !== '"0"',
  });

  const edit =
    <S extends Section>(section: S) =>
    (patch: Partial<NoteContent[S]>) =>
      keeper.change((draft) => ({ ...draft, [section]: { ...draft[section], ...patch } }));

  const openSigning = async () => {
    if (await keeper.flush()) signDialog.open();
  };
  const started = snapshot.etag !== '"0"' || state.kind !== 'saved';
  const clearTemplate = () => {
    if (!template) return;
    const clear = (draft: NoteContent) => clearTemplateText(draft, template.template);
    // Before anything is written the note stays unsaved; after, clearing is an edit like any.
    if (!keeper.prefill(clear)) keeper.change(clear);
  };

  return (
    <Stack gap="md" className="note-editor">
      <div className="note-toolbar">
        <SaveStatus state={state} keptOnDevice={snapshot.keptOnDevice} started={started} />
        <Button onClick={() => void openSigning()} disabled={!started || state.kind === 'conflict'}>
          Sign and lock
        </Button>
      </div>
      <HealthCheckStep
        sessionId={visit.id}
        clientId={visit.clientId}
        timeZone={session.practice.timeZone}
      />
      <NoteSafetyPanel sessionId={visit.id} safety={safety} timeZone={session.practice.timeZone} />
      <MeasuresDuePanel sessionId={visit.id} clientId={visit.clientId} />
      {restoredShown && (
        <Alert color="blue" title="Unsaved changes brought back" role="status">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text size="sm">
              This device held changes to this note that had not reached the server yet. They are
              shown below{state.kind === 'conflict' ? '' : ' and are being saved now'}.
            </Text>
            <CloseButton aria-label="Dismiss" onClick={() => setRestoredShown(false)} />
          </Group>
        </Alert>
      )}
      {state.kind === 'conflict' && (
        <ConflictNotice
          theirs={state.theirs}
          timeZone={session.practice.timeZone}
          sessionMinutes={sessionMinutes}
          onUseTheirs={keeper.useTheirs.bind(keeper)}
          onKeepMine={keeper.keepMine.bind(keeper)}
        />
      )}
      {state.kind === 'failed' && (
        <ProblemAlert
          error={state.error}
          title="Not saved yet"
          unplacedFields={state.error instanceof ApiProblem ? state.error.errors : []}
        />
      )}
      {state.kind === 'failed' &&
        state.error instanceof ApiProblem &&
        state.error.status === 409 && (
          <Button
            variant="default"
            onClick={() => {
              void queryClient.invalidateQueries({ queryKey: noteKeys.one(visit.id) });
              void queryClient.invalidateQueries({ queryKey: sessionKeys.one(visit.id) });
            }}
          >
            Show the note as it is now
          </Button>
        )}
      {template && holdsTemplateText(content, template.template) && (
        <StartedFromTemplate name={template.sessionTypeName} onClear={clearTemplate} />
      )}
      {content.carriedOver ? (
        <CarriedOver
          plan={content.carriedOver}
          onRemove={() => keeper.change((draft) => ({ ...draft, carriedOver: null }))}
        />
      ) : (
        <LastPlanButton
          sessionId={visit.id}
          onPlan={(carriedOver) => keeper.change((draft) => ({ ...draft, carriedOver }))}
        />
      )}
      <SubjectiveSection subjective={content.subjective} onChange={edit('subjective')} />
      <ObjectiveSection objective={content.objective} onChange={edit('objective')} />
      <TreatmentSection
        key={snapshot.revision}
        treatment={content.treatment}
        catalogue={catalogue.data}
        sessionMinutes={sessionMinutes}
        suggested={
          template && {
            templateName: template.sessionTypeName,
            techniques: template.template.treatment.techniques,
          }
        }
        onChange={edit('treatment')}
      />
      <NoteSafetyWarnings safety={safety} />
      <AssessmentSection
        assessment={content.assessment}
        painBefore={content.subjective.painBefore}
        onChange={edit('assessment')}
      />
      <PlanSection plan={content.plan} onChange={edit('plan')} />
      <SignDialog
        opened={signing}
        onClose={signDialog.close}
        sessionId={visit.id}
        etag={snapshot.etag}
        onSigned={(signed) => {
          keeper.replace(signed.note, signed.etag);
          signDialog.close();
          queryClient.setQueryData<NoteRecord>(noteKeys.one(visit.id), (previous) => ({
            addenda: previous?.addenda ?? [],
            note: signed.note,
            etag: signed.etag,
          }));
          void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
          void queryClient.invalidateQueries({ queryKey: noteKeys.unsigned });
          notifications.show({ color: 'teal', message: 'Signed and locked.' });
        }}
      />
    </Stack>
  );
}
