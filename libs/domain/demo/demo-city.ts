import { DataSource, EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import type { AgencyKind } from '../agencies/agency-kind.js';
import { hashPassword } from '../people/passwords.js';
import { Person } from '../people/person.entity.js';
import type { Role } from '../people/role.js';
import { loadDemoDevelopments } from './demo-developments.js';
import { loadDemoMeasures } from './demo-measures.js';
import { loadDemoPlaces } from './demo-places.js';
import { loadDemoRapports } from './demo-rapports.js';

/**
 * The fictional demo city "Lindenbrück". No real people: officials are invented, and no record
 * describes a drug user. Loaded only into an empty database.
 */
export const DEMO_PASSWORD = 'Lindenbrueck-Demo-2026';

export const DEMO_AGENCIES: Array<{ code: string; name: string; kind: AgencyKind }> = [
  { code: 'POL-MITTE', name: 'Polizeirevier Lindenbrück-Mitte', kind: 'police' },
  { code: 'OA', name: 'Ordnungsamt Lindenbrück', kind: 'public_order_office' },
  { code: 'JA', name: 'Amt für Jugend und Familie', kind: 'youth_office' },
  { code: 'DH-SUCHT', name: 'Suchtberatung Lindenbrück e.V.', kind: 'drug_help' },
  { code: 'SCHULAMT', name: 'Schulverwaltungsamt', kind: 'school' },
  { code: 'STADTREIN', name: 'Stadtreinigung Lindenbrück', kind: 'street_cleaning' },
  { code: 'STREETWORK', name: 'Streetwork Innenstadt', kind: 'streetwork' },
  { code: 'GA', name: 'Gesundheitsamt (Suchtbeauftragte)', kind: 'health_office' },
  { code: 'SOZ', name: 'Sozialamt', kind: 'social_office' },
  { code: 'QM-OST', name: 'Quartiersmanagement Ostend', kind: 'neighbourhood_management' },
  { code: 'LWG', name: 'Lindenbrücker Wohnungsgesellschaft', kind: 'housing' },
  { code: 'BV-OST', name: 'Bürgerverein Ostend', kind: 'civil_society' },
  { code: 'IT', name: 'Stadtverwaltung – IT', kind: 'other' },
];

/** One login per role (and a few more liaisons); listed in README.md and printed at the first start. */
export const DEMO_PEOPLE: Array<{ email: string; displayName: string; agency: string; roles: Role[] }> = [
  { email: 'admin@demo.drogenrapport.invalid', displayName: 'Erika Admin', agency: 'IT', roles: ['admin'] },
  { email: 'koordination@demo.drogenrapport.invalid', displayName: 'Dr. Jana Koordinatorin', agency: 'GA', roles: ['coordinator', 'liaison'] },
  { email: 'leitung@demo.drogenrapport.invalid', displayName: 'Bürgermeister Paul Leitung', agency: 'SOZ', roles: ['leadership'] },
  { email: 'polizei@demo.drogenrapport.invalid', displayName: 'PHK Tom Revier', agency: 'POL-MITTE', roles: ['liaison'] },
  { email: 'polizei-leitung@demo.drogenrapport.invalid', displayName: 'Polizeipräsidentin Anna Weit', agency: 'POL-MITTE', roles: ['leadership'] },
  { email: 'ordnungsamt@demo.drogenrapport.invalid', displayName: 'Mia Ordnung', agency: 'OA', roles: ['liaison'] },
  { email: 'jugendamt@demo.drogenrapport.invalid', displayName: 'Lena Jugend', agency: 'JA', roles: ['liaison'] },
  { email: 'drogenhilfe@demo.drogenrapport.invalid', displayName: 'Kai Beratung', agency: 'DH-SUCHT', roles: ['liaison'] },
  { email: 'streetwork@demo.drogenrapport.invalid', displayName: 'Sam Straße', agency: 'STREETWORK', roles: ['liaison'] },
  { email: 'stadtreinigung@demo.drogenrapport.invalid', displayName: 'Olaf Besen', agency: 'STADTREIN', roles: ['liaison'] },
];

/** The demo agencies and their people, keyed by code and e-mail for the loaders that follow. */
export async function loadDemoDirectory(m: EntityManager, passwordHash: string): Promise<{ agencies: Map<string, Agency>; people: Map<string, Person> }> {
  const agencies = new Map<string, Agency>();
  for (const a of DEMO_AGENCIES) agencies.set(a.code, await m.save(Agency, m.create(Agency, { ...a, active: true })));
  const people = new Map<string, Person>();
  for (const p of DEMO_PEOPLE) {
    people.set(p.email, await m.save(Person, m.create(Person, {
      email: p.email, displayName: p.displayName, roles: p.roles, agencyId: agencies.get(p.agency)!.id,
      active: true, passwordHash, deputyId: null,
      // The demo city starts as if its leadership had confirmed everyone (issue 7).
      passwordChosenBySelf: true, accessConfirmedAt: new Date(), accessConfirmedBy: null, accessChangedBy: null,
    })));
  }
  return { agencies, people };
}

/** Returns false (and changes nothing) when the database already holds agencies. */
export async function loadDemoCity(db: DataSource): Promise<boolean> {
  const hash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (m) => {
    if ((await m.count(Agency)) > 0) return false;
    const { agencies, people } = await loadDemoDirectory(m, hash);
    const places = await loadDemoPlaces(m);
    await loadDemoDevelopments(m, { agencies, people, places });
    await loadDemoMeasures(m, { agencies, people, places });
    // Last: the rapports' agendas and the rule read the developments and measures above.
    await loadDemoRapports(m, { agencies, people, places });
    return true;
  });
}
