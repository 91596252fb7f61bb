import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { hasRole, useAuth } from '../../auth';
import { DataTable } from '../../components/DataTable';
import { FormProblem } from '../../components/form';
import { daysText, formatDateTime, formatDay, formatDecimal, formatNumber } from '../../format';
import { ESCALATION_REASON_LABELS, ESCALATION_STATUS_LABELS, MEASURE_STATUS_LABELS, RAPPORT_STATUS_LABELS, type MeasureStatus } from '../../labels';
import { KeyFigureTable, OverdueText } from './measure-parts';

type Dashboard = Schemas['DashboardResponseDto'];
type MeasureRef = Schemas['DashboardMeasureRefDto'];
const STATUSES: MeasureStatus[] = ['planned', 'in_progress', 'blocked', 'done', 'cancelled'];
const OPEN: MeasureStatus[] = ['planned', 'in_progress', 'blocked'];
/** Key figures are counted live per measure (what the reader may see): the Übersicht shows those of the first open measures that have any. */
const KEY_FIGURE_MEASURES = 12;

/** Übersicht for leadership (and coordinators): measures by status, overdue, key figures, escalations, extended rapports. */
export function OverviewPage() {
  const dashboard = useQuery({ queryKey: ['dashboard'], queryFn: () => api<Dashboard>('GET', '/dashboard') });
  const d = dashboard.data;
  return (
    <>
      <h1 className="kern-heading-large">Übersicht</h1>
      <FormProblem error={dashboard.isError ? dashboard.error : null} />
      {dashboard.isPending && <p className="kern-body" role="status">Übersicht wird geladen …</p>}
      {d && (
        <>
          <p className="kern-body">
            Stand {formatDay(d.today)}: {formatNumber(d.totals.open)} offene Maßnahmen, davon {formatNumber(d.totals.overdue)} überfällig
            {d.totals.maxDaysOverdue !== null && ` (die älteste seit ${daysText(d.totals.maxDaysOverdue)})`}; {formatNumber(d.totals.dueNext14Days)} in den nächsten 14 Tagen fällig.
            {d.totals.completion.rate !== null && ` Von den im Zeitraum ${formatDay(d.period.from)} bis ${formatDay(d.period.to)} fälligen Maßnahmen sind ${formatDecimal(d.totals.completion.rate * 100)} % erledigt.`}
          </p>
          <ByStatus counts={d.totals.byStatus} />
          <MeasureTable id="overdue" title="Überfällige Maßnahmen" measures={d.overdueMeasures} overdue
            empty="Keine überfälligen Maßnahmen." />
          <MeasureTable id="upcoming" title="Fristen in den nächsten 14 Tagen" measures={d.upcomingDeadlines} empty="Keine Fristen in den nächsten 14 Tagen." />
          <ByAgency agencies={d.agencies} />
          <KeyFigures dashboard={d} />
          <Escalations escalations={d.openEscalations} />
          <ExtendedRapports rapports={d.extendedRapports} />
        </>
      )}
    </>
  );
}

/** Measures by status: a bar per status with its number written beside it; the table is the chart. */
function ByStatus({ counts }: { counts: Schemas['MeasuresByStatusDto'] }) {
  const max = Math.max(1, ...STATUSES.map((s) => counts[s]));
  return (
    <section aria-labelledby="by-status" className="stack">
      <h2 id="by-status" className="kern-heading-medium">Maßnahmen nach Status</h2>
      <DataTable caption="Anzahl der Maßnahmen je Status (Balken zeigen dieselben Zahlen)" className="status-bars" rows={STATUSES} rowKey={(s) => s} columns={[
        { header: 'Status', rowHeader: true, cell: (s) => MEASURE_STATUS_LABELS[s] },
        { header: 'Anzahl', kind: 'numeric', cell: (s) => formatNumber(counts[s]) },
        {
          header: <span className="kern-sr-only">Balken</span>,
          className: 'status-bars__cell',
          cell: (s) => <svg className="status-bars__svg" aria-hidden="true" viewBox="0 0 100 10" preserveAspectRatio="none"><rect className={`status-bars__bar status-bars__bar--${s}`} x="0" y="0" height="10" width={(counts[s] / max) * 100} /></svg>,
        },
      ]} />
    </section>
  );
}

