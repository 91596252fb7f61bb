import { describe, expect, it } from '@jest/globals';
import { PUBLIC_SCOPE, viewerOfScope, visibilityScope } from './development-visibility.js';

const agency = '6f1c2d8e-0a4b-4c7d-9e2f-1a2b3c4d5e6f';

describe('visibility scope', () => {
  it('is the agency for a confirmed member and the public scope for everyone else', () => {
    expect(visibilityScope({ agencyId: agency, accessConfirmed: true })).toBe(agency);
    expect(visibilityScope({ agencyId: agency, accessConfirmed: false })).toBe(PUBLIC_SCOPE);
  });

  it('round-trips through the viewer a scope stands for (the worker refreshes per scope)', () => {
    for (const scope of [agency, PUBLIC_SCOPE]) expect(visibilityScope(viewerOfScope(scope))).toBe(scope);
    expect(viewerOfScope(PUBLIC_SCOPE).accessConfirmed).toBe(false);
  });
});
