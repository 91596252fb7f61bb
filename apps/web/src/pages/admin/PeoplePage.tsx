import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { FormProblem, SelectField, TextField } from '../../components/form';
import { useAllAgencies } from './directory';
import { ROLE_LABELS, ROLES, type Role } from '../../labels';
import { ActiveBadge, Pager, useCursorPages } from './parts';

const PAGE = 50;

/** Personen: every account (also deactivated ones), filtered by agency, role, status and name. */
export function PeoplePage() {
  const [q, setQ] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const paging = useCursorPages();
  const agencies = useAllAgencies();
  const filter = { q: q.trim() || undefined, agencyId: agencyId || undefined, role: role || undefined, active: active || undefined };
  const list = useQuery({
    queryKey: ['admin', 'people', 'list', filter, paging.cursor],
    queryFn: () => api<Schemas['PersonPageDto']>('GET', '/people', { query: { ...filter, sort: 'displayName', limit: PAGE, cursor: paging.cursor } }),
    placeholderData: keepPreviousData,
  });
  const changed = <T,>(set: (v: T) => void) => (v: T) => { set(v); paging.reset(); };

  return (
    <>
      <h1 className="kern-heading-large">Personen</h1>
      <p className="kern-body">Die Konten aller Behörden. Neue Konten und neue Rollen öffnen die eingeschränkten Meldungen einer Behörde erst, wenn ihre Leitung den Zugang bestätigt hat.</p>
      <p><Link className="kern-btn kern-btn--secondary" to="/verwaltung/personen/neu"><span className="kern-label">Neue Person</span></Link></p>
      <form className="filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Suche" type="search" value={q} onChange={(e) => changed(setQ)(e.target.value)} hint="Teil des Namens oder der E-Mail-Adresse" maxLength={100} />
        <SelectField label="Behörde" value={agencyId} onChange={(e) => changed(setAgencyId)(e.target.value)}>
          <option value="">Alle Behörden</option>
          {(agencies.data ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}{a.active ? '' : ' (deaktiviert)'}</option>)}
        </SelectField>
        <SelectField label="Rolle" value={role} onChange={(e) => changed(setRole)(e.target.value as Role | '')}>
          <option value="">Alle Rollen</option>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </SelectField>
        <SelectField label="Status" value={active} onChange={(e) => changed(setActive)(e.target.value as '' | 'true' | 'false')}>
          <option value="">Alle</option>
          <option value="true">Aktiv</option>
          <option value="false">Deaktiviert</option>
        </SelectField>
      </form>
      {list.isError && <FormProblem error={list.error} />}
      {list.isPending && <p className="kern-body" role="status">Personen werden geladen …</p>}
      {list.data && list.data.items.length === 0 && <p className="kern-body">Keine Personen für diese Filter.</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--striped">
            <caption className="kern-sr-only">Personen nach Name, Seite {paging.page + 1}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Name</th>
                <th scope="col" className="kern-table__header">E-Mail-Adresse</th>
                <th scope="col" className="kern-table__header">Behörde</th>
                <th scope="col" className="kern-table__header">Rollen</th>
                <th scope="col" className="kern-table__header">Zugang</th>
                <th scope="col" className="kern-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {list.data.items.map((p) => (
                <tr className="kern-table__row" key={p.id}>
                  <td className="kern-table__cell"><Link className="kern-link" to={`/verwaltung/personen/${p.id}`}>{p.displayName}</Link></td>
                  <td className="kern-table__cell">{p.email}</td>
                  <td className="kern-table__cell">{p.agency?.name}</td>
                  <td className="kern-table__cell">{p.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                  <td className="kern-table__cell">{p.accessConfirmed ? 'bestätigt' : 'wartet auf Bestätigung'}</td>
                  <td className="kern-table__cell"><ActiveBadge active={p.active} /></td>
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