function MeasureTable({ id, title, measures, overdue, empty }: { id: string; title: string; measures: MeasureRef[]; overdue?: boolean; empty: string }) {
  return (
    <section aria-labelledby={id} className="stack">
      <h2 id={id} className="kern-heading-medium">{title}</h2>
      <DataTable caption={`${title}${overdue ? ', am längsten überfällige zuerst' : ', früheste Frist zuerst'}`} rows={measures} empty={empty} rowClassName={() => (overdue ? 'overdue-row' : undefined)} columns={[
        { header: 'Maßnahme', cell: (m) => <Link to={`/massnahmen/${m.id}`}>{m.title}</Link> },
        { header: 'Behörde', cell: (m) => m.agency.name },
        { header: 'Verantwortlich', cell: (m) => m.responsible.displayName },
        { header: 'Status', cell: (m) => MEASURE_STATUS_LABELS[m.status] },
        { header: 'Frist', cell: (m) => formatDay(m.deadline) },
        { header: overdue ? 'Überfällig' : 'Fällig', cell: (m) => (overdue ? <OverdueText days={m.days} /> : m.days === 0 ? 'Heute' : m.days === 1 ? 'Morgen' : `In ${daysText(m.days)}`) },
      ]} />
    </section>
  );
}

function ByAgency({ agencies }: { agencies: Dashboard['agencies'] }) {
  if (agencies.length === 0) return null;
  return (
    <section aria-labelledby="by-agency" className="stack">
      <h2 id="by-agency" className="kern-heading-medium">Nach Behörde</h2>
      <DataTable caption="Maßnahmen und Kennzahlen je Behörde, die mit den meisten überfälligen zuerst" rows={agencies} rowKey={(a) => a.agency.id} columns={[
        { header: 'Behörde', rowHeader: true, cell: (a) => a.agency.name },
        { header: 'Offen', kind: 'numeric', cell: (a) => formatNumber(a.open) },
        { header: 'Überfällig', kind: 'numeric', cell: (a) => (a.overdue > 0 ? <span className="overdue">{formatNumber(a.overdue)}</span> : '0') },
        { header: 'Längste Überfälligkeit', kind: 'numeric', cell: (a) => (a.maxDaysOverdue === null ? '–' : daysText(a.maxDaysOverdue)) },
        { header: 'In 14 Tagen fällig', kind: 'numeric', cell: (a) => formatNumber(a.dueNext14Days) },
        { header: 'Kennzahlen im Plan', kind: 'numeric', cell: (a) => formatNumber(a.keyFigures.onTrack) },
        { header: 'Nicht im Plan', kind: 'numeric', cell: (a) => formatNumber(a.keyFigures.offTrack) },
        { header: 'Verdrängung vermutet', kind: 'numeric', cell: (a) => formatNumber(a.displacementFlagged) },
      ]} />
    </section>
  );
}

function KeyFigures({ dashboard: d }: { dashboard: Dashboard }) {
  const open = useQuery({
    queryKey: ['measures', 'list', 'open-with-key-figures'],
    queryFn: () => api<Schemas['MeasurePageDto']>('GET', '/measures', { query: { status: OPEN, sort: 'deadline', order: 'asc', limit: 200 } }),
  });
  const withFigures = (open.data?.items ?? []).filter((m) => m.keyFigures.length > 0);
  const shown = withFigures.slice(0, KEY_FIGURE_MEASURES);
  const figures = useQueries({
    queries: shown.map((m) => ({
      queryKey: ['measures', 'key-figures', m.id, m.version],
      queryFn: () => api<Schemas['MeasureKeyFiguresDto']>('GET', `/measures/${m.id}/key-figures`),
    })),
  });
  const rows = shown.flatMap((m, i) => (figures[i]?.data?.keyFigures ?? []).map((result) => ({ result, measure: { id: m.id, title: m.title } })));
  const loading = open.isPending || figures.some((f) => f.isPending);
  const failed = open.error ?? figures.find((f) => f.isError)?.error ?? null;
  const tally = d.totals.keyFigures;
  return (
    <section aria-labelledby="key-figures" className="stack">
      <h2 id="key-figures" className="kern-heading-medium">Kennzahlen: Ziel und Ist</h2>
      <p className="kern-body">
        {formatNumber(tally.total)} Kennzahlen: {formatNumber(tally.onTrack)} im Plan, {formatNumber(tally.offTrack)} nicht im Plan, {formatNumber(tally.noData)} noch ohne Aussage
        {tally.notEvaluated > 0 && `, ${formatNumber(tally.notEvaluated)} noch nicht berechnet`}; bei {formatNumber(d.totals.displacementFlagged)} {d.totals.displacementFlagged === 1 ? 'Maßnahme' : 'Maßnahmen'} vermutet die Verdrängungsbeobachtung eine Verlagerung.
        {d.keyFigureFreshness.refreshingInBackground && ' Einige Werte werden gerade neu berechnet.'}
      </p>
      {d.displacementFlags.length > 0 && (
        <ul className="kern-list">
          {d.displacementFlags.map((f) => (
            <li key={f.keyFigure.id}>
              <span className="kern-badge kern-badge--warning"><span className="kern-label">Verdrängung vermutet</span></span>{' '}
              <Link to={`/massnahmen/${f.measure.id}`}>{f.measure.title}</Link>: {f.keyFigure.name}{f.wdq !== null && ` (WDQ ${formatDecimal(f.wdq)})`}
            </li>
          ))}
        </ul>
      )}
      <FormProblem error={failed} />
      {loading && !failed && <p className="kern-body" role="status">Kennzahlen werden berechnet …</p>}
      {!loading && rows.length === 0 && <p className="kern-body">Keine offene Maßnahme hat eine Kennzahl.</p>}
      {rows.length > 0 && <KeyFigureTable caption="Kennzahlen der offenen Maßnahmen: Ziel, Soll und Ist" results={rows} measureTitle />}
      {withFigures.length > shown.length && (
        <p className="kern-body kern-body--small">Gezeigt: die Kennzahlen der {formatNumber(shown.length)} Maßnahmen mit der frühesten Frist; die übrigen stehen bei der jeweiligen <Link to="/massnahmen">Maßnahme</Link>.</p>
      )}
    </section>
  );
}

