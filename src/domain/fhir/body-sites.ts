import { bodyRegion, type Laterality } from '../body-regions.js';
import { coding, palpateVocabulary, snomed } from './systems.js';
import type { CodeableConcept, Coding } from './types.js';

/**
 * Palpate's body regions as FHIR body sites. Each region carries three things: its own code
 * (exact, e.g. `upper_trapezius_l`), the therapist's words with the side ("Upper trapezius,
 * left") and, where one exists, the SNOMED CT body structure that contains it. Palpate's
 * regions are muscle groups a massage therapist works on; SNOMED's common region concepts are
 * coarser, so a code here names the region the muscle group lies in (the levator scapulae in
 * the neck), never a narrower structure than the region. Codes are SNOMED CT International
 * body structures (descendants of 442083009, the FHIR body-site value set).
 */
const regionStructures: Record<string, Coding> = {
  head: coding(snomed, '69536005', 'Head structure'),
  face_jaw: coding(snomed, '89545001', 'Face structure'),
  suboccipitals: coding(snomed, '45048000', 'Neck structure'),
  anterior_neck: coding(snomed, '45048000', 'Neck structure'),
  posterior_neck: coding(snomed, '45048000', 'Neck structure'),
  levator_scapulae: coding(snomed, '45048000', 'Neck structure'),
  upper_trapezius: coding(snomed, '16982005', 'Shoulder region structure'),
  deltoid: coding(snomed, '16982005', 'Shoulder region structure'),
  rotator_cuff: coding(snomed, '16982005', 'Shoulder region structure'),
  pectorals: coding(snomed, '51185008', 'Thoracic structure'),
  ribs_intercostals: coding(snomed, '51185008', 'Thoracic structure'),
  upper_arm_anterior: coding(
    snomed,
    '40983000',
    'Structure of upper limb between shoulder and elbow',
  ),
  upper_arm_posterior: coding(
    snomed,
    '40983000',
    'Structure of upper limb between shoulder and elbow',
  ),
  forearm_flexors: coding(snomed, '14975008', 'Forearm structure'),
  forearm_extensors: coding(snomed, '14975008', 'Forearm structure'),
  hand_wrist: coding(snomed, '85562004', 'Hand structure'),
  rhomboids: coding(snomed, '77568009', 'Structure of back of trunk'),
  thoracic_erectors: coding(snomed, '77568009', 'Structure of back of trunk'),
  latissimus: coding(snomed, '77568009', 'Structure of back of trunk'),
  lumbar_erectors: coding(snomed, '37822005', 'Lower back structure'),
  quadratus_lumborum: coding(snomed, '37822005', 'Lower back structure'),
  abdomen: coding(snomed, '113345001', 'Abdominal structure'),
  sacrum: coding(snomed, '699698002', 'Structure of sacral vertebral column'),
  gluteals: coding(snomed, '46862004', 'Buttock structure'),
  lateral_hip: coding(snomed, '29836001', 'Hip region structure'),
  hip_flexors: coding(snomed, '29836001', 'Hip region structure'),
  it_band: coding(snomed, '68367000', 'Thigh structure'),
  adductors: coding(snomed, '68367000', 'Thigh structure'),
  quadriceps: coding(snomed, '68367000', 'Thigh structure'),
  hamstrings: coding(snomed, '68367000', 'Thigh structure'),
  knee: coding(snomed, '72696002', 'Knee region structure'),
  shin: coding(snomed, '78234002', 'Shin structure'),
  peroneals: coding(snomed, '30021000', 'Structure of lower extremity from knee to ankle'),
  calves: coding(snomed, '53840002', 'Calf of leg structure'),
  foot_ankle: coding(snomed, '56459004', 'Foot structure'),
};

/**
 * Laterality as a SNOMED qualifier on the body site: HL7's published R4 extension for it
 * (mCODE's laterality qualifier, allowed on Procedure.bodySite, Condition.bodySite and any
 * CodeableConcept). A midline region (head, abdomen, sacrum) has no side and carries none.
 */
export const lateralityExtensionUrl =
  'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier';

const lateralityCodings: Record<Exclude<Laterality, 'midline'>, Coding> = {
  left: coding(snomed, '7771000', 'Left (qualifier value)'),
  right: coding(snomed, '24028007', 'Right (qualifier value)'),
};

/** The SNOMED structure containing a Palpate region, or undefined for an unknown code. */
export function snomedStructure(regionCode: string): Coding | undefined {
  const region = bodyRegion(regionCode);
  if (!region) return undefined;
  return regionStructures[region.code.replace(/_(l|r)$/, '')];
}

/**
 * One region as a FHIR body site. An unknown code (from a future release, or an import) still
 * keeps its code and words, so nothing the therapist recorded is lost.
 */
export function bodySite(regionCode: string): CodeableConcept {
  const region = bodyRegion(regionCode);
  const own = coding(palpateVocabulary.bodyRegion, regionCode, region?.label);
  if (!region) return { coding: [own], text: regionCode };
  const structure = snomedStructure(regionCode);
  const site: CodeableConcept = {
    coding: structure ? [own, structure] : [own],
    text: region.label,
  };
  if (region.laterality !== 'midline') {
    site.extension = [
      {
        url: lateralityExtensionUrl,
        valueCodeableConcept: {
          coding: [lateralityCodings[region.laterality]],
          text: region.laterality,
        },
      },
    ];
  }
  return site;
}

/** A region's label in the therapist's words ("Knee, left"), or its code when unknown. */
export function regionLabel(regionCode: string): string {
  return bodyRegion(regionCode)?.label ?? regionCode;
}
