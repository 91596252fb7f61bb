import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { District } from './district.entity.js';
import { preparedQuery } from '../common/prepared-query.js';
import { nearParams, pointInPolygon, sqlDistanceMeters, sqlWithinBox } from './geo.js';

export interface NearestSensitivePlace {
  placeId: string;
  distanceM: number;
}

/**
 * Where a point lies: its district (by boundary) and the nearest particularly sensitive place
 * within the configured radius. Used when places and developments are stored.
 *
 * Callers pass their EntityManager: inside a transaction that is the transaction's, and a default
 * would quietly take a second pool connection instead (which on the embedded database waits for
 * the first one forever).
 */
@Injectable()
export class GeoLookupService {
  constructor(private readonly config: AppConfig) {}

  /** The active district whose boundary contains the point (bounding box first, then the polygon). */
  async districtAt(lat: number, lon: number, m: EntityManager): Promise<string | null> {
    const candidates = await m.getRepository(District).createQueryBuilder('d')
      .where('d.active AND d.boundary IS NOT NULL')
      .andWhere(':lat BETWEEN d.min_lat AND d.max_lat AND :lon BETWEEN d.min_lon AND d.max_lon', { lat, lon })
      .orderBy('d.code').getMany();
    const hit = candidates.find((d) => d.boundary && pointInPolygon(lat, lon, d.boundary.coordinates));
    return hit?.id ?? null;
  }

  async nearestSensitivePlace(lat: number, lon: number, m: EntityManager, radiusM = this.config.SENSITIVE_PLACE_RADIUS_M): Promise<NearestSensitivePlace | null> {
    const [sql, values] = m.connection.driver.escapeQueryWithParameters(NEAREST_SENSITIVE_SQL, nearParams('n', lat, lon, radiusM));
    const [row] = await preparedQuery<{ id: string; distance: number }>(m, sql, values);
    return row ? { placeId: row.id, distanceM: Math.round(Number(row.distance)) } : null;
  }
}

/** The nearest active particularly sensitive place within :nRadius (box first, then the distance): one prepared statement. */
const NEAREST_SENSITIVE_SQL = `SELECT p.id, ${sqlDistanceMeters('p.lat', 'p.lon', 'n')} AS distance FROM places p
  WHERE p.kind = 'sensitive' AND p.active AND ${sqlWithinBox('p.lat', 'p.lon', 'n')} AND ${sqlDistanceMeters('p.lat', 'p.lon', 'n')} <= :nRadius
  ORDER BY distance ASC LIMIT 1`;
