import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { Button, SelectField, TextField } from '../../components/form';
import { CursorTable, useCursorList } from '../../components/paging';
import { formatDateTime, formatTimestamp, fromLocalInput } from '../../format';
import { byId, useAllAgencies, useAllPeople, type Agency, type AuditEntry, type Person } from './directory';
import { AGENCY_KIND_LABELS, ROLE_LABELS, type Role } from '../../labels';

type AuditAction = AuditEntry['action'];

const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: 'angelegt',
  update: 'geändert',
  deactivate: 'deaktiviert',
  reactivate: 'reaktiviert',
  read: 'gelesen',
  export: 'exportiert',
  login: 'angemeldet',
  logout: 'abgemeldet',
  password_change: 'Passwort geändert',
  withdraw: 'zurückgezogen',
  confirm_access: 'Zugang bestätigt',
  delete: 'gelöscht',
};
const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** The kinds of record the trail is about (entityType); the API takes any such name as a filter. */
const ENTITY_TYPE_LABELS: Record<string, string> = {
  agency: 'Behörde',
  agency_webhook: 'Webhook einer Behörde',
  agenda_item: 'Tagesordnungspunkt',
  calendar_feed: 'Kalender-Abo',
  development: 'Meldung',
  district: 'Stadtteil',
  escalation: 'Eskalation',
  key_figure: 'Kennzahl',
  measure: 'Maßnahme',
  milestone: 'Meilenstein',
  minutes_entry: 'Protokolleintrag (Rapport)',
  notification_settings: 'Benachrichtigungseinstellungen',
  person: 'Person',
  place: 'Ort',
  rapport: 'Rapport',
  rapport_invitation: 'Einladung',
  rapport_series: 'Rapportreihe',
  reminder: 'Erinnerung',
  substance: 'Substanz',
  threshold_rule: 'Schwellenregel',
};

