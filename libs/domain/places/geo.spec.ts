import { describe, expect, it } from '@jest/globals';
import { bboxAround, haversineMeters, pointInPolygon } from './geo.js';

describe('haversineMeters', () => {
  it('is zero for the same point and symmetric', () => {
    expect(haversineMeters(51.34, 12.37, 51.34, 12.37)).toBe(0);
    expect(haversineMeters(51.34, 12.37, 51.35, 12.4)).toBeCloseTo(haversineMeters(51.35, 12.4, 51.34, 12.37), 6);
  });

  it('gives about 111.2 km per degree of latitude and shrinks longitude with cos(lat)', () => {
    expect(haversineMeters(51, 12, 52, 12)).toBeCloseTo(111_195, -1);
    expect(haversineMeters(0, 12, 0, 13)).toBeCloseTo(111_195, -1);
    expect(haversineMeters(60, 12, 60, 13)).toBeCloseTo(111_195 / 2, -2);
  });

  it('matches a known distance (Leipzig Hbf - Berlin Hbf, about 148 km)', () => {
    const d = haversineMeters(51.3455, 12.3821, 52.5251, 13.3694);
    expect(d).toBeGreaterThan(146_000);
    expect(d).toBeLessThan(150_000);
  });

  it('stays finite for antipodal points', () => {
    expect(haversineMeters(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });
});

describe('bboxAround', () => {
  it('contains every point within the radius', () => {
    const b = bboxAround(51.34, 12.37, 200);
    for (let deg = 0; deg < 360; deg += 15) {
      const rad = (deg * Math.PI) / 180;
      const lat = 51.34 + (199 / 111_195) * Math.cos(rad);
      const lon = 12.37 + (199 / (111_195 * Math.cos((51.34 * Math.PI) / 180))) * Math.sin(rad);
      expect(haversineMeters(51.34, 12.37, lat, lon)).toBeLessThan(200);
      expect(lat).toBeGreaterThanOrEqual(b.minLat);
      expect(lat).toBeLessThanOrEqual(b.maxLat);
      expect(lon).toBeGreaterThanOrEqual(b.minLon);
      expect(lon).toBeLessThanOrEqual(b.maxLon);
    }
  });
});

describe('pointInPolygon', () => {
  // GeoJSON order: [lon, lat]
  const outer = [[12.3, 51.3], [12.4, 51.3], [12.4, 51.4], [12.3, 51.4], [12.3, 51.3]];
  const hole = [[12.34, 51.34], [12.36, 51.34], [12.36, 51.36], [12.34, 51.36], [12.34, 51.34]];

  it('finds points inside and outside a square (arguments are lat, lon)', () => {
    expect(pointInPolygon(51.35, 12.35, [outer])).toBe(true);
    expect(pointInPolygon(51.45, 12.35, [outer])).toBe(false);
    expect(pointInPolygon(51.35, 12.45, [outer])).toBe(false);
    // Swapped coordinates are not inside.
    expect(pointInPolygon(12.35, 51.35, [outer])).toBe(false);
  });

  it('excludes holes', () => {
    expect(pointInPolygon(51.35, 12.35, [outer, hole])).toBe(false);
    expect(pointInPolygon(51.32, 12.32, [outer, hole])).toBe(true);
  });

  it('handles a concave ring (an L shape)', () => {
    const l = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]];
    expect(pointInPolygon(0.5, 1.5, [l])).toBe(true);
    expect(pointInPolygon(1.5, 0.5, [l])).toBe(true);
    expect(pointInPolygon(1.5, 1.5, [l])).toBe(false);
  });

  it('is false for no rings', () => {
    expect(pointInPolygon(0, 0, [])).toBe(false);
  });
});
