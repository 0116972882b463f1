import { Anchor, DataList, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Client } from '../../../domain/clients.js';
import type { PostalAddress } from '../../../domain/practice.js';
import { formatCalendarDate, formatDayOf } from '../../format.js';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      {/* A long email address breaks inside the card on a phone rather than spill out of it. */}
      <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>
        {empty ? (
          <Text span size="sm" c="dimmed">
            Not recorded
          </Text>
        ) : (
          children
        )}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

function DetailsCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <DataList labelWidth="9rem">{children}</DataList>
    </Paper>
  );
}

function addressLines(address: PostalAddress): string[] {
  const cityLine = [address.city, address.region, address.postalCode].filter(Boolean).join(', ');
  return [address.line1, address.line2, cityLine, address.country].filter((line): line is string =>
    Boolean(line),
  );
}

const preferenceLabels: Record<keyof Client['communicationPreferences'], string> = {
  email: 'email',
  sms: 'text message',
  phone: 'phone call',
  appointmentReminders: 'appointment reminders',
};

/** A client's demographics: what every role, front desk included, may see. */
export function ClientDetails({
  client,
  therapistName,
  timeZone,
}: {
  client: Client;
  therapistName: string | null;
  timeZone: string;
}) {
  const address = addressLines(client.address);
  const contact = client.emergencyContact;
  const agreed = (Object.keys(preferenceLabels) as (keyof typeof preferenceLabels)[])
    .filter((key) => client.communicationPreferences[key])
    .map((key) => preferenceLabels[key]);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <DetailsCard id="details-person" title="Person">
        <Detail label="Legal name">{`${client.legalFirstName} ${client.legalLastName}`}</Detail>
        <Detail label="Preferred name">{client.preferredName}</Detail>
        <Detail label="Pronouns">{client.pronouns}</Detail>
        <Detail label="Date of birth">{formatCalendarDate(client.dateOfBirth)}</Detail>
      </DetailsCard>
      <DetailsCard id="details-contact" title="Contact">
        <Detail label="Email">
          {client.email && (
            <Anchor inherit href={`mailto:${client.email}`}>
              {client.email}
            </Anchor>
          )}
        </Detail>
        <Detail label="Phone">
          {client.phone && (
            <Anchor inherit href={`tel:${client.phone}`}>
              {client.phone}
            </Anchor>
          )}
        </Detail>
        <Detail label="Address">
          {address.length > 0
            ? address.map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))
            : null}
        </Detail>
        <Detail label="May contact by">
          {agreed.length > 0 ? agreed.join(', ') : 'No contact agreed'}
        </Detail>
      </DetailsCard>
      <DetailsCard id="details-emergency" title="Emergency contact">
        <Detail label="Name">{contact.name}</Detail>
        <Detail label="Relationship">{contact.relationship}</Detail>
        <Detail label="Phone">
          {contact.phone && (
            <Anchor inherit href={`tel:${contact.phone}`}>
              {contact.phone}
            </Anchor>
          )}
        </Detail>
      </DetailsCard>
      <DetailsCard id="details-care" title="Care">
        <Detail label="Primary therapist">{therapistName}</Detail>
        <Detail label="Referral source">{client.referralSource}</Detail>
        <Detail label="Client since">{formatDayOf(client.createdAt, timeZone)}</Detail>
        {client.archivedAt && (
          <Detail label="Archived">{formatDayOf(client.archivedAt, timeZone)}</Detail>
        )}
      </DetailsCard>
    </SimpleGrid>
  );
}
