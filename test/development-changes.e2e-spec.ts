import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readDevelopmentChange } from '#domain/developments/development-changes.js';
import { Development } from '#domain/developments/development.entity.js';
import type { VisibilityViewer } from '#domain/developments/development-visibility.js';
import type { Agency } from '#domain/agencies/agency.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { holdScopeCounter } from '#testing/scope-hold.js';
import { claimTestArea } from '#testing/test-area.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

// The "developments changed" signal is per visibility scope (migration 1764800000000): a write a
// viewer may not see must not move their signal, or the trends cache and key-figure staleness would
// tell them by timing that a hidden record changed (issue 7 §1).
let t: TestApp;
let police: TestPerson;
let other: Agency;
let named: Agency;
let area: { lat: number; lon: number };
const signal = (v: VisibilityViewer) => readDevelopmentChange(t.db.manager, v).then((c) => BigInt(c.n));

beforeAll(async () => {
  t = await createTestApp();
  police = await t.make.person(['liaison']);
  other = await t.make.agency();
  named = await t.make.agency();
  // Claimed once, outside the holds below: claiming retires earlier runs' leftovers, writes that
  // would wait for a held counter.
  area = await claimTestArea(t.db);
});
afterAll(() => t?.close());

async function write(visibility: Development['visibility'], visibleAgencyIds: string[] = []): Promise<string> {
  const repo = t.db.getRepository(Development);
  const dev = await repo.save(repo.create({
    category: 'syringe_finds', observedAt: new Date(), lat: area.lat, lon: area.lon, placeId: null, districtId: null, count: 1, substances: [],
    severity: 2, description: '', reportingAgencyId: police.agency.id, reporterId: police.person.id, visibility, visibleAgencyIds,
  }));
  return dev.id;
}

describe('the developments-changed signal per visibility scope', () => {
  const viewers = () => ({
    police: { agencyId: police.agency.id, accessConfirmed: true },
    other: { agencyId: other.id, accessConfirmed: true },
    named: { agencyId: named.id, accessConfirmed: true },
    unconfirmedPolice: { agencyId: police.agency.id, accessConfirmed: false },
  });
  const all = async () => {
    const v = viewers();
    return { police: await signal(v.police), other: await signal(v.other), named: await signal(v.named), unconfirmedPolice: await signal(v.unconfirmedPolice) };
  };

  // Other suites write records visible to all meanwhile (which rightly move everyone's signal):
  // the first two tests hold that counter while they compare.
  const holdingAll = async <T>(fn: () => Promise<T>): Promise<T> => {
    const release = await holdScopeCounter(t.db, 'all');
    try {
      return await fn();
    } finally {
      await release();
    }
  };

  it('a police-only write moves only the police signal', async () => {
    const { before, after } = await holdingAll(async () => ({ before: await all(), after: await write('own_agency').then(all) }));
    expect(after.police).toBeGreaterThan(before.police);
    expect(after.other).toBe(before.other);
    expect(after.named).toBe(before.named);
    expect(after.unconfirmedPolice).toBe(before.unconfirmedPolice);
  });

  it('a write for named agencies moves the reporting and the named agencies, nobody else', async () => {
    const { before, after } = await holdingAll(async () => ({ before: await all(), after: await write('agencies', [named.id]).then(all) }));
    expect(after.police).toBeGreaterThan(before.police);
    expect(after.named).toBeGreaterThan(before.named);
    expect(after.other).toBe(before.other);
  });

  it('a record that leaves a scope\'s sight moves that scope too; a record for all moves everyone', async () => {
    const id = await write('agencies', [named.id]);
    let { before, after } = await holdingAll(async () => ({
      before: await all(),
      after: await t.db.getRepository(Development).update({ id }, { visibility: 'own_agency', visibleAgencyIds: [] }).then(all),
    }));
    expect(after.named).toBeGreaterThan(before.named);
    expect(after.other).toBe(before.other);

    before = after;
    await t.db.getRepository(Development).update({ id }, { visibility: 'all' });
    after = await all();
    for (const k of Object.keys(before) as Array<keyof typeof before>) expect(after[k]).toBeGreaterThan(before[k]);
  });
});
