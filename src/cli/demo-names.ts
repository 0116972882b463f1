/** Synthetic names for demo and benchmark practices; any resemblance to real clients is chance. */
export const firstNames = [
  'Amelia',
  'Noah',
  'Olivia',
  'Liam',
  'Sofía',
  'Mateo',
  'Chloé',
  'Lucas',
  'Aisha',
  'Omar',
  'Mei',
  'Hiroshi',
  'Priya',
  'Arjun',
  'Zoë',
  'Élodie',
  'Björn',
  'Ingrid',
  'Chidi',
  'Ngozi',
  'Hannah',
  'Daniel',
  'Grace',
  'Samuel',
  'Isabella',
  'Ethan',
  'Maya',
  'Leo',
  'Nora',
  'Felix',
  'Rosa',
  'Diego',
  'Fatima',
  'Yusuf',
  'Anya',
  'Dmitri',
  'Siobhan',
  'Ciarán',
  'Lena',
  'Jonas',
  'Keanu',
  'Leilani',
  'Tamar',
  'Avi',
  'Marisol',
  'Joaquín',
  'Thandiwe',
  'Sipho',
  'Kiri',
  'Wiremu',
];

export const lastNames = [
  'Nguyen',
  'Smith',
  'García',
  'Müller',
  "O'Brien",
  'Kowalski',
  'Okafor',
  'Tanaka',
  'Patel',
  'Haddad',
  'Rossi',
  'Johansson',
  'Dubois',
  'Martínez',
  'Chen',
  'Kim',
  'Silva',
  'Novak',
  'Murphy',
  'Cohen',
  'Fischer',
  'Lefebvre',
  'Nakamura',
  'Singh',
  'Mensah',
  'Petrov',
  'Andersen',
  'Costa',
  'Walker',
  'Ali',
  'Brown',
  'Wilson',
  'Taylor',
  'Thomas',
  'Moore',
  'Martin',
  'Jackson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Young',
  'Hall',
  'Allen',
  'Wright',
  'López',
  'Hill',
  'Scott',
  'Green',
  'Adams',
];

export const referralSources = [
  'Google search',
  'Friend or family',
  'Physiotherapist referral',
  'Chiropractor referral',
  'Walk-in',
  'Instagram',
  'Employer wellness program',
  'Doctor referral',
];

export const pronounOptions = ['she/her', 'he/him', 'they/them', null, null, null];

/** A small deterministic PRNG (mulberry32) so demo and benchmark data are the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}
