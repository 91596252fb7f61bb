export const AGENCY_KINDS = [
  'police',
  'public_order_office',
  'youth_office',
  'drug_help',
  'school',
  'street_cleaning',
  'streetwork',
  'health_office',
  'social_office',
  'neighbourhood_management',
  'housing',
  'civil_society',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
