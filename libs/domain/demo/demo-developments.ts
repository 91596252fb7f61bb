import type { EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import type { Agency } from '../agencies/agency.entity.js';
import type { DevelopmentCategory, Visibility } from '../developments/development-enums.js';
import { Development } from '../developments/development.entity.js';
import { LocationInput, resolveDevelopmentLocation } from '../developments/developments.service.js';
import type { Person } from '../people/person.entity.js';
import { GeoLookupService } from '../places/geo-lookup.service.js';
import type { Place } from '../places/place.entity.js';

/**
 * Six months of developments for the demo city, telling the stories the trends and filters are for:
 * - Stadtpark Ost (next to Kita Sonnenschein): syringe finds rise for four months, then fall after
 *   focused enforcement about two months ago;
 * - Bahnhofsvorplatz: a steady complaints situation, some aggression, public consumption;
 * - Uferweg am Kanal: quiet until about six weeks ago, then a new scene forms (displacement);
 * - police dealing reports that only the police (or the police and named partners) may see.
 * Descriptions are neutral and describe places and things, never people.
 */
export interface DemoDevelopmentContext {
  agencies: Map<string, Agency>;
  people: Map<string, Person>;
  places: Map<string, Place>;
  /** Radius and city area; the defaults of the env schema when not given. */
  config?: Pick<AppConfig, 'SENSITIVE_PLACE_RADIUS_M' | 'CITY_MIN_LAT' | 'CITY_MAX_LAT' | 'CITY_MIN_LON' | 'CITY_MAX_LON' | 'CITY_MARGIN_KM'>;
}

interface Spec {
  week: number;
  place: string;
  /** Metres off the place in a random direction; 0 logs the development at the place itself. */
  jitterM: number;
  category: DevelopmentCategory;
  reporter: string;
  count: number | null;
  substances: string[];
  severity: number;
  description: string;
  visibility: Visibility;
  visibleTo?: string[];
}

const WEEKS = 26;
const WEEK_MS = 7 * 24 * 3600 * 1000;

const MAIL = {
  police: 'polizei@demo.drogenrapport.invalid',
  order: 'ordnungsamt@demo.drogenrapport.invalid',
  youth: 'jugendamt@demo.drogenrapport.invalid',
  help: 'drogenhilfe@demo.drogenrapport.invalid',
  street: 'streetwork@demo.drogenrapport.invalid',
  cleaning: 'stadtreinigung@demo.drogenrapport.invalid',
};

/** Small deterministic PRNG (mulberry32): the demo looks the same on every fresh start. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadDemoDevelopments(m: EntityManager, ctx: DemoDevelopmentContext, now = new Date()): Promise<number> {
  const rnd = prng(20260301);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const specs: Spec[] = [];
  const add = (s: Omit<Spec, 'jitterM'> & { jitterM?: number }) => specs.push({ jitterM: 0, ...s });

  for (let w = 0; w < WEEKS; w++) {
    // Stadtpark Ost: syringe finds rise to a peak about nine weeks ago, then fall.
    const peak = WEEKS - 9;
    const parkFinds = w <= peak ? Math.round(1 + (4 * w) / peak) : Math.max(0, Math.round(5 - (4.5 * (w - peak)) / (WEEKS - 1 - peak)));
    for (let i = 0; i < parkFinds; i++) {
      const n = int(3, 8 + w);
      add({
        week: w, place: 'scene-park', jitterM: i % 2 ? int(20, 160) : 0, category: 'syringe_finds', reporter: i % 2 ? MAIL.cleaning : MAIL.order,
        count: n, substances: [pick(['heroin', 'heroin', 'crystal_meth', 'unknown'])], severity: n > 15 ? 4 : n > 8 ? 3 : 2, visibility: 'all',
        description: `${n} ${pick(['Spritzen im Gebüsch am Spielplatzrand gefunden', 'Spritzen am Parkeingang Nord gefunden und entsorgt', 'Spritzen und Tupfer auf der Wiese neben dem Kita-Zaun gefunden', 'gebrauchte Spritzen im Bereich der Sitzgruppe gefunden'])}`,
      });
    }
    if (w >= 10 && w <= peak + 1 && w % 2 === 0) {
      add({ week: w, place: 'kita-sonnenschein', category: 'complaint', reporter: MAIL.youth, count: 1, substances: [], severity: 3, visibility: 'all',
        description: 'Kita meldet erneut Spritzenfunde am Außenzaun; Eltern bitten um häufigere Kontrollen und Reinigung.' });
    }
    if (w >= peak - 1 && w <= peak + 2) {
      add({ week: w, place: 'scene-park', category: 'enforcement_action', reporter: w % 2 ? MAIL.police : MAIL.order, count: null, substances: [], severity: 2, visibility: 'all',
        description: 'Schwerpunktkontrolle im Stadtpark gemeinsam mit Ordnungsamt und Polizei; Reinigung des Spielplatzrands veranlasst.' });
    }

    // Bahnhofsvorplatz: a steady complaints situation.
    for (let i = 0, n = int(2, 3); i < n; i++) {
      add({ week: w, place: 'scene-bahnhof', jitterM: i === 2 ? int(30, 120) : 0, category: 'complaint', reporter: MAIL.order, count: int(1, 4), substances: [], severity: int(1, 3), visibility: 'all',
        description: pick(['Beschwerden von Anwohnenden über Lärm und Verunreinigung am Abend', 'Gewerbetreibende beschweren sich über Ansammlungen vor den Eingängen', 'Beschwerde über Verunreinigung im Bereich der Fahrradständer', 'Fahrgäste melden ein Unsicherheitsgefühl im Bereich des Vorplatzes']) });
    }
    add({ week: w, place: 'scene-bahnhof', category: 'public_consumption', reporter: pick([MAIL.street, MAIL.help]), count: int(3, 12), substances: [pick(['crack', 'crack', 'alcohol', 'heroin'])], severity: 2, visibility: 'all',
      description: pick(['Öffentlicher Konsum an der Sitzgruppe beobachtet, Spritzentausch und Beratung angeboten', 'Konsum im Eingangsbereich der Unterführung beobachtet', 'Rauchkonsum von Crack auf dem Vorplatz beobachtet']) });
    if (w % 3 === 1) {
      add({ week: w, place: 'scene-bahnhof', category: 'aggression_violence', reporter: MAIL.police, count: 1, substances: [], severity: int(3, 4), visibility: 'all',
        description: pick(['Körperliche Auseinandersetzung auf dem Vorplatz, Rettungsdienst hinzugezogen', 'Bedrohung von Passanten gemeldet, Platzverweise ausgesprochen']) });
    }

    // Police operational information: visible to the police only, or to the police and named partners.
    for (let i = 0, n = int(1, 2); i < n; i++) {
      const own = rnd() < 0.4;
      add({ week: w, place: w >= 8 && w <= peak && i === 1 ? 'scene-park' : 'scene-bahnhof', category: 'dealing', reporter: MAIL.police, count: null, substances: [pick(['crack', 'cocaine', 'heroin', 'crystal_meth'])], severity: int(3, 5),
        visibility: own ? 'own_agency' : 'agencies', visibleTo: own ? undefined : ['OA', 'GA'],
        description: pick(['Verdacht auf Handel im Bereich des Vorplatzes, Kontrollen durchgeführt', 'Handelsgeschehen in wechselnden Gruppen beobachtet, verdeckte Aufklärung läuft', 'Übergaben im Bereich der Unterführung beobachtet']) });
    }

    // Uferweg: quiet, then a new scene from six weeks ago (displacement from the park).
    if (w < WEEKS - 6) {
      if (w % 5 === 2) add({ week: w, place: 'scene-ufer', category: 'other', reporter: MAIL.cleaning, count: null, substances: [], severity: 1, visibility: 'all', description: 'Vereinzelt Müll am Uferweg, keine Auffälligkeiten.' });
    } else {
      const k = w - (WEEKS - 6); // 0..5
      if (k === 0) add({ week: w, place: 'scene-ufer', category: 'new_scene', reporter: MAIL.street, count: int(8, 12), substances: ['heroin', 'crack'], severity: 4, visibility: 'all', description: 'Neue Ansammlung am Uferweg, dort bisher nicht beobachtet; vermutlich aus dem Stadtpark verdrängt.' });
      for (let i = 0; i < 1 + Math.floor(k / 2); i++) add({ week: w, place: 'scene-ufer', jitterM: int(0, 150), category: 'syringe_finds', reporter: MAIL.cleaning, count: int(4, 10 + 3 * k), substances: ['heroin'], severity: 3, visibility: 'all', description: `${int(4, 20)} Spritzen auf dem Uferweg und an der Böschung gefunden und entsorgt` });
      for (let i = 0; i < 1 + Math.floor(k / 3); i++) add({ week: w, place: 'scene-ufer', category: 'public_consumption', reporter: pick([MAIL.street, MAIL.help]), count: int(4, 6 + 2 * k), substances: [pick(['crack', 'heroin'])], severity: 3, visibility: 'all', description: 'Offener Konsum am Uferweg beobachtet, Beratung und sauberes Spritzbesteck angeboten.' });
      if (k >= 1) add({ week: w, place: 'scene-ufer', category: 'camping', reporter: MAIL.order, count: int(2, 2 + k), substances: [], severity: 2, visibility: 'all', description: 'Schlaflager unter der Kanalbrücke errichtet.' });
      if (k >= 2) add({ week: w, place: 'scene-ufer', category: 'complaint', reporter: MAIL.order, count: int(1, k), substances: [], severity: 2, visibility: 'all', description: 'Spaziergänger und Anwohnende beschweren sich über Verunreinigung am Uferweg.' });
      if (k >= 3) add({ week: w, place: 'scene-ufer', category: 'dealing', reporter: MAIL.police, count: null, substances: ['crack'], severity: 4, visibility: 'agencies', visibleTo: ['OA', 'STREETWORK'], description: 'Erste Hinweise auf Handel am Uferweg; Lagebild wird verdichtet.' });
    }
  }

  // Derived exactly like a development logged through the API: the same location resolution.
  const config = ctx.config ?? new AppConfig();
  const geo = new GeoLookupService(config as AppConfig);
  const rows: Array<Partial<Development>> = [];
  for (const s of specs) {
    const place = ctx.places.get(s.place);
    const reporter = ctx.people.get(s.reporter);
    if (!place || !reporter) throw new Error(`demo developments: unknown place "${s.place}" or reporter`);
    const weekStart = now.getTime() - (WEEKS - s.week) * WEEK_MS;
    const observedAt = new Date(Math.min(weekStart + rnd() * WEEK_MS, now.getTime() - 3600_000));
    let loc: LocationInput = { placeId: place.id };
    if (s.jitterM > 0) {
      const angle = rnd() * 2 * Math.PI;
      loc = { lat: place.lat + (s.jitterM * Math.sin(angle)) / 111_195, lon: place.lon + (s.jitterM * Math.cos(angle)) / (111_195 * Math.cos((place.lat * Math.PI) / 180)) };
    }
    const location = await resolveDevelopmentLocation(m, geo, config, loc);
    rows.push({
      category: s.category, observedAt, ...location, count: s.count, substances: s.substances, severity: s.severity, description: s.description,
      reportingAgencyId: reporter.agencyId, reporterId: reporter.id, visibility: s.visibility,
      visibleAgencyIds: (s.visibleTo ?? []).map((code) => ctx.agencies.get(code)!.id),
      withdrawnAt: null, withdrawnBy: null, withdrawalReason: null,
      createdAt: new Date(Math.min(observedAt.getTime() + int(1, 20) * 3600_000, now.getTime())),
    });
  }
  for (let i = 0; i < rows.length; i += 100) await m.insert(Development, rows.slice(i, i + 100));
  return rows.length;
}
