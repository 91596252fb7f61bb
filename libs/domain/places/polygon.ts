import { DomainError } from '../common/domain-error.js';
import type { GeoJsonPolygon } from './district.entity.js';
import { BBox, pointInPolygon } from './geo.js';

/**
 * District boundaries: validation of incoming GeoJSON polygons (RFC 7946, section 3.1.6) and the
 * bounding box that GeoLookupService uses as its indexed prefilter. Pure functions, shared by the
 * service and the demo data.
 */

/** Limits that keep the O(n²) self-intersection check and the stored jsonb small. */
export const MAX_RINGS = 50;
export const MAX_POSITIONS_PER_RING = 2000;
export const MAX_POSITIONS = 10_000;

/**
 * Below this area (in square degrees, about 0.01 m² at our latitudes) a ring encloses nothing:
 * collinear positions give such values from floating-point noise alone.
 */
const MIN_RING_AREA = 1e-12;

export type BoundaryProblem =
  | 'NOT_A_POLYGON'
  | 'TOO_LARGE'
  | 'TOO_FEW_POSITIONS'
  | 'INVALID_POSITION'
  | 'OUT_OF_RANGE'
  | 'NOT_CLOSED'
  | 'DEGENERATE'
  | 'SELF_INTERSECTING';

function invalid(reason: BoundaryProblem, message: string, path?: string): DomainError {
  return new DomainError(400, 'INVALID_BOUNDARY', `The boundary is not a valid polygon: ${message}`, 'boundary', { reason, ...(path ? { path } : {}) });
}

/**
 * Checks a GeoJSON Polygon and returns it normalised to { type, coordinates: [lon, lat] rings }
 * (an altitude and foreign members are dropped). Refuses with 400 INVALID_BOUNDARY (field
 * "boundary", `reason` and `path` say what and where) anything that is not a closed, non-degenerate,
 * non-self-intersecting ring of WGS84 positions. Holes are checked as rings, not for containment.
 */
export function validatePolygon(input: unknown): GeoJsonPolygon {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalid('NOT_A_POLYGON', 'expected a GeoJSON object {"type": "Polygon", "coordinates": [...]}.');
  const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon') throw invalid('NOT_A_POLYGON', 'the type must be "Polygon".', 'type');
  if (!Array.isArray(coordinates) || coordinates.length === 0) throw invalid('NOT_A_POLYGON', 'coordinates must be a non-empty array of rings.', 'coordinates');
  if (coordinates.length > MAX_RINGS) throw invalid('TOO_LARGE', `at most ${MAX_RINGS} rings are allowed.`, 'coordinates');
  const total = coordinates.reduce((n: number, r: unknown) => n + (Array.isArray(r) ? r.length : 0), 0);
  if (total > MAX_POSITIONS) throw invalid('TOO_LARGE', `at most ${MAX_POSITIONS} positions are allowed.`, 'coordinates');
  const rings = coordinates.map((ring: unknown, i: number) => validateRing(ring, `coordinates[${i}]`));
  return { type: 'Polygon', coordinates: rings };
}

function validateRing(ring: unknown, path: string): number[][] {
  if (!Array.isArray(ring)) throw invalid('NOT_A_POLYGON', `${path} must be an array of positions.`, path);
  if (ring.length < 4) throw invalid('TOO_FEW_POSITIONS', `${path} has ${ring.length} positions; a closed ring needs at least 4 (the first repeated as the last).`, path);
  if (ring.length > MAX_POSITIONS_PER_RING) throw invalid('TOO_LARGE', `${path} has more than ${MAX_POSITIONS_PER_RING} positions.`, path);
  const positions = ring.map((p: unknown, j: number) => validatePosition(p, `${path}[${j}]`));
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) throw invalid('NOT_CLOSED', `${path} is not closed: its last position must equal its first.`, path);

  // Repeated consecutive positions are harmless (zero-length edges); drop them for the checks below.
  const open = positions.slice(0, -1).filter((p, j, all) => j === 0 || !samePoint(p, all[j - 1]!));
  while (open.length > 1 && samePoint(open[open.length - 1]!, open[0]!)) open.pop();
  const distinct = new Set(open.map((p) => `${p[0]},${p[1]}`));
  if (distinct.size < 3) throw invalid('DEGENERATE', `${path} has fewer than 3 distinct positions.`, path);
  if (Math.abs(signedArea(open)) < MIN_RING_AREA) throw invalid('DEGENERATE', `${path} encloses no area (its positions lie on one line).`, path);
  const crossing = firstSelfIntersection(open);
  if (crossing) throw invalid('SELF_INTERSECTING', `${path} crosses or touches itself between edges ${crossing[0]} and ${crossing[1]}.`, path);
  return positions;
}

