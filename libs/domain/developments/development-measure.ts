/**
 * What a count over developments adds up (issue 7 §7): `reports` counts the developments
 * (one find of 14 syringes is 1), `sum` adds their `count` (that find is 14). A development without
 * a count stands for one of what it reports (a complaint, a find) and adds 1; a count of 0 adds 0.
 * Trends take it as a query parameter, key figures store it with their definition.
 */
export const DEVELOPMENT_MEASURES = ['reports', 'sum'] as const;
export type DevelopmentMeasure = (typeof DEVELOPMENT_MEASURES)[number];

/** The rule in the words of the API documentation. */
export const DEVELOPMENT_MEASURE_DOC = 'reports: count the developments (one find of 14 syringes is 1); sum: add up their count (that find is 14; a development without a count adds 1, a count of 0 adds 0).';

/** The aggregate over developments `alias` for a GROUP BY (a bigint: read it with Number()). */
export function measureSql(alias: string, measure: DevelopmentMeasure): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`measureSql: unsafe alias "${alias}"`);
  return measure === 'sum' ? `coalesce(sum(coalesce(${alias}.count, 1)), 0)::bigint` : 'count(*)::bigint';
}

/**
 * The same aggregate over pre-counted rows of development_day_counts `alias` (migration
 * 1765850000000): `reports` holds how many developments a row stands for, `total` the sum of their
 * count by the rule above, so that both paths add up the same.
 */
export function dayCountMeasureSql(alias: string, measure: DevelopmentMeasure): string {
  return `coalesce(sum(${dayCountColumnSql(alias, measure)}), 0)::bigint`;
}

/** The column of one pre-counted row (day counts or the rollup) that holds the measure. */
export function dayCountColumnSql(alias: string, measure: DevelopmentMeasure): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`dayCountColumnSql: unsafe alias "${alias}"`);
  return `${alias}.${measure === 'sum' ? 'total' : 'reports'}`;
}
