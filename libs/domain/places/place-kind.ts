export const PLACE_KINDS = ['scene', 'sensitive', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Sub-kinds of a particularly sensitive place (besonders sensibler Ort). */
export const SENSITIVE_KINDS = ['kindergarten', 'school', 'playground', 'youth_facility'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];
