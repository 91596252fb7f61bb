import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { SelectField, TextField } from '../../components/form';
import { CursorTable, useCursorList } from '../../components/paging';
import { AGENCY_KIND_LABELS, AGENCY_KINDS, type AgencyKind } from '../../labels';
import { ActiveBadge, ActiveFilter, type ActiveChoice } from './parts';

const PAGE = 50;

/** Behörden: every agency (also deactivated ones), filtered, 50 a page; each leads to its form. */
export function AgenciesPage() {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<AgencyKind | ''>('');
  const [active, setActive] = useState<ActiveChoice>('');
  const filter = { q: q.trim() || undefined, kind: kind || undefined, active: active || undefined };
  const list = useCursorList(['admin', 'agencies', 'list', filter], (cursor) => api<Schemas['AgencyPageDto']>('GET', '/agencies', { query: { ...filter, sort: 'name', limit: PAGE, cursor } }));

  return (
    <>
      <h1 className="kern-heading-large">Behörden</h1>
      <p className="kern-body">Behörden und Träger, die am Drogenrapport teilnehmen. Jede Person gehört zu genau einer Behörde.</p>
      <p><Link className="kern-btn kern-btn--secondary" to="/verwaltung/behoerden/neu"><span className="kern-label">Neue Behörde</span></Link></p>
      <form className="filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Suche" type="search" value={q} onChange={(e) => setQ(e.target.value)} hint="Teil des Namens oder Kurzzeichens" maxLength={100} />
        <SelectField label="Art" value={kind} onChange={(e) => setKind(e.target.value as AgencyKind | '')}>
          <option value="">Alle Arten</option>
          {AGENCY_KINDS.map((k) => <option key={k} value={k}>{AGENCY_KIND_LABELS[k]}</option>)}
        </SelectField>
        <ActiveFilter value={active} onChange={setActive} />
      </form>
      <CursorTable list={list} caption="Behörden nach Name" pagerLabel="Seiten der Behördenliste" empty="Keine Behörden für diese Filter." columns={[
        { header: 'Name', cell: (a) => <Link className="kern-link" to={`/verwaltung/behoerden/${a.id}`}>{a.name}</Link> },
        { header: 'Kurzzeichen', cell: (a) => a.code },
        { header: 'Art', cell: (a) => AGENCY_KIND_LABELS[a.kind] },
        { header: 'Status', cell: (a) => <ActiveBadge active={a.active} /> },
      ]} />
    </>
  );
}
