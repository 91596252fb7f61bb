export const DEVELOPMENT_CATEGORIES = [
  'syringe_finds',
  'complaint',
  'aggression_violence',
  'new_scene',
  'dealing',
  'public_consumption',
  'camping',
  'enforcement_action',
  'other',
] as const;
export type DevelopmentCategory = (typeof DEVELOPMENT_CATEGORIES)[number];

/** all: every participant; own_agency: the reporting agency only; agencies: it and the named ones. */
export const VISIBILITIES = ['all', 'own_agency', 'agencies'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
