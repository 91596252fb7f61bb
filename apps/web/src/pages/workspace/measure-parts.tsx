import type { Schemas } from '../../api/client';
import { daysText, formatDay, formatDecimal } from '../../format';

type KeyFigureResult = Schemas['KeyFigureResultDto'];

/** Overdue in words (never by colour alone), in the danger colour with an icon. */
export function OverdueText({ days }: { days: number }) {
  return (
    <span className="overdue">
      <span className="kern-icon kern-icon--warning kern-icon--small" aria-hidden="true" />
      {' '}Überfällig seit {daysText(days)}
    </span>
  );
}

export const KEY_FIGURE_STATUS: Record<KeyFigureResult['status'], { label: string; badge: 'success' | 'danger' | 'info' }> = {
  on_track: { label: 'Im Plan', badge: 'success' },
  off_track: { label: 'Nicht im Plan', badge: 'danger' },
  no_data: { label: 'Noch keine Aussage', badge: 'info' },
};

const per = (k: Schemas['KeyFigureDefinitionDto']) => (k.period === 'week' ? 'Woche' : 'Monat');

/** "−50 % gegenüber dem Ausgangswert bis 01.03.2027" or "1 je Woche bis …". */
export function targetText(k: Schemas['KeyFigureDefinitionDto']): string {
  const by = `bis ${formatDay(k.target.date)}`;
  if (k.target.kind === 'percent') return `${k.target.value > 0 ? '+' : k.target.value < 0 ? '−' : '±'}${formatDecimal(Math.abs(k.target.value))} % gegenüber dem Ausgangswert ${by}`;
  return `${formatDecimal(k.target.value)} je ${per(k)} ${by}`;
}

/** The displacement watch in words: flagged, not flagged, or why it cannot say. */
export function DisplacementText({ result }: { result: KeyFigureResult }) {
  const d = result.displacement;
  if (!d) return <>Nicht beobachtet (kein Umkreis festgelegt)</>;
  if (!d.available) return <>Noch keine Aussage (Maßnahme hat noch nicht begonnen)</>;
  if (d.displacementSuspected) {
    return (
      <span className="kern-badge kern-badge--warning">
        <span className="kern-label">Verdrängung vermutet{d.wdq !== null && d.wdq !== undefined ? ` (WDQ ${formatDecimal(d.wdq)})` : ''}</span>
      </span>
    );
  }
  return <>Keine Verdrängung erkennbar</>;
}

/** Baseline, target, expected now and actual of each key figure, as a table (the numbers a chart would show). */
export function KeyFigureTable({ results, caption, measureTitle }: { results: Array<{ result: KeyFigureResult; measure?: { id: string; title: string } }>; caption: string; measureTitle?: boolean }) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--striped">
        <caption className="kern-sr-only">{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {measureTitle && <th scope="col" className="kern-table__header">Maßnahme</th>}
            <th scope="col" className="kern-table__header">Kennzahl</th>
            <th scope="col" className="kern-table__header">Ziel</th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">Ausgangswert</th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">Soll jetzt</th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">Ist</th>
            <th scope="col" className="kern-table__header">Stand</th>
            <th scope="col" className="kern-table__header">Verdrängung</th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {results.map(({ result: r, measure }) => {
            const k = r.keyFigure;
            const status = KEY_FIGURE_STATUS[r.status];
            return (
              <tr className="kern-table__row" key={k.id}>
                {measureTitle && <td className="kern-table__cell">{measure?.title}</td>}
                <th scope="row" className="kern-table__cell">{k.name}</th>
                <td className="kern-table__cell">{targetText(k)}</td>
                <td className="kern-table__cell kern-table__cell--numeric">{r.baselineAverage === null ? '–' : `${formatDecimal(r.baselineAverage)} je ${per(k)}`}</td>
                <td className="kern-table__cell kern-table__cell--numeric">{r.expected === null ? '–' : formatDecimal(r.expected)}</td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {r.latest ? <>{formatDecimal(r.latest.count)}<span className="kern-body--small"> ({per(k)} ab {formatDay(r.latest.start.slice(0, 10))})</span></> : '–'}
                </td>
                <td className="kern-table__cell"><span className={`kern-badge kern-badge--${status.badge}`}><span className="kern-label">{status.label}</span></span></td>
                <td className="kern-table__cell"><DisplacementText result={r} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
