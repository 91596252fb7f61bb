import { formatNumber } from '../../format';

/** What a threshold rule watches and when it fires, in plain German (rule list, rule form, escalations). */
export const SCOPE_LABELS = { district: 'Ein Bezirk', place: 'Ein Ort', sensitive: 'Alle besonders sensiblen Orte (je Ort gezählt)' } as const;
export type ScopeKind = keyof typeof SCOPE_LABELS;

export function describeThreshold(r: { windowDays: number; minCount: number | null; risePercent: number | null }): string {
  const days = r.windowDays === 1 ? 'am letzten Tag' : `in den letzten ${formatNumber(r.windowDays)} Tagen`;
  if (r.minCount !== null) return `mindestens ${formatNumber(r.minCount)} ${r.minCount === 1 ? 'Meldung' : 'Meldungen'} ${days}`;
  if (r.risePercent !== null) return `Anstieg um mindestens ${formatNumber(r.risePercent)} % ${days} gegenüber dem Zeitraum davor`;
  return '–';
}