/** Field names in the trail's `changes`, as a person reads them. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  kind: 'Art',
  code: 'Kurzzeichen',
  active: 'Aktiv',
  email: 'E-Mail-Adresse',
  displayName: 'Name',
  roles: 'Rollen',
  agencyId: 'Behörde',
  deputyId: 'Vertretung',
  accessConfirmed: 'Zugang bestätigt',
  confirmedAs: 'Bestätigt als',
  url: 'Adresse',
  secret: 'Signatur-Geheimnis',
  title: 'Titel',
  description: 'Beschreibung',
  status: 'Status',
  deadline: 'Frist',
  count: 'Anzahl',
  rowCount: 'Zeilen',
};

const PAGE = 50;
const FILTERS = ['action', 'entityType', 'entityId', 'actorId', 'from', 'to'] as const;
type Filter = Record<(typeof FILTERS)[number], string>;

/** The day after a YYYY-MM-DD date (the API's `to` is exclusive; the form's "bis" includes the day). */
function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/**
 * Prüfprotokoll (the audit trail, append-only): newest first, 50 a page, filtered as the API
 * offers. The filters live in the address, so that a record's page can link to its entries.
 * Entries about records the admin may not see (restricted developments) show only who, when,
 * the action and the kind of record: the API leaves out the id and the values.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filter;
  const people = useAllPeople();
  const agencies = useAllAgencies();
  const apply = (f: Filter) => setParams(Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()])));

  return (
    <>
      <h1 className="kern-heading-large">Prüfprotokoll</h1>
      <p className="kern-body">Wer hat wann was an welchem Datensatz getan: jede Änderung, jeder Export und jedes Lesen eingeschränkter Meldungen. Einträge können weder geändert noch gelöscht werden. Inhalte von Freitexten stehen nicht im Protokoll, nur dass sie geändert wurden.</p>
      <AuditFilters key={params.toString()} applied={applied} people={people.data ?? []} onApply={apply} />
      <AuditTable key={`table-${params.toString()}`} filter={applied} people={byId(people.data)} agencies={byId(agencies.data)} />
    </>
  );
}

function AuditFilters({ applied, people, onApply }: { applied: Filter; people: Person[]; onApply: (f: Filter) => void }) {
  const [draft, setDraft] = useState<Filter>(applied);
  const set = (key: keyof Filter) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(draft);
  }
  return (
    <form className="stack" aria-label="Filter" noValidate onSubmit={submit}>
      <div className="filters">
        <SelectField label="Aktion" name="action" value={draft.action} onChange={set('action')}>
          <option value="">Alle Aktionen</option>
          {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{AUDIT_ACTION_LABELS[a]}</option>)}
        </SelectField>
        <SelectField label="Art des Datensatzes" name="entityType" value={draft.entityType} onChange={set('entityType')}>
          <option value="">Alle</option>
          {Object.entries(ENTITY_TYPE_LABELS).sort((a, b) => a[1].localeCompare(b[1], 'de')).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
        <SelectField label="Person" name="actorId" value={draft.actorId} onChange={set('actorId')} hint="Wer es getan hat">
          <option value="">Alle</option>
          {people.map((p) => <option key={p.id} value={p.id}>{p.displayName} ({p.agency?.code})</option>)}
        </SelectField>
        <TextField label="Datensatz-ID" name="entityId" value={draft.entityId} onChange={set('entityId')} maxLength={100} autoComplete="off" />
        <TextField label="Von" name="from" type="date" value={draft.from} onChange={set('from')} hint="Tag, Berliner Zeit" />
        <TextField label="Bis einschließlich" name="to" type="date" value={draft.to} onChange={set('to')} hint="Tag, Berliner Zeit" />
      </div>
      <div className="section-head">
        <Button type="submit">Filter anwenden</Button>
        <Button type="button" variant="tertiary" onClick={() => onApply(Object.fromEntries(FILTERS.map((f) => [f, ''])) as Filter)}>Filter zurücksetzen</Button>
      </div>
    </form>
  );
}

function AuditTable({ filter, people, agencies }: { filter: Filter; people: Map<string, Person>; agencies: Map<string, Agency> }) {
  const query = {
    action: filter.action || undefined,
    entityType: filter.entityType || undefined,
    entityId: filter.entityId || undefined,
    actorId: filter.actorId || undefined,
    from: filter.from ? fromLocalInput(`${filter.from}T00:00`) : undefined,
    to: filter.to ? fromLocalInput(`${dayAfter(filter.to)}T00:00`) : undefined,
  };
  const list = useCursorList(['admin', 'audit', query], (cursor) => api<Schemas['AuditPageDto']>('GET', '/audit', { query: { ...query, limit: PAGE, cursor } }));
  const names = { people, agencies };

  return (
    <section aria-labelledby="audit-heading" className="stack">
      <h2 id="audit-heading" className="kern-heading-medium">Einträge</h2>
      <CursorTable list={list} caption="Prüfprotokoll, neueste zuerst" pagerLabel="Seiten des Prüfprotokolls" className="kern-table--striped audit-table" empty="Keine Einträge für diese Filter." columns={[
        { header: 'Zeitpunkt', cell: (e) => formatTimestamp(e.at) },
        { header: 'Wer', cell: (e) => actor(e.actorId, people) },
        { header: 'Aktion', cell: (e) => AUDIT_ACTION_LABELS[e.action] ?? e.action },
        { header: 'Datensatz', cell: (e) => subject(e, names) },
        { header: 'Änderungen', cell: (e) => changes(e, names) },
      ]} />
    </section>
  );
}

type Names = { people: Map<string, Person>; agencies: Map<string, Agency> };

function actor(id: string | null, people: Map<string, Person>): ReactNode {
  if (!id) return 'System';
  const p = people.get(id);
  return p ? <>{p.displayName}<span className="kern-body--small"> ({p.agency?.code})</span></> : <span className="audit-id">{id}</span>;
}

function subject(e: AuditEntry, { people, agencies }: Names): ReactNode {
  const kind = ENTITY_TYPE_LABELS[e.entityType] ?? e.entityType;
  if (e.restricted || !e.entityId) {
    return <>{kind} <span className="kern-badge kern-badge--info kern-badge--small"><span className="kern-label">eingeschränkt</span></span><span className="kern-body--small"> Datensatz und Werte sind für Sie nicht sichtbar.</span></>;
  }
  const agency = (e.entityType === 'agency' || e.entityType === 'agency_webhook') ? agencies.get(e.entityId) : undefined;
  const person = e.entityType === 'person' || e.entityType === 'notification_settings' || e.entityType === 'calendar_feed' ? people.get(e.entityId) : undefined;
  if (agency) return <>{kind}: <Link to={`/verwaltung/behoerden/${agency.id}`}>{agency.name}</Link></>;
  if (person) return <>{kind}: <Link to={`/verwaltung/personen/${person.id}`}>{person.displayName}</Link></>;
  // Exports carry a fresh id of their own: nothing to look up.
  if (e.action === 'export') return kind;
  return <>{kind} <span className="audit-id">{e.entityId}</span></>;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function value(field: string, v: unknown, { people, agencies }: Names): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if (Array.isArray(v)) return v.length ? v.map((x) => value(field, x, { people, agencies })).join(', ') : '–';
  if (typeof v === 'string') {
    if (field === 'roles' && v in ROLE_LABELS) return ROLE_LABELS[v as Role];
    if (field === 'kind' && v in AGENCY_KIND_LABELS) return AGENCY_KIND_LABELS[v as keyof typeof AGENCY_KIND_LABELS];
    const named = agencies.get(v)?.name ?? people.get(v)?.displayName;
    if (named) return named;
    if (ISO_INSTANT.test(v)) return formatDateTime(v);
    return v;
  }
  if (typeof v === 'number') return v.toLocaleString('de-DE');
  return JSON.stringify(v);
}

function changes(e: AuditEntry, names: Names): ReactNode {
  if (!e.changes) return '–';
  const entries = Object.entries(e.changes);
  if (!entries.length) return '–';
  return (
    <ul className="change-list">
      {entries.map(([field, c]) => {
        const label = FIELD_LABELS[field] ?? field;
        const change = (c ?? {}) as { old?: unknown; new?: unknown; changed?: boolean };
        let text: ReactNode;
        if (change.changed === true && !('new' in change)) text = 'geändert (Inhalt wird nicht protokolliert)';
        else if ('old' in change) {
          text = <><span className="kern-sr-only">von </span>{value(field, change.old, names)}<span aria-hidden="true"> → </span><span className="kern-sr-only"> auf </span>{value(field, change.new, names)}</>;
        } else if ('new' in change) text = value(field, change.new, names);
        else text = value(field, c, names);
        return <li key={field}><span className="change-list__field">{label}:</span> {text}</li>;
      })}
    </ul>
  );
}
