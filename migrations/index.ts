import { Backbone1763700000000 } from './1763700000000-backbone.js';

/** Every migration, in order. Listed explicitly: no glob loading, so the build and jest agree. */
export const MIGRATIONS = [Backbone1763700000000];
