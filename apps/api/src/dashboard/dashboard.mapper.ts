import type { Dashboard } from '#domain/measures/measure-dashboard.service.js';

/** The dashboard is already a plain read model; only the instants become ISO strings. */
export function toDashboardResponse(d: Dashboard) {
  return {
    ...d,
    keyFigureFreshness: {
      refreshedNow: d.keyFigureFreshness.refreshedNow,
      refreshingInBackground: d.keyFigureFreshness.refreshingInBackground,
      oldestEvaluatedAt: d.keyFigureFreshness.oldestEvaluatedAt?.toISOString() ?? null,
      developmentsChangedAt: d.keyFigureFreshness.developmentsChangedAt?.toISOString() ?? null,
    },
  };
}
