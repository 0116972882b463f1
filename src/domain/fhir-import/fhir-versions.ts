import type { FhirObject } from './fhir-json.js';

/**
 * Signs that a resource was written for another FHIR version. R4 readers that ignore unknown
 * elements would import such a resource half-read (an STU3 Observation's `context` is its
 * encounter; a DSTU2 Condition's `patient` is its subject), so each sign is an error that
 * says what R4 calls it. Only elements Palpate reads, or whose presence leaves no doubt, are
 * listed; the sources are the R4 "changes from STU3/DSTU2" pages of each resource.
 */
export interface VersionSign {
  /** Element path below the resource, as FHIRPath writes it. */
  path: string;
  message: string;
}

type Check = (resource: FhirObject) => VersionSign | null;

const renamed =
  (element: string, version: string, resourceType: string, now: string): Check =>
  (resource) =>
    element in resource
      ? {
          path: element,
          message: `${resourceType}.${element} is FHIR ${version}; R4 calls it ${resourceType}.${now}. Export the bundle as FHIR R4.`,
        }
      : null;

const removed =
  (element: string, version: string, resourceType: string, instead: string): Check =>
  (resource) =>
    element in resource
      ? {
          path: element,
          message: `${resourceType}.${element} is FHIR ${version} and does not exist in R4 (${instead}). Export the bundle as FHIR R4.`,
        }
      : null;

/** STU3 and DSTU2 wrote clinical statuses as plain codes; R4 makes them CodeableConcepts. */
const codeNotConcept =
  (element: string, resourceType: string): Check =>
  (resource) =>
    typeof resource[element] === 'string'
      ? {
          path: element,
          message: `${resourceType}.${element} is a plain code, as in FHIR STU3 and DSTU2; in R4 it is a CodeableConcept. Export the bundle as FHIR R4.`,
        }
      : null;

const checks: Record<string, Check[]> = {
  Observation: [
    renamed('context', 'STU3', 'Observation', 'encounter'),
    renamed('comment', 'STU3', 'Observation', 'note'),
  ],
  Procedure: [
    renamed('context', 'STU3', 'Procedure', 'encounter'),
    renamed('patient', 'DSTU2', 'Procedure', 'subject'),
    removed('notPerformed', 'STU3', 'Procedure', 'R4 uses status "not-done"'),
  ],
  Condition: [
    renamed('context', 'STU3', 'Condition', 'encounter'),
    renamed('assertedDate', 'STU3', 'Condition', 'recordedDate'),
    renamed('patient', 'DSTU2', 'Condition', 'subject'),
    renamed('dateRecorded', 'DSTU2', 'Condition', 'recordedDate'),
    codeNotConcept('clinicalStatus', 'Condition'),
    codeNotConcept('verificationStatus', 'Condition'),
  ],
  AllergyIntolerance: [
    renamed('assertedDate', 'STU3', 'AllergyIntolerance', 'recordedDate'),
    renamed('substance', 'DSTU2', 'AllergyIntolerance', 'code'),
    renamed('onset', 'DSTU2', 'AllergyIntolerance', 'onsetDateTime'),
    removed('status', 'DSTU2', 'AllergyIntolerance', 'R4 uses clinicalStatus'),
    codeNotConcept('clinicalStatus', 'AllergyIntolerance'),
    codeNotConcept('verificationStatus', 'AllergyIntolerance'),
  ],
  Encounter: [
    renamed('patient', 'DSTU2', 'Encounter', 'subject'),
    renamed('actualPeriod', 'R5', 'Encounter', 'period'),
    (resource) =>
      typeof resource['class'] === 'string'
        ? {
            path: 'class',
            message:
              'Encounter.class is a plain code, as in FHIR DSTU2; in R4 it is a Coding. Export the bundle as FHIR R4.',
          }
        : Array.isArray(resource['class'])
          ? {
              path: 'class',
              message:
                'Encounter.class is a list, as in FHIR R5; in R4 it is one Coding. Export the bundle as FHIR R4.',
            }
          : null,
  ],
  MedicationStatement: [
    renamed('patient', 'DSTU2', 'MedicationStatement', 'subject'),
    removed('taken', 'STU3', 'MedicationStatement', 'R4 uses status "not-taken"'),
    removed('wasNotTaken', 'DSTU2', 'MedicationStatement', 'R4 uses status "not-taken"'),
  ],
  MedicationRequest: [renamed('context', 'STU3', 'MedicationRequest', 'encounter')],
  Patient: [
    removed('animal', 'STU3', 'Patient', 'R4 has no animal patients'),
    (resource) => {
      const names = Array.isArray(resource['name']) ? resource['name'] : [];
      const index = names.findIndex(
        (name) => name !== null && typeof name === 'object' && Array.isArray(name.family),
      );
      return index < 0
        ? null
        : {
            path: `name[${index}].family`,
            message:
              'HumanName.family is a list, as in FHIR DSTU2; in R4 it is one text. Export the bundle as FHIR R4.',
          };
    },
  ],
};

/** Resource types that R4 no longer has, with the version they come from and R4's successor. */
const retiredTypes: Record<string, string> = {
  MedicationOrder: 'DSTU2 (R4: MedicationRequest)',
  DiagnosticOrder: 'DSTU2 (R4: ServiceRequest)',
  Order: 'DSTU2 (R4: Task)',
  OrderResponse: 'DSTU2 (R4: Task)',
  DeviceUseRequest: 'DSTU2 (R4: DeviceRequest)',
  ProcedureRequest: 'STU3 (R4: ServiceRequest)',
  ReferralRequest: 'STU3 (R4: ServiceRequest)',
  ProcessRequest: 'STU3 (R4: Task)',
  ProcessResponse: 'STU3 (R4: Task)',
  EligibilityRequest: 'STU3 (R4: CoverageEligibilityRequest)',
  EligibilityResponse: 'STU3 (R4: CoverageEligibilityResponse)',
  DataElement: 'STU3 (R4: StructureDefinition)',
  DeviceComponent: 'STU3 (R4: DeviceDefinition)',
  ImagingManifest: 'STU3 (R4: ImagingStudy)',
};

/** Every sign that this resource is not R4, empty when none is seen. */
export function otherVersionSigns(resource: FhirObject): VersionSign[] {
  const type = resource['resourceType'];
  if (typeof type !== 'string') return [];
  const retired = retiredTypes[type];
  if (retired) {
    return [
      {
        path: 'resourceType',
        message: `${type} is a FHIR ${retired} resource, not R4. Export the bundle as FHIR R4.`,
      },
    ];
  }
  return (checks[type] ?? [])
    .map((check) => check(resource))
    .filter((sign): sign is VersionSign => sign !== null);
}
