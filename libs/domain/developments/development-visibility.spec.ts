import { describe, expect, it } from '@jest/globals';
import { rollupAnswers } from './development-day-counts.js';
import { PUBLIC_SCOPE, viewerOfScope, viewerScopes, visibilityScope } from './development-visibility.js';

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

describe('the scopes a viewer adds up in the rollup', () => {
  it('are the public scope, and the agency once the access is confirmed', () => {
    expect(viewerScopes({ agencyId: agency, accessConfirmed: true })).toEqual([PUBLIC_SCOPE, agency]);
    expect(viewerScopes({ agencyId: agency, accessConfirmed: false })).toEqual([PUBLIC_SCOPE]);
  });

  it('are read only for trends by district filtered at most by category and district', () => {
    const district = { groupBy: 'district' as const };
    expect(rollupAnswers({ ...district, filter: {} })).toBe(true);
    expect(rollupAnswers({ ...district, filter: { categories: ['dealing'], districtId: agency } })).toBe(true);
    // Unset filters as the API passes them.
    expect(rollupAnswers({ ...district, filter: { categories: [], placeId: undefined, agencyId: undefined, nearSensitiveOnly: false } })).toBe(true);
    expect(rollupAnswers({ groupBy: 'place', filter: {} })).toBe(false);
    expect(rollupAnswers({ ...district, filter: { placeId: agency } })).toBe(false);
    expect(rollupAnswers({ ...district, filter: { agencyId: agency } })).toBe(false);
    expect(rollupAnswers({ ...district, filter: { nearSensitiveOnly: true } })).toBe(false);
    // A filter the rollup does not know is not ignored: the day counts answer.
    expect(rollupAnswers({ ...district, filter: { reportedBy: 'me' } as never })).toBe(false);
  });
});
