import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { problemMessage } from '../../../api/client.js';
import { downloadClientCopy } from '../../../api/recordExport.js';
import { offers } from '../../../session/permissions.js';
import { useSession } from '../../../session/SessionProvider.js';
import { ExportRecordDialog } from './ExportRecordDialog.js';

/**
 * The chart's ways out for the record: "Export record" (a PDF, for clinicians) and, for the
 * owner, "Client’s copy" (everything held about the client, for their right of access).
 */
export function RecordExportActions({
  clientId,
  clientName,
}: {
  clientId: string;
  clientName: string;
}) {
  const { user } = useSession();
  const [exporting, setExporting] = useState(false);
  const copy = useMutation({
    mutationFn: () => downloadClientCopy(clientId),
    onSuccess: () =>
      notifications.show({
        color: 'teal',
        message: `${clientName}’s copy of their record was downloaded. Hand it to them securely.`,
      }),
    onError: (error) => notifications.show({ color: 'red', message: problemMessage(error) }),
  });
  return (
    <>
      {offers.recordExport(user.role) && (
        <Button variant="default" onClick={() => setExporting(true)}>
          Export record
        </Button>
      )}
      {offers.clientCopy(user.role) && (
        <Button variant="default" loading={copy.isPending} onClick={() => copy.mutate()}>
          Client’s copy
        </Button>
      )}
      {exporting && (
        <ExportRecordDialog
          clientId={clientId}
          clientName={clientName}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}
