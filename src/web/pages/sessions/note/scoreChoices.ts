import { pressureLabels } from '../../../../domain/notes.js';
import type { Choice } from '../../../components/ChoiceGroup.js';

/** 0 to 10, each choice large enough for a finger. */
export const zeroToTen: Choice[] = Array.from({ length: 11 }, (_, score) => ({
  value: String(score),
  label: String(score),
}));

export const pressureChoices: Choice[] = [1, 2, 3, 4, 5].map((level) => ({
  value: String(level),
  label: `${level} ${pressureLabels[level]}`,
}));

export const scoreValue = (score: number | null) => (score === null ? null : String(score));
