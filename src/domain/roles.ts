import { z } from 'zod';

/** The three kinds of staff account. Clinical content is for owner and therapist only. */
export const roles = ['owner', 'therapist', 'front_desk'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  therapist: 'Therapist',
  front_desk: 'Front desk',
};
