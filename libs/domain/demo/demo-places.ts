import type { EntityManager } from 'typeorm';
import { District, type GeoJsonPolygon } from '../places/district.entity.js';
import type { PlaceKind, SensitiveKind } from '../places/place-kind.js';
import { Place } from '../places/place.entity.js';
import { districtContaining, polygonBBox, validatePolygon } from '../places/polygon.js';

/**
 * Districts and places of the fictional demo city "Lindenbrück" (centre about 51.34 N, 12.37 E,
 * inside the default CITY_* area). Streets and facilities are invented; nothing here describes a
 * person. The scene places lie close to sensitive places on purpose (kindergarten about 120 m and
 * school about 180 m from the Stadtpark Ost, a playground about 150 m from the Bahnhofsvorplatz),
 * so that the demo shows the "near a sensitive place" rule, and the Uferweg in WEST is where the
 * scene can move to (displacement).
 */

/** A closed rectangle as a GeoJSON polygon ([lon, lat] positions). */
function box(minLon: number, minLat: number, maxLon: number, maxLat: number): GeoJsonPolygon {
  return { type: 'Polygon', coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]] };
}

export interface DemoDistrict {
  code: string;
  name: string;
  boundary: GeoJsonPolygon | null;
}

// A 3x3-ish grid around the centre: NORD on top, SUED below, WEST | MITTE | OST in between. HAFEN
// has no boundary on purpose: its places get their district by hand.
export const DEMO_DISTRICTS: DemoDistrict[] = [
  { code: 'MITTE', name: 'Mitte', boundary: box(12.355, 51.33, 12.39, 51.355) },
  { code: 'OST', name: 'Ostend', boundary: box(12.39, 51.33, 12.435, 51.355) },
  { code: 'WEST', name: 'Westvorstadt', boundary: box(12.31, 51.33, 12.355, 51.355) },
  { code: 'NORD', name: 'Nordviertel', boundary: box(12.31, 51.355, 12.435, 51.385) },
  // SUED is not a rectangle: the river bend cuts off its south-east corner.
  { code: 'SUED', name: 'Südvorstadt', boundary: { type: 'Polygon', coordinates: [[[12.31, 51.3], [12.41, 51.3], [12.435, 51.31], [12.435, 51.33], [12.31, 51.33], [12.31, 51.3]]] } },
  { code: 'HAFEN', name: 'Hafen', boundary: null },
];

export interface DemoPlace {
  key: string;
  name: string;
  kind: PlaceKind;
  sensitiveKind?: SensitiveKind;
  lat: number;
  lon: number;
  address?: string;
  /** Only for places outside every boundary (as in the API: the boundary wins where there is one). */
  districtCode?: string;
}

export const DEMO_PLACES: DemoPlace[] = [
  // Scene places (Szeneplätze)
  { key: 'scene-bahnhof', name: 'Bahnhofsvorplatz', kind: 'scene', lat: 51.345, lon: 12.38, address: 'Bahnhofsplatz' },
  { key: 'scene-park', name: 'Stadtpark Ost', kind: 'scene', lat: 51.34, lon: 12.405, address: 'Parkallee, Eingang Nord' },
  { key: 'scene-ufer', name: 'Uferweg am Kanal', kind: 'scene', lat: 51.342, lon: 12.33, address: 'Kanalstraße / Uferweg' },
  { key: 'scene-bruecke', name: 'Unterführung Lindenbrücke', kind: 'scene', lat: 51.32, lon: 12.38, address: 'Lindenbrücke' },
  // Particularly sensitive places (besonders sensible Orte)
  { key: 'kita-sonnenschein', name: 'Kita Sonnenschein', kind: 'sensitive', sensitiveKind: 'kindergarten', lat: 51.34108, lon: 12.405, address: 'Parkallee 12' },
  { key: 'schule-ost', name: 'Grundschule am Park', kind: 'sensitive', sensitiveKind: 'school', lat: 51.33838, lon: 12.405, address: 'Schulweg 3' },
  { key: 'spielplatz-mitte', name: 'Spielplatz Bahnhofstraße', kind: 'sensitive', sensitiveKind: 'playground', lat: 51.34635, lon: 12.38, address: 'Bahnhofstraße 40' },
  { key: 'jugendhaus-nord', name: 'Jugendhaus Nordlicht', kind: 'sensitive', sensitiveKind: 'youth_facility', lat: 51.37, lon: 12.37, address: 'Lindenhofstraße 8' },
  { key: 'kita-west', name: 'Kita Regenbogen', kind: 'sensitive', sensitiveKind: 'kindergarten', lat: 51.347, lon: 12.34, address: 'Weidenweg 5' },
  { key: 'schule-sued', name: 'Oberschule Süd', kind: 'sensitive', sensitiveKind: 'school', lat: 51.315, lon: 12.37, address: 'Am Schulberg 1' },
  { key: 'spielplatz-nord', name: 'Spielplatz Lindenhof', kind: 'sensitive', sensitiveKind: 'playground', lat: 51.365, lon: 12.39, address: 'Lindenhof' },
  // Other places
  { key: 'rathaus', name: 'Rathaus Lindenbrück', kind: 'other', lat: 51.34, lon: 12.372, address: 'Markt 1' },
  { key: 'kontaktladen', name: 'Kontaktladen der Suchtberatung', kind: 'other', lat: 51.336, lon: 12.365, address: 'Gartenstraße 17' },
  { key: 'busbahnhof', name: 'Zentraler Busbahnhof', kind: 'other', lat: 51.344, lon: 12.386, address: 'Bahnhofsplatz 4' },
  { key: 'einkaufszentrum', name: 'Einkaufszentrum Ostend', kind: 'other', lat: 51.348, lon: 12.42, address: 'Ostring 50' },
  { key: 'wertstoffhof', name: 'Wertstoffhof am Hafen', kind: 'other', lat: 51.295, lon: 12.45, address: 'Hafenstraße 2', districtCode: 'HAFEN' },
];

/**
 * Saves the demo districts and places through the given (transaction's) manager and returns the
 * places by key. A place's district comes from the boundaries exactly as in PlacesService (the
 * active district by code whose boundary contains the point), else from its districtCode.
 */
export async function loadDemoPlaces(m: EntityManager): Promise<Map<string, Place>> {
  const districts: District[] = [];
  for (const d of DEMO_DISTRICTS) {
    const boundary = d.boundary ? validatePolygon(d.boundary) : null;
    const bbox = boundary ? polygonBBox(boundary) : null;
    districts.push(await m.save(District, m.create(District, {
      code: d.code, name: d.name, boundary, active: true,
      minLat: bbox?.minLat ?? null, maxLat: bbox?.maxLat ?? null, minLon: bbox?.minLon ?? null, maxLon: bbox?.maxLon ?? null,
    })));
  }
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const places = new Map<string, Place>();
  for (const p of DEMO_PLACES) {
    const district = districtContaining(districts, p.lat, p.lon) ?? (p.districtCode ? byCode.get(p.districtCode) ?? null : null);
    places.set(p.key, await m.save(Place, m.create(Place, {
      name: p.name, kind: p.kind, sensitiveKind: p.sensitiveKind ?? null, lat: p.lat, lon: p.lon,
      districtId: district?.id ?? null, address: p.address ?? null, active: true,
    })));
  }
  return places;
}
