/**
 * THE district filter: what "in district X" means, written once for every list, export, count and
 * dashboard (issue 7 §5). Each function takes the SQL placeholder of the caller's query style
 * (`:name` for TypeORM's query builder, `$n` for raw SQL) so that builder and raw queries share it.
 *
 * - A development lies in the district stored on it (derived from the boundaries, or the place's
 *   district, when it was written: GeoLookupService).
 * - A measure (and so its key figures on the dashboard) applies to a district when it names the
 *   district or one of its places lies in it; both arms use the GIN indexes on the id arrays.
 */
export function developmentInDistrictsSql(alias: string, idsPlaceholder: string): string {
  return `${alias}.district_id = ANY(CAST(${idsPlaceholder} AS uuid[]))`;
}

export function measureInDistrictSql(alias: string, idPlaceholder: string): string {
  const id = `CAST(${idPlaceholder} AS uuid)`;
  return `(${alias}.district_ids @> ARRAY[${id}] OR ${alias}.place_ids && ARRAY(SELECT p.id FROM places p WHERE p.district_id = ${id}))`;
}
