/**
 * Plain geometry, no PostGIS (PGlite has none): haversine distances, bounding boxes for indexed
 * prefilters, and point-in-polygon for GeoJSON boundaries. The same SQL runs on PostgreSQL and in
 * the embedded mode.
 */
export const EARTH_RADIUS_M = 6_371_008.8;

export interface BBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A box that surely contains every point within `radiusM` of the centre (for an index range scan). */
export function bboxAround(lat: number, lon: number, radiusM: number): BBox {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const cos = Math.max(Math.cos((lat * Math.PI) / 180), 1e-6);
  const dLon = dLat / cos;
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/**
 * SQL for the haversine distance in metres between the columns (latCol, lonCol) and the named
 * parameters :<p>Lat, :<p>Lon. Use together with sqlWithinBox for the indexed prefilter.
 */
export function sqlDistanceMeters(latCol: string, lonCol: string, p: string): string {
  return `(2 * ${EARTH_RADIUS_M} * asin(least(1, sqrt(power(sin(radians(${latCol} - :${p}Lat) / 2), 2) + cos(radians(:${p}Lat)) * cos(radians(${latCol})) * power(sin(radians(${lonCol} - :${p}Lon) / 2), 2)))))`;
}

/** SQL for "(latCol, lonCol) inside the box" with named parameters :<p>MinLat ... :<p>MaxLon. */
export function sqlWithinBox(latCol: string, lonCol: string, p: string): string {
  return `(${latCol} BETWEEN :${p}MinLat AND :${p}MaxLat AND ${lonCol} BETWEEN :${p}MinLon AND :${p}MaxLon)`;
}

/** Parameters for sqlDistanceMeters + sqlWithinBox around a point. */
export function nearParams(p: string, lat: number, lon: number, radiusM: number): Record<string, number> {
  const b = bboxAround(lat, lon, radiusM);
  return { [`${p}Lat`]: lat, [`${p}Lon`]: lon, [`${p}MinLat`]: b.minLat, [`${p}MaxLat`]: b.maxLat, [`${p}MinLon`]: b.minLon, [`${p}MaxLon`]: b.maxLon, [`${p}Radius`]: radiusM };
}

/** Ray casting on the outer ring, minus holes. Coordinates are GeoJSON order: [lon, lat]. */
export function pointInPolygon(lat: number, lon: number, rings: number[][][]): boolean {
  const inRing = (ring: number[][]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  if (!rings.length || !inRing(rings[0]!)) return false;
  return !rings.slice(1).some(inRing);
}
