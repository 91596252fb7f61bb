// The type lives with the session rules in libs/domain/auth; controllers import it from here.
export type { AuthenticatedUser } from '#domain/auth/authenticated-user.js';
