import type { Client } from '../clients.js';
import { displayName } from '../clients.js';
import type { PostalAddress } from '../practice.js';
import type { MappingContext, RecordContext, StaffFacts } from './record.js';
import { concept, identifier, npiSystem } from './systems.js';
import type { Address, ContactPoint, Organization, Patient, Practitioner } from './types.js';

/**
 * The people and the practice: client → Patient, staff → Practitioner, practice →
 * Organization. The Patient's identifier (the practice's client system and the client's id)
 * is what an importer matches on, so re-importing the same export finds the same person.
 */
function address(value: PostalAddress): Address | undefined {
  const result: Address = {};
  const lines = [value.line1, value.line2].filter((line): line is string => Boolean(line));
  if (lines.length) result.line = lines;
  if (value.city) result.city = value.city;
  if (value.region) result.state = value.region;
  if (value.postalCode) result.postalCode = value.postalCode;
  if (value.country) result.country = value.country;
  return Object.keys(result).length ? result : undefined;
}

function telecom(phone: string | null, email: string | null): ContactPoint[] | undefined {
  const points: ContactPoint[] = [];
  if (phone) points.push({ system: 'phone', value: phone });
  if (email) points.push({ system: 'email', value: email });
  return points.length ? points : undefined;
}

export function patientResource(client: Client, context: MappingContext): Patient {
  const patient: Patient = {
    resourceType: 'Patient',
    id: client.id,
    identifier: [{ use: 'usual', ...identifier(context.practiceId, 'client', client.id) }],
    active: client.status === 'active',
    name: [
      {
        use: 'official',
        text: `${client.legalFirstName} ${client.legalLastName}`,
        family: client.legalLastName,
        given: [client.legalFirstName],
      },
    ],
  };
  if (client.preferredName) {
    patient.name.push({
      use: 'usual',
      text: displayName(client),
      family: client.legalLastName,
      given: [client.preferredName],
    });
  }
  const points = telecom(client.phone, client.email);
  if (points) patient.telecom = points;
  if (client.dateOfBirth) patient.birthDate = client.dateOfBirth;
  const home = address(client.address);
  if (home) patient.address = [home];
  const emergency = client.emergencyContact;
  if (emergency.name || emergency.phone) {
    patient.contact = [
      {
        relationship: [
          emergency.relationship
            ? concept(`Emergency contact (${emergency.relationship})`)
            : concept('Emergency contact'),
        ],
        ...(emergency.name ? { name: { text: emergency.name } } : {}),
        ...(emergency.phone ? { telecom: [{ system: 'phone', value: emergency.phone }] } : {}),
      },
    ];
  }
  if (client.primaryTherapistId) {
    patient.generalPractitioner = [context.practitioner(client.primaryTherapistId)];
  }
  patient.managingOrganization = context.organization;
  return patient;
}

export function practitionerResource(member: StaffFacts, practiceId: string): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: member.id,
    identifier: [identifier(practiceId, 'staff', member.id)],
    active: member.active,
    name: [{ text: member.displayName }],
  };
}

export function organizationResource(practice: RecordContext['practice']): Organization {
  const organization: Organization = {
    resourceType: 'Organization',
    id: practice.id,
    active: true,
    name: practice.name,
  };
  if (practice.npi) organization.identifier = [{ system: npiSystem, value: practice.npi }];
  const points = telecom(practice.phone, practice.email);
  if (points) organization.telecom = points;
  const place = address(practice.address);
  if (place) organization.address = [place];
  return organization;
}
