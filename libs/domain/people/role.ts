export const ROLES = ['liaison', 'coordinator', 'leadership', 'admin'] as const;
export type Role = (typeof ROLES)[number];
