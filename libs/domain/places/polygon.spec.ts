import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../common/domain-error.js';
import type { GeoJsonPolygon } from './district.entity.js';
import { districtContaining, MAX_POSITIONS_PER_RING, polygonBBox, validatePolygon } from './polygon.js';

const square = (lon: number, lat: number, size: number): number[][] => [
  [lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat],
];
const poly = (...rings: number[][][]): GeoJsonPolygon => ({ type: 'Polygon', coordinates: rings });

function problemOf(input: unknown): { status: number; code: string; field?: string; reason: unknown; path: unknown } {
  try {
    validatePolygon(input);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    const e = err as DomainError;
    return { status: e.status, code: e.code, field: e.field, reason: e.extra.reason, path: e.extra.path };
  }
  throw new Error('expected the polygon to be refused');
}

describe('validatePolygon', () => {
  it('accepts a closed ring and a hole, and normalises away altitude and foreign members', () => {
    const withAltitude = square(12.3, 51.3, 0.1).map(([lon, lat]) => [lon!, lat!, 120]);
    const out = validatePolygon({ type: 'Polygon', coordinates: [withAltitude, square(12.32, 51.32, 0.01)], bbox: [0, 0, 1, 1], crs: 'x' });
    expect(out).toEqual(poly(square(12.3, 51.3, 0.1), square(12.32, 51.32, 0.01)));
    expect(Object.keys(out)).toEqual(['type', 'coordinates']);
  });

  it('accepts a concave ring and repeated consecutive positions', () => {
    const l = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 1], [1, 2], [0, 2], [0, 0]];
    expect(validatePolygon(poly(l)).coordinates[0]).toHaveLength(8);
  });

  it.each([
    ['null', null, 'NOT_A_POLYGON'],
    ['an array', [[0, 0]], 'NOT_A_POLYGON'],
    ['another type', { type: 'MultiPolygon', coordinates: [] }, 'NOT_A_POLYGON'],
    ['no rings', { type: 'Polygon', coordinates: [] }, 'NOT_A_POLYGON'],
    ['a ring that is not an array', { type: 'Polygon', coordinates: ['x'] }, 'NOT_A_POLYGON'],
    ['fewer than 4 positions', poly([[0, 0], [1, 0], [0, 0]]), 'TOO_FEW_POSITIONS'],
    ['first != last', poly([[0, 0], [1, 0], [1, 1], [0, 1]]), 'NOT_CLOSED'],
    ['a position with one number', poly([[0, 0], [1], [1, 1], [0, 0]]), 'INVALID_POSITION'],
    ['a string coordinate', poly([[0, 0], [1, '0'], [1, 1], [0, 0]] as number[][]), 'INVALID_POSITION'],
    ['a non-finite number', poly([[0, 0], [Infinity, 0], [1, 1], [0, 0]]), 'INVALID_POSITION'],
    ['NaN', poly([[0, 0], [NaN, 0], [1, 1], [0, 0]]), 'INVALID_POSITION'],
    ['longitude out of range', poly([[0, 0], [181, 0], [1, 1], [0, 0]]), 'OUT_OF_RANGE'],
    ['latitude out of range', poly([[0, 0], [1, -91], [1, 1], [0, 0]]), 'OUT_OF_RANGE'],
    ['lat/lon swapped into range errors', poly([[51.3, 12.3], [51.4, 12.3], [51.4, 95], [51.3, 12.3]]), 'OUT_OF_RANGE'],
    ['all positions the same', poly([[1, 1], [1, 1], [1, 1], [1, 1]]), 'DEGENERATE'],
    ['only two distinct positions', poly([[0, 0], [1, 1], [0, 0], [1, 1], [0, 0]]), 'DEGENERATE'],
    ['collinear positions', poly([[0, 0], [1, 1], [2, 2], [0, 0]]), 'DEGENERATE'],
    ['a symmetric bow tie (its halves cancel out)', poly([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]), 'DEGENERATE'],
    ['a lopsided bow tie', poly([[0, 0], [2, 2], [2, 0], [0, 1], [0, 0]]), 'SELF_INTERSECTING'],
    ['a spike that folds back', poly([[0, 0], [2, 0], [2, 2], [2, 3], [2, 1], [0, 2], [0, 0]]), 'SELF_INTERSECTING'],
    ['a ring touching itself', poly([[0, 0], [4, 0], [4, 4], [2, 0], [0, 4], [0, 0]]), 'SELF_INTERSECTING'],
  ])('refuses %s with 400 INVALID_BOUNDARY on field "boundary"', (_label, input, reason) => {
    const p = problemOf(input);
    expect(p).toMatchObject({ status: 400, code: 'INVALID_BOUNDARY', field: 'boundary', reason });
  });

  it('names the ring and the position', () => {
    expect(problemOf(poly(square(0, 0, 1), [[0, 0], [1, 0], [1, 1], [0, 0.5]])).path).toBe('coordinates[1]');
    expect(problemOf(poly([[0, 0], [1, 0], [1, 200], [0, 0]])).path).toBe('coordinates[0][2]');
  });

  it('refuses too many positions before doing any quadratic work', () => {
    const big = Array.from({ length: MAX_POSITIONS_PER_RING + 1 }, (_, i) => [Math.cos(i), Math.sin(i)]);
    big.push(big[0]!);
    expect(problemOf(poly(big)).reason).toBe('TOO_LARGE');
  });
});

describe('polygonBBox', () => {
  it('is the box of the outer ring', () => {
    const p = poly([[12.3, 51.3], [12.45, 51.31], [12.4, 51.42], [12.3, 51.3]], [[12.35, 51.33], [12.36, 51.33], [12.36, 51.34], [12.35, 51.33]]);
    expect(polygonBBox(p)).toEqual({ minLat: 51.3, maxLat: 51.42, minLon: 12.3, maxLon: 12.45 });
  });
});

describe('districtContaining', () => {
  const d = (code: string, boundary: GeoJsonPolygon | null, active = true) => ({ code, boundary, active });

  it('finds the district whose boundary holds the point and ignores inactive and boundary-less ones', () => {
    const west = d('WEST', poly(square(12.3, 51.3, 0.05)));
    const ost = d('OST', poly(square(12.35, 51.3, 0.05)));
    const old = d('ALT', poly(square(12.3, 51.3, 0.1)), false);
    const none = d('HAFEN', null);
    expect(districtContaining([old, none, ost, west], 51.32, 12.31)).toBe(west);
    expect(districtContaining([old, none, ost, west], 51.32, 12.38)).toBe(ost);
    expect(districtContaining([old, none, ost, west], 51.5, 12.38)).toBeNull();
  });

  it('takes the first code when boundaries overlap (as GeoLookupService.districtAt does)', () => {
    const b = d('B', poly(square(12.3, 51.3, 0.1)));
    const a = d('A', poly(square(12.3, 51.3, 0.1)));
    expect(districtContaining([b, a], 51.35, 12.35)).toBe(a);
  });
});
