import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { FormProblem, SelectField, TextField } from '../../components/form';
import { AGENCY_KIND_LABELS, AGENCY_KINDS, type AgencyKind } from '../../labels';
import { ActiveBadge, Pager, useCursorPages } from './parts';

const PAGE = 50;

/** Behörden: every agency (also deactivated ones), filtered, 50 a page; each leads to its form. */
export function AgenciesPage() {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<AgencyKind | ''>('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const paging = useCursorPages();
  const filter = { q: q.trim() || undefined, kind: kind || undefined, active: active || undefined };
  const list = useQuery({
    queryKey: ['admin', 'agencies', 'list', filter, paging.cursor],
    queryFn: () => api<Schemas['AgencyPageDto']>('GET', '/agencies', { query: { ...filter, sort: 'name', limit: PAGE, cursor: paging.cursor } }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1 className="kern-heading-large">Behörden</h1>
      <p className="kern-body">Behörden und Träger, die am Drogenrapport teilnehmen. Jede Person gehört zu genau einer Behörde.</p>
      <p><Link className="kern-btn kern-btn--secondary" to="/verwaltung/behoerden/neu"><span className="kern-label">Neue Behörde</span></Link></p>
      <form className="filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Suche" type="search" value={q} onChange={(e) => { setQ(e.target.value); paging.reset(); }} hint="Teil des Namens oder Kurzzeichens" maxLength={100} />
        <SelectField label="Art" value={kind} onChange={(e) => { setKind(e.target.value as AgencyKind | ''); paging.reset(); }}>
          <option value="">Alle Arten</option>
          {AGENCY_KINDS.map((k) => <option key={k} value={k}>{AGENCY_KIND_LABELS[k]}</option>)}
        </SelectField>
        <SelectField label="Status" value={active} onChange={(e) => { setActive(e.target.value as '' | 'true' | 'false'); paging.reset(); }}>
          <option value="">Alle</option>
          <option value="true">Aktiv</option>
          <option value="false">Deaktiviert</option>
        </SelectField>
      </form>
      {list.isError && <FormProblem error={list.error} />}
      {list.isPending && <p className="kern-body" role="status">Behörden werden geladen …</p>}
      {list.data && list.data.items.length === 0 && <p className="kern-body">Keine Behörden für diese Filter.</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--striped">
            <caption className="kern-sr-only">Behörden nach Name, Seite {paging.page + 1}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Name</th>
                <th scope="col" className="kern-table__header">Kurzzeichen</th>
                <th scope="col" className="kern-table__header">Art</th>
                <th scope="col" className="kern-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {list.data.items.map((a) => (
                <tr className="kern-table__row" key={a.id}>
                  <td className="kern-table__cell"><Link className="kern-link" to={`/verwaltung/behoerden/${a.id}`}>{a.name}</Link></td>
                  <td className="kern-table__cell">{a.code}</td>
                  <td className="kern-table__cell">{AGENCY_KIND_LABELS[a.kind]}</td>
                  <td className="kern-table__cell"><ActiveBadge active={a.active} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager paging={paging} nextCursor={list.data?.nextCursor} />
    </>
  );
}
