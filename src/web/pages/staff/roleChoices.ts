import { roleLabels, roles } from '../../../domain/roles.js';

export const roleChoices = roles.map((role) => ({ value: role, label: roleLabels[role] }));

export const roleDescriptions =
  'Owners manage staff and settings. Therapists see clinical records. Front desk sees contact details only.';
