/**
 * The fixed vocabulary of body regions a body chart marks and a treatment names. Codes are
 * stable identifiers stored in notes for ten years: add regions, never rename or reuse a code.
 * Paired regions carry laterality in the code (`upper_trapezius_l`), so a count per region
 * needs no parsing. `views` says on which drawing the region is visible.
 */
export type BodyView = 'front' | 'back';
export type Laterality = 'left' | 'right' | 'midline';

export interface BodyRegion {
  code: string;
  label: string;
  group: 'head_neck' | 'shoulder_arm' | 'trunk' | 'hip_leg';
  laterality: Laterality;
  views: BodyView[];
}

interface RegionPattern {
  base: string;
  label: string;
  group: BodyRegion['group'];
  views: BodyView[];
  paired: boolean;
}

const patterns: RegionPattern[] = [
  {
    base: 'head',
    label: 'Head and scalp',
    group: 'head_neck',
    views: ['front', 'back'],
    paired: false,
  },
  {
    base: 'face_jaw',
    label: 'Face and jaw (TMJ)',
    group: 'head_neck',
    views: ['front'],
    paired: true,
  },
  {
    base: 'suboccipitals',
    label: 'Suboccipitals',
    group: 'head_neck',
    views: ['back'],
    paired: true,
  },
  {
    base: 'anterior_neck',
    label: 'Anterior neck (SCM, scalenes)',
    group: 'head_neck',
    views: ['front'],
    paired: true,
  },
  {
    base: 'posterior_neck',
    label: 'Posterior neck (cervical extensors)',
    group: 'head_neck',
    views: ['back'],
    paired: true,
  },
  {
    base: 'upper_trapezius',
    label: 'Upper trapezius',
    group: 'shoulder_arm',
    views: ['front', 'back'],
    paired: true,
  },
  {
    base: 'levator_scapulae',
    label: 'Levator scapulae',
    group: 'shoulder_arm',
    views: ['back'],
    paired: true,
  },
  {
    base: 'deltoid',
    label: 'Deltoid',
    group: 'shoulder_arm',
    views: ['front', 'back'],
    paired: true,
  },
  {
    base: 'rotator_cuff',
    label: 'Rotator cuff (infraspinatus, teres)',
    group: 'shoulder_arm',
    views: ['back'],
    paired: true,
  },
  { base: 'pectorals', label: 'Pectorals', group: 'trunk', views: ['front'], paired: true },
  {
    base: 'upper_arm_anterior',
    label: 'Upper arm, front (biceps)',
    group: 'shoulder_arm',
    views: ['front'],
    paired: true,
  },
  {
    base: 'upper_arm_posterior',
    label: 'Upper arm, back (triceps)',
    group: 'shoulder_arm',
    views: ['back'],
    paired: true,
  },
  {
    base: 'forearm_flexors',
    label: 'Forearm flexors',
    group: 'shoulder_arm',
    views: ['front'],
    paired: true,
  },
  {
    base: 'forearm_extensors',
    label: 'Forearm extensors',
    group: 'shoulder_arm',
    views: ['back'],
    paired: true,
  },
  {
    base: 'hand_wrist',
    label: 'Hand and wrist',
    group: 'shoulder_arm',
    views: ['front', 'back'],
    paired: true,
  },
  {
    base: 'rhomboids',
    label: 'Rhomboids and middle trapezius',
    group: 'trunk',
    views: ['back'],
    paired: true,
  },
  {
    base: 'thoracic_erectors',
    label: 'Thoracic erectors',
    group: 'trunk',
    views: ['back'],
    paired: true,
  },
  { base: 'latissimus', label: 'Latissimus dorsi', group: 'trunk', views: ['back'], paired: true },
  {
    base: 'lumbar_erectors',
    label: 'Lumbar erectors',
    group: 'trunk',
    views: ['back'],
    paired: true,
  },
  {
    base: 'quadratus_lumborum',
    label: 'Quadratus lumborum',
    group: 'trunk',
    views: ['back'],
    paired: true,
  },
  { base: 'abdomen', label: 'Abdomen', group: 'trunk', views: ['front'], paired: false },
  {
    base: 'ribs_intercostals',
    label: 'Ribs and intercostals',
    group: 'trunk',
    views: ['front'],
    paired: true,
  },
  { base: 'sacrum', label: 'Sacrum and SI joint', group: 'trunk', views: ['back'], paired: false },
  { base: 'gluteals', label: 'Gluteals', group: 'hip_leg', views: ['back'], paired: true },
  {
    base: 'hip_flexors',
    label: 'Hip flexors (iliopsoas)',
    group: 'hip_leg',
    views: ['front'],
    paired: true,
  },
  {
    base: 'it_band',
    label: 'Lateral thigh (IT band, TFL)',
    group: 'hip_leg',
    views: ['front', 'back'],
    paired: true,
  },
  { base: 'adductors', label: 'Adductors', group: 'hip_leg', views: ['front'], paired: true },
  { base: 'quadriceps', label: 'Quadriceps', group: 'hip_leg', views: ['front'], paired: true },
  { base: 'hamstrings', label: 'Hamstrings', group: 'hip_leg', views: ['back'], paired: true },
  { base: 'knee', label: 'Knee', group: 'hip_leg', views: ['front'], paired: true },
  {
    base: 'shin',
    label: 'Shin (tibialis anterior)',
    group: 'hip_leg',
    views: ['front'],
    paired: true,
  },
  { base: 'calves', label: 'Calves', group: 'hip_leg', views: ['back'], paired: true },
  {
    base: 'foot_ankle',
    label: 'Foot and ankle',
    group: 'hip_leg',
    views: ['front', 'back'],
    paired: true,
  },
];

export const bodyRegions: BodyRegion[] = patterns.flatMap((pattern): BodyRegion[] =>
  pattern.paired
    ? (['left', 'right'] as const).map((side) => ({
        code: `${pattern.base}_${side === 'left' ? 'l' : 'r'}`,
        label: `${pattern.label}, ${side}`,
        group: pattern.group,
        laterality: side,
        views: pattern.views,
      }))
    : [
        {
          code: pattern.base,
          label: pattern.label,
          group: pattern.group,
          laterality: 'midline',
          views: pattern.views,
        },
      ],
);

const byCode = new Map(bodyRegions.map((region) => [region.code, region]));

export function isBodyRegionCode(code: string): boolean {
  return byCode.has(code);
}

export function bodyRegion(code: string): BodyRegion | undefined {
  return byCode.get(code);
}
