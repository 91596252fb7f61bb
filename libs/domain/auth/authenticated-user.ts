import type { Actor } from '../common/actor.js';

/** What a verified access token resolves to: the actor plus the session it belongs to. */
export interface AuthenticatedUser extends Actor {
  sessionId: string;
}
