import type { Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { daysText, formatDay, formatDecimal } from '../../format';
import { KEY_FIGURE_STATUS_LABELS } from '../../labels';

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

const KEY_FIGURE_BADGE: Record<KeyFigureResult['status'], 'success' | 'danger' | 'info'> = { on_track: 'success', off_track: 'danger', no_data: 'info' };

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
    <DataTable caption={caption} rows={results} rowKey={(r) => r.result.keyFigure.id} columns={[
      measureTitle && { header: 'Maßnahme', cell: (r) => r.measure?.title },
      { header: 'Kennzahl', rowHeader: true, cell: (r) => r.result.keyFigure.name },
      { header: 'Ziel', cell: (r) => targetText(r.result.keyFigure) },
      { header: 'Ausgangswert', kind: 'numeric', cell: ({ result: r }) => (r.baselineAverage === null ? '–' : `${formatDecimal(r.baselineAverage)} je ${per(r.keyFigure)}`) },
      { header: 'Soll jetzt', kind: 'numeric', cell: ({ result: r }) => (r.expected === null ? '–' : formatDecimal(r.expected)) },
      {
        header: 'Ist',
        kind: 'numeric',
        cell: ({ result: r }) => (r.latest ? <>{formatDecimal(r.latest.count)}<span className="kern-body--small"> ({per(r.keyFigure)} ab {formatDay(r.latest.start.slice(0, 10))})</span></> : '–'),
      },
      { header: 'Stand', cell: ({ result: r }) => <span className={`kern-badge kern-badge--${KEY_FIGURE_BADGE[r.status]}`}><span className="kern-label">{KEY_FIGURE_STATUS_LABELS[r.status]}</span></span> },
      { header: 'Verdrängung', cell: ({ result: r }) => <DisplacementText result={r} /> },
    ]} />
  );
}
