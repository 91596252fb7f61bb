import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { SelectField, TextField } from '../../components/form';
import { CursorTable, useCursorList } from '../../components/paging';
import { useAllAgencies } from './directory';
import { ROLE_LABELS, ROLES, type Role } from '../../labels';
import { ActiveBadge, ActiveFilter, type ActiveChoice } from './parts';

const PAGE = 50;

/** Personen: every account (also deactivated ones), filtered by agency, role, status and name. */
export function PeoplePage() {
  const [q, setQ] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [active, setActive] = useState<ActiveChoice>('');
  const agencies = useAllAgencies();
  const filter = { q: q.trim() || undefined, agencyId: agencyId || undefined, role: role || undefined, active: active || undefined };
  const list = useCursorList(['admin', 'people', 'list', filter], (cursor) => api<Schemas['PersonPageDto']>('GET', '/people', { query: { ...filter, sort: 'displayName', limit: PAGE, cursor } }));

  return (
    <>
      <h1 className="kern-heading-large">Personen</h1>
      <p className="kern-body">Die Konten aller Behörden. Neue Konten und neue Rollen öffnen die eingeschränkten Meldungen einer Behörde erst, wenn ihre Leitung den Zugang bestätigt hat.</p>
      <p><Link className="kern-btn kern-btn--secondary" to="/verwaltung/personen/neu"><span className="kern-label">Neue Person</span></Link></p>
      <form className="filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Suche" type="search" value={q} onChange={(e) => setQ(e.target.value)} hint="Teil des Namens oder der E-Mail-Adresse" maxLength={100} />
        <SelectField label="Behörde" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
          <option value="">Alle Behörden</option>
          {(agencies.data ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}{a.active ? '' : ' (deaktiviert)'}</option>)}
        </SelectField>
        <SelectField label="Rolle" value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
          <option value="">Alle Rollen</option>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </SelectField>
        <ActiveFilter value={active} onChange={setActive} />
      </form>
      <CursorTable list={list} caption="Personen nach Name" pagerLabel="Seiten der Personenliste" empty="Keine Personen für diese Filter." columns={[
        { header: 'Name', cell: (p) => <Link className="kern-link" to={`/verwaltung/personen/${p.id}`}>{p.displayName}</Link> },
        { header: 'E-Mail-Adresse', cell: (p) => p.email },
        { header: 'Behörde', cell: (p) => p.agency?.name },
        { header: 'Rollen', cell: (p) => p.roles.map((r) => ROLE_LABELS[r]).join(', ') },
        { header: 'Zugang', cell: (p) => (p.accessConfirmed ? 'bestätigt' : 'wartet auf Bestätigung') },
        { header: 'Status', cell: (p) => <ActiveBadge active={p.active} /> },
      ]} />
    </>
  );
}
