/**
 * The fixed vocabulary of body regions a body chart marks and a treatment names. Codes are
 * stable identifiers stored in notes for ten years: add regions, never rename or reuse a code.
 * Paired regions carry laterality in the code (`upper_trapezius_l`), so a count per region
 * needs no parsing. `views` says on which drawing the region is visible: `left` and `right`
 * are the side views, where only that side's regions (and midline ones) can be seen.
 */
export type BodyView = 'front' | 'back' | 'left' | 'right';
export type Laterality = 'left' | 'right' | 'midline';

export interface BodyRegion {
  code: string;
  label: string;
  group: 'head_neck' | 'shoulder_arm' | 'trunk' | 'hip_leg';
  laterality: Laterality;
  views: BodyView[];
}

/** `side`: seen from the side, so on a paired region's own side view and on both for midline. */
type PatternView = 'front' | 'back' | 'side';

interface RegionPattern {
  base: string;
  label: string;
  group: BodyRegion['group'];
  views: PatternView[];
  paired: boolean;
}

const patterns: RegionPattern[] = [
  {
    base: 'head',
    label: 'Head and scalp',
    group: 'head_neck',
    views: ['front', 'back', 'side'],
    paired: false,
  },
  {
    base: 'face_jaw',
    label: 'Face and jaw (TMJ)',
    group: 'head_neck',
    views: ['front', 'side'],
    paired: true,
  },
  {
    base: 'suboccipitals',
    label: 'Suboccipitals',
    group: 'head_neck',
    views: ['back', 'side'],
    paired: true,
  },
  {
    base: 'anterior_neck',
    label: 'Anterior neck (SCM, scalenes)',
    group: 'head_neck',
    views: ['front', 'side'],
    paired: true,
  },
  {
    base: 'posterior_neck',
    label: 'Posterior neck (cervical extensors)',
    group: 'head_neck',
    views: ['back', 'side'],
    paired: true,
  },
  {
    base: 'upper_trapezius',
    label: 'Upper trapezius',
    group: 'shoulder_arm',
    views: ['front', 'back', 'side'],
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
    views: ['front', 'back', 'side'],
    paired: true,
  },
  {
    base: 'rotator_cuff',
    label: 'Rotator cuff (infraspinatus, teres)',
    group: 'shoulder_arm',
    views: ['back', 'side'],
    paired: true,
  },
  { base: 'pectorals', label: 'Pectorals', group: 'trunk', views: ['front', 'side'], paired: true },
  {
    base: 'upper_arm_anterior',
    label: 'Upper arm, front (biceps)',
    group: 'shoulder_arm',
    views: ['front', 'side'],
    paired: true,
  },
  {
    base: 'upper_arm_posterior',
    label: 'Upper arm, back (triceps)',
    group: 'shoulder_arm',
    views: ['back', 'side'],
    paired: true,
  },
  {
    base: 'forearm_flexors',
    label: 'Forearm flexors',
    group: 'shoulder_arm',
    views: ['front', 'side'],
    paired: true,
  },
  {
    base: 'forearm_extensors',
    label: 'Forearm extensors',
    group: 'shoulder_arm',
    views: ['back', 'side'],
    paired: true,
  },
  {
    base: 'hand_wrist',
    label: 'Hand and wrist',
    group: 'shoulder_arm',
    views: ['front', 'back', 'side'],
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
  {
    base: 'latissimus',
    label: 'Latissimus dorsi',
    group: 'trunk',
    views: ['back', 'side'],
    paired: true,
  },
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
    views: ['back', 'side'],
    paired: true,
  },
  { base: 'abdomen', label: 'Abdomen', group: 'trunk', views: ['front', 'side'], paired: false },
  {
    base: 'ribs_intercostals',
    label: 'Ribs and intercostals',
    group: 'trunk',
    views: ['front', 'side'],
    paired: true,
  },
  { base: 'sacrum', label: 'Sacrum and SI joint', group: 'trunk', views: ['back'], paired: false },
  { base: 'gluteals', label: 'Gluteals', group: 'hip_leg', views: ['back', 'side'], paired: true },
  // Gluteus medius and the trochanter sit on the side of the hip, which only a side view shows
  // apart from the buttock.
  {
    base: 'lateral_hip',
    label: 'Lateral hip (gluteus medius, trochanter)',
    group: 'hip_leg',
    views: ['side'],
    paired: true,
  },
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
    views: ['front', 'back', 'side'],
    paired: true,
  },
  { base: 'adductors', label: 'Adductors', group: 'hip_leg', views: ['front'], paired: true },
  {
    base: 'quadriceps',
    label: 'Quadriceps',
    group: 'hip_leg',
    views: ['front', 'side'],
    paired: true,
  },
  {
    base: 'hamstrings',
    label: 'Hamstrings',
    group: 'hip_leg',
    views: ['back', 'side'],
    paired: true,
  },
  { base: 'knee', label: 'Knee', group: 'hip_leg', views: ['front', 'side'], paired: true },
  {
    base: 'shin',
    label: 'Shin (tibialis anterior)',
    group: 'hip_leg',
    views: ['front', 'side'],
    paired: true,
  },
  // Between the shin and the calf, seen only from the side.
  {
    base: 'peroneals',
    label: 'Outer lower leg (peroneals)',
    group: 'hip_leg',
    views: ['side'],
    paired: true,
  },
  { base: 'calves', label: 'Calves', group: 'hip_leg', views: ['back', 'side'], paired: true },
  {
    base: 'foot_ankle',
    label: 'Foot and ankle',
    group: 'hip_leg',
    views: ['front', 'back', 'side'],
    paired: true,
  },
];

function viewsOf(views: PatternView[], laterality: Laterality): BodyView[] {
  return views.flatMap((view): BodyView[] => {
    if (view !== 'side') return [view];
    return laterality === 'midline' ? ['left', 'right'] : [laterality];
  });
}

export const bodyRegions: BodyRegion[] = patterns.flatMap((pattern): BodyRegion[] =>
  pattern.paired
    ? (['left', 'right'] as const).map((side) => ({
        code: `${pattern.base}_${side === 'left' ? 'l' : 'r'}`,
        label: `${pattern.label}, ${side}`,
        group: pattern.group,
        laterality: side,
        views: viewsOf(pattern.views, side),
      }))
    : [
        {
          code: pattern.base,
          label: pattern.label,
          group: pattern.group,
          laterality: 'midline',
          views: viewsOf(pattern.views, 'midline'),
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