function validatePosition(p: unknown, path: string): number[] {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) throw invalid('INVALID_POSITION', `${path} must be [longitude, latitude].`, path);
  if (!p.every((v) => typeof v === 'number' && Number.isFinite(v))) throw invalid('INVALID_POSITION', `${path} must hold finite numbers.`, path);
  const [lon, lat] = p as [number, number];
  if (lon < -180 || lon > 180) throw invalid('OUT_OF_RANGE', `${path}: longitude ${lon} is outside -180..180 (GeoJSON order is [longitude, latitude]).`, path);
  if (lat < -90 || lat > 90) throw invalid('OUT_OF_RANGE', `${path}: latitude ${lat} is outside -90..90 (GeoJSON order is [longitude, latitude]).`, path);
  return [lon, lat];
}

/** The box around the outer ring (holes lie inside it). */
export function polygonBBox(polygon: GeoJsonPolygon): BBox {
  const outer = polygon.coordinates[0] ?? [];
  const lons = outer.map((p) => p[0]!);
  const lats = outer.map((p) => p[1]!);
  return { minLat: Math.min(...lats), maxLat: Math.max(...lats), minLon: Math.min(...lons), maxLon: Math.max(...lons) };
}

/**
 * In-memory twin of GeoLookupService.districtAt for districts already at hand (the demo loader):
 * the first active district by code whose box and boundary contain the point.
 */
export function districtContaining<D extends { code: string; active: boolean; boundary: GeoJsonPolygon | null }>(districts: D[], lat: number, lon: number): D | null {
  const sorted = [...districts].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const d of sorted) {
    if (!d.active || !d.boundary) continue;
    const box = polygonBBox(d.boundary);
    if (lat < box.minLat || lat > box.maxLat || lon < box.minLon || lon > box.maxLon) continue;
    if (pointInPolygon(lat, lon, d.boundary.coordinates)) return d;
  }
  return null;
}

function samePoint(a: number[], b: number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Shoelace formula over the open ring (last position not repeated), in square degrees. */
function signedArea(open: number[][]): number {
  let sum = 0;
  for (let i = 0; i < open.length; i++) {
    const [x1, y1] = open[i]!;
    const [x2, y2] = open[(i + 1) % open.length]!;
    sum += x1! * y2! - x2! * y1!;
  }
  return sum / 2;
}

function orientation(a: number[], b: number[], c: number[]): number {
  const v = (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: number[], b: number[], p: number[]): boolean {
  return Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!);
}

function segmentsIntersect(a: number[], b: number[], c: number[], d: number[]): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/**
 * Edges i and j (indices into the open ring) that cross or touch, or null. Neighbouring edges
 * share a vertex by construction and only count when they fold back onto each other (a spike).
 */
function firstSelfIntersection(open: number[][]): [number, number] | null {
  const n = open.length;
  const edge = (i: number): [number[], number[]] => [open[i]!, open[(i + 1) % n]!];
  for (let i = 0; i < n; i++) {
    const [a, b] = edge(i);
    for (let j = i + 1; j < n; j++) {
      const [c, d] = edge(j);
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (adjacent) {
        // Shared vertex: b === c (j = i + 1) or a === d (wrap-around). Folding back = collinear and opposite.
        const [p, shared, q] = j === i + 1 ? [a, b, d] : [c, a, b];
        if (orientation(p, shared, q) === 0 && (p[0]! - shared[0]!) * (q[0]! - shared[0]!) + (p[1]! - shared[1]!) * (q[1]! - shared[1]!) > 0) return [i, j];
        continue;
      }
      if (segmentsIntersect(a, b, c, d)) return [i, j];
    }
  }
  return null;
}
