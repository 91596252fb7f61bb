import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { hasRole, useAuth } from '../../auth';
import { Button, FormProblem, SelectField } from '../../components/form';
import { formatDay } from '../../format';
import { MEASURE_STATUS_LABELS, PRIORITY_LABELS, type MeasureStatus } from '../../labels';
import { OverdueText } from './measure-parts';

const STATUS_FILTERS: Record<string, { label: string; statuses?: MeasureStatus[] }> = {
  open: { label: 'Alle offenen', statuses: ['planned', 'in_progress', 'blocked'] },
  planned: { label: MEASURE_STATUS_LABELS.planned, statuses: ['planned'] },
  in_progress: { label: MEASURE_STATUS_LABELS.in_progress, statuses: ['in_progress'] },
  blocked: { label: MEASURE_STATUS_LABELS.blocked, statuses: ['blocked'] },
  done: { label: MEASURE_STATUS_LABELS.done, statuses: ['done'] },
  cancelled: { label: MEASURE_STATUS_LABELS.cancelled, statuses: ['cancelled'] },
  all: { label: 'Alle' },
};
const SCOPES = { mine: 'Mir zugewiesen (verantwortlich oder Vertretung)', agency: 'Meiner Behörde', all: 'Alle Maßnahmen' } as const;
type Scope = keyof typeof SCOPES;
const PAGE = 25;

/** Maßnahmen: filtered by status and by whose they are, soonest deadline first, 25 a page. */
export function MeasuresPage() {
  const { me } = useAuth();
  const [status, setStatus] = useState('open');
  const [scope, setScope] = useState<Scope>(hasRole(me, 'liaison') ? 'agency' : 'all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const page = cursors.length - 1;
  const filter = {
    status: STATUS_FILTERS[status]!.statuses,
    personId: scope === 'mine' ? me?.id : undefined,
    owningAgencyId: scope === 'agency' ? me?.agencyId : undefined,
    overdue: overdueOnly || undefined,
  };
  const list = useQuery({
    queryKey: ['measures', 'list', filter, cursors[page]],
    queryFn: () => api<Schemas['MeasurePageDto']>('GET', '/measures', { query: { ...filter, sort: 'deadline', order: 'asc', limit: PAGE, cursor: cursors[page] } }),
    placeholderData: keepPreviousData,
  });
  const resetPaging = () => setCursors([undefined]);

  return (
    <>
      <h1 className="kern-heading-large">Maßnahmen</h1>
      <form className="filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Status" name="status" value={status} onChange={(e) => { setStatus(e.target.value); resetPaging(); }}>
          {Object.entries(STATUS_FILTERS).map(([v, f]) => <option key={v} value={v}>{f.label}</option>)}
        </SelectField>
        <SelectField label="Zuständigkeit" name="scope" value={scope} onChange={(e) => { setScope(e.target.value as Scope); resetPaging(); }}>
          {Object.entries(SCOPES).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
        <div className="kern-form-check filters__check">
          <input className="kern-form-check__checkbox" type="checkbox" id="overdue-only" checked={overdueOnly} onChange={(e) => { setOverdueOnly(e.target.checked); resetPaging(); }} />
          <label className="kern-label" htmlFor="overdue-only">Nur überfällige</label>
        </div>
      </form>
      <FormProblem error={list.isError ? list.error : null} />
      {list.isPending && <p className="kern-body" role="status">Maßnahmen werden geladen …</p>}
      {list.data && list.data.items.length === 0 && <p className="kern-body">Keine Maßnahmen für diese Filter.</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--striped">
            <caption className="kern-sr-only">Maßnahmen, früheste Frist zuerst, Seite {page + 1}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Maßnahme</th>
                <th scope="col" className="kern-table__header">Status</th>
                <th scope="col" className="kern-table__header">Frist</th>
                <th scope="col" className="kern-table__header">Verantwortlich</th>
                <th scope="col" className="kern-table__header">Behörde</th>
                <th scope="col" className="kern-table__header">Priorität</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {list.data.items.map((x) => (
                <tr className="kern-table__row" key={x.id}>
                  <td className="kern-table__cell"><Link to={`/massnahmen/${x.id}`}>{x.title}</Link></td>
                  <td className="kern-table__cell">{MEASURE_STATUS_LABELS[x.status]}</td>
                  <td className="kern-table__cell">{formatDay(x.deadline)}{x.overdue && <><br /><OverdueText days={x.daysOverdue} /></>}</td>
                  <td className="kern-table__cell">{x.responsible.displayName}{x.deputy ? ` (Vertretung: ${x.deputy.displayName})` : ''}</td>
                  <td className="kern-table__cell">{x.owningAgency.name}</td>
                  <td className="kern-table__cell">{PRIORITY_LABELS[x.priority]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pager">
        <Button variant="secondary" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>Vorherige Seite</Button>
        <span className="kern-body">Seite {page + 1}</span>
        <Button variant="secondary" disabled={!list.data?.nextCursor} onClick={() => setCursors((c) => [...c, list.data!.nextCursor!])}>Nächste Seite</Button>
      </div>
    </>
  );
}
