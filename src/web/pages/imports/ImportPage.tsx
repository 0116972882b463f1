import { Stack } from '@mantine/core';
import { NotAllowed } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { ClientListImport } from './ClientListImport.js';
import { FhirImport } from './FhirImport.js';

/** Bringing clients in from other software: a CSV client list, and (owner) FHIR records. */
export function ImportPage() {
  const { user } = useSession();
  if (!offers.importClientList(user.role)) {
    return (
      <NotAllowed
        title="Import clients"
        reason="Importing clients is for the owner and front desk."
      />
    );
  }
  return (
    <>
      <PageHeading title="Import clients" />
      <Stack gap="lg">
        <ClientListImport mayImportNotes={offers.importClientNotes(user.role)} />
        {offers.importFhir(user.role) && <FhirImport />}
      </Stack>
    </>
  );
}