function Escalations({ escalations }: { escalations: Dashboard['openEscalations'] }) {
  const { me } = useAuth();
  const coordinator = hasRole(me, 'coordinator');
  return (
    <section aria-labelledby="escalations" className="stack">
      <h2 id="escalations" className="kern-heading-medium">Offene Eskalationen</h2>
      <p className="kern-body">{escalations.count === 0 ? 'Keine offenen Eskalationen.' : `${formatNumber(escalations.count)} offen${escalations.count > escalations.newest.length ? `, die ${formatNumber(escalations.newest.length)} neuesten:` : ':'}`}</p>
      {escalations.newest.length > 0 && (
        <ul className="kern-list">
          {escalations.newest.map((e) => (
            <li key={e.id}>
              {coordinator ? <Link to={`/eskalationen/${e.id}`}>{ESCALATION_REASON_LABELS[e.reason]}</Link> : ESCALATION_REASON_LABELS[e.reason]}
              {' '}– {ESCALATION_STATUS_LABELS[e.status]}, seit {formatDateTime(e.createdAt)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ExtendedRapports({ rapports }: { rapports: Dashboard['extendedRapports'] }) {
  return (
    <section aria-labelledby="extended" className="stack">
      <h2 id="extended" className="kern-heading-medium">Erweiterte Rapporte und ihre Maßnahmen</h2>
      {rapports.length === 0 && <p className="kern-body">Keine erweiterten Rapporte.</p>}
      {rapports.map((r) => <ExtendedRapport key={r.id} rapport={r} />)}
    </section>
  );
}

function ExtendedRapport({ rapport: r }: { rapport: Dashboard['extendedRapports'][number] }) {
  const measures = useQuery({
    queryKey: ['measures', 'list', 'rapport', r.id],
    queryFn: () => api<Schemas['MeasurePageDto']>('GET', '/measures', { query: { rapportId: r.id, sort: 'deadline', order: 'asc', limit: 50 } }),
  });
  const headingId = `extended-${r.id}`;
  const counts = STATUSES.filter((s) => r.measuresByStatus[s] > 0).map((s) => `${formatNumber(r.measuresByStatus[s])} ${MEASURE_STATUS_LABELS[s].toLowerCase()}`);
  return (
    <article className="kern-card report-item" aria-labelledby={headingId}>
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h3 id={headingId} className="kern-title"><Link to={`/termine/${r.id}`}>{r.title}</Link></h3>
          <span className="kern-badge kern-badge--info"><span className="kern-label">{RAPPORT_STATUS_LABELS[r.status]}</span></span>
        </div>
        <div className="kern-card__body stack">
          <p className="kern-body">{formatDateTime(r.startsAt)} · Maßnahmen: {counts.length ? counts.join(', ') : 'noch keine vereinbart'}</p>
          <FormProblem error={measures.isError ? measures.error : null} />
          {measures.data && measures.data.items.length > 0 && (
            <ul className="kern-list">
              {measures.data.items.map((m) => (
                <li key={m.id}>
                  <Link to={`/massnahmen/${m.id}`}>{m.title}</Link> – {MEASURE_STATUS_LABELS[m.status]}, Frist {formatDay(m.deadline)}
                  {m.overdue && <> · <OverdueText days={m.daysOverdue} /></>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </article>
  );
}
