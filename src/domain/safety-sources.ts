/**
 * The references the safety rules cite, named once so every rule cites them the same way.
 * Only the kind of source and where in it to look is given: no page numbers or links, which
 * change between editions. Batavia (2004) found that textbooks disagree widely on what is
 * contraindicated and rarely cite evidence, so these rules follow the common ground of the
 * standard texts, lean towards caution, and say so where they are a practice policy instead.
 */
export const references = {
  werner:
    'Werner R. A Massage Therapist’s Guide to Pathology: Critical Thinking and Practical Application, 7th ed. (pathology textbook for massage therapists)',
  batavia:
    'Batavia M. Contraindications for therapeutic massage: do sources agree? Journal of Bodywork and Movement Therapies, 2004 (review of textbook contraindication lists)',
  walton:
    'Walton T. Medical Conditions and Massage Therapy: A Decision Tree Approach (textbook; five-level massage pressure scale)',
  salvo:
    'Salvo S. Mosby’s Pathology for Massage Therapists (textbook; marks each condition as contraindicated, locally contraindicated or indicated)',
  persad:
    'Persad R.S. Massage Therapy & Medications: General Treatment Principles (textbook on medications and massage)',
  stillerman:
    'Stillerman E. Prenatal Massage: A Textbook of Pregnancy, Labor, and Postpartum Bodywork',
  tisserand:
    'Tisserand R, Young R. Essential Oil Safety: A Guide for Health Care Professionals, 2nd ed. (reference on essential-oil hazards)',
  macdonald: 'MacDonald G. Medicine Hands: Massage Therapy for People with Cancer (book)',
  latexPrecautions:
    'Standard latex-allergy precautions in health care (latex-free gloves and equipment)',
  allergenAvoidance:
    'General allergen-avoidance advice: avoid skin contact with a known allergen and read every product’s ingredient list',
  practicePolicy:
    'Palpate default practice policy (an engineering choice that errs towards warning; not a clinical source)',
  clientInstruction:
    'The client’s own instruction, recorded in the health history (informed consent: a client may limit any part of treatment)',
} as const;

/** "A; B": a rule's sources, most specific first. */
export function cite(...sources: string[]): string {
  return sources.join('; ');
}
