import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { hasRole, useAuth } from '../../auth';
import { SelectField } from '../../components/form';
import { CursorTable, useCursorList } from '../../components/paging';
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
  const filter = {
    status: STATUS_FILTERS[status]!.statuses,
    personId: scope === 'mine' ? me?.id : undefined,
    owningAgencyId: scope === 'agency' ? me?.agencyId : undefined,
    overdue: overdueOnly || undefined,
  };
  const list = useCursorList(['measures', 'list', filter], (cursor) => api<Schemas['MeasurePageDto']>('GET', '/measures', { query: { ...filter, sort: 'deadline', order: 'asc', limit: PAGE, cursor } }));

  return (
    <>
      <h1 className="kern-heading-large">Maßnahmen</h1>
      <form className="filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Status" name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
          {Object.entries(STATUS_FILTERS).map(([v, f]) => <option key={v} value={v}>{f.label}</option>)}
        </SelectField>
        <SelectField label="Zuständigkeit" name="scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
          {Object.entries(SCOPES).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
        <div className="kern-form-check filters__check">
          <input className="kern-form-check__checkbox" type="checkbox" id="overdue-only" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          <label className="kern-label" htmlFor="overdue-only">Nur überfällige</label>
        </div>
      </form>
      <CursorTable list={list} caption="Maßnahmen, früheste Frist zuerst" pagerLabel="Seiten der Maßnahmenliste" empty="Keine Maßnahmen für diese Filter." columns={[
        { header: 'Maßnahme', cell: (x) => <Link to={`/massnahmen/${x.id}`}>{x.title}</Link> },
        { header: 'Status', cell: (x) => MEASURE_STATUS_LABELS[x.status] },
        { header: 'Frist', cell: (x) => <>{formatDay(x.deadline)}{x.overdue && <><br /><OverdueText days={x.daysOverdue} /></>}</> },
        { header: 'Verantwortlich', cell: (x) => `${x.responsible.displayName}${x.deputy ? ` (Vertretung: ${x.deputy.displayName})` : ''}` },
        { header: 'Behörde', cell: (x) => x.owningAgency.name },
        { header: 'Priorität', cell: (x) => PRIORITY_LABELS[x.priority] },
      ]} />
    </>
  );
}
