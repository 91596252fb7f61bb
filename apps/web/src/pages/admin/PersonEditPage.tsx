import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { useAuth } from '../../auth';
import { Alert, Button, fieldErrors, FormProblem, SelectField, TextField } from '../../components/form';
import { formatDateTime } from '../../format';
import { byId, invalidateDirectory, useAllAgencies, useAllPeople, type Person } from './directory';
import { ROLE_LABELS, ROLES, type Role } from '../../labels';
import { ActiveBadge, CheckGroup } from './parts';

const ROLE_HINT = 'Mehrere Rollen sind möglich. Die Rolle Administration lässt sich mit keiner anderen verbinden: Wer Konten verwaltet, liest und entscheidet nicht mit.';
const ACCESS_HINT = 'Bis die Person ihr eigenes Passwort gewählt und die Leitung ihrer Behörde den Zugang bestätigt hat, sieht sie nur, was alle Beteiligten sehen.';

/** Neue Person (no id) or one account: its form (with its version), status, password and access. */
export function PersonEditPage() {
  const { id } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState(false);
  const person = useQuery({ queryKey: ['admin', 'person', id], queryFn: () => api<Person>('GET', `/people/${id}`), enabled: !!id });
  const reload = () => void person.refetch().then(() => setRound((r) => r + 1));

  if (!id) {
    return (
      <>
        <h1 className="kern-heading-large">Neue Person</h1>
        <p className="kern-body"><Link to="/verwaltung/personen">Zurück zu den Personen</Link></p>
        <PersonForm />
      </>
    );
  }
  if (person.isPending) return <p className="kern-body" role="status">Wird geladen …</p>;
  if (person.isError) return <><h1 className="kern-heading-large">Person</h1><FormProblem error={person.error} /></>;
  const p = person.data;
  return (
    <>
      <h1 className="kern-heading-large">Person bearbeiten</h1>
      <p className="kern-body">{p.displayName} · <ActiveBadge active={p.active} /> · <Link to="/verwaltung/personen">Zurück zu den Personen</Link></p>
      {(location.state as { created?: boolean } | null)?.created && !saved && round === 0 && <Alert kind="success" title="Person angelegt"><p className="kern-body">Teilen Sie ihr das Erstpasswort auf sicherem Weg mit. {ACCESS_HINT}</p></Alert>}
      {saved && <Alert kind="success" title="Änderungen gespeichert" />}
      <dl className="facts">
        <div><dt>Behörde</dt><dd>{p.agency?.name}</dd></div>
        <div><dt>Angelegt am</dt><dd>{formatDateTime(p.createdAt)}</dd></div>
        <div><dt>Eigenes Passwort</dt><dd>{p.passwordChosenBySelf ? 'gewählt' : 'noch nicht gewählt'}</dd></div>
        <div><dt>Zugang</dt><dd>{p.accessConfirmed && p.accessConfirmedAt ? `bestätigt am ${formatDateTime(p.accessConfirmedAt)}` : 'wartet auf Bestätigung durch die Leitung der Behörde'}</dd></div>
      </dl>
      <p className="kern-body kern-body--small">Die Behörde einer Person lässt sich nicht ändern. Wechselt jemand die Behörde, legen Sie ein neues Konto an und deaktivieren das alte.</p>
      <PersonForm key={`${p.id}-${p.version}-${round}`} existing={p} onReload={reload} onSaved={(next) => { queryClient.setQueryData(['admin', 'person', next.id], next); setSaved(true); }} />
      <StatusSection person={p} />
      <PasswordSection person={p} />
      <p className="kern-body"><Link to="/verwaltung/vertretungen">Vertretung festlegen</Link> · <Link to={`/verwaltung/protokoll?entityType=person&entityId=${p.id}`}>Änderungen dieser Person im Prüfprotokoll</Link></p>
    </>
  );
}

function PersonForm({ existing, onReload, onSaved }: { existing?: Person; onReload?: () => void; onSaved?: (p: Person) => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const agencies = useAllAgencies();
  const [agencyId, setAgencyId] = useState(existing?.agencyId ?? '');
  const [displayName, setDisplayName] = useState(existing?.displayName ?? '');
  const [email, setEmail] = useState(existing?.email ?? '');
  const [roles, setRoles] = useState<Role[]>(existing?.roles ?? []);
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => existing
      ? api<Person>('PATCH', `/people/${existing.id}`, { body: { displayName, email, roles, version: existing.version } })
      : api<Person>('POST', '/people', { body: { agencyId, displayName, email, roles, password } }),
    onSuccess: (saved) => {
      invalidateDirectory(queryClient);
      if (onSaved) onSaved(saved);
      else navigate(`/verwaltung/personen/${saved.id}`, { state: { created: true } });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!existing && !agencyId) errors.agencyId = 'Bitte eine Behörde wählen.';
    if (!displayName.trim()) errors.displayName = 'Bitte einen Namen angeben.';
    if (!email.trim()) errors.email = 'Bitte eine E-Mail-Adresse angeben.';
    if (!roles.length) errors.roles = 'Bitte mindestens eine Rolle wählen.';
    if (!existing && password.length < 12) errors.password = 'Das Passwort braucht mindestens 12 Zeichen.';
    setLocal(errors);
    if (!Object.keys(errors).length) save.mutate();
  }

  const errors = { ...fieldErrors(save.error), ...local };
  return (
    <form className="stack report-form" onSubmit={submit} noValidate aria-label={existing ? 'Person bearbeiten' : 'Neue Person'}>
      <FormProblem error={save.error} onReload={onReload} />
      {!existing && (
        <SelectField label="Behörde" name="agencyId" value={agencyId} onChange={(e) => setAgencyId(e.target.value)} error={errors.agencyId} required>
          <option value="">Bitte wählen</option>
          {(agencies.data ?? []).filter((a) => a.active).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </SelectField>
      )}
      <TextField label="Name" name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={errors.displayName} maxLength={200} autoComplete="off" required />
      <TextField label="E-Mail-Adresse" name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} maxLength={254} autoComplete="off" required
        hint="Mit ihr meldet sich die Person an; sie darf nur einmal vorkommen." />
      <CheckGroup legend="Rollen" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} value={roles} onChange={setRoles} error={errors.roles}
        hint={existing ? `${ROLE_HINT} Eine neue Rolle gilt für eingeschränkte Meldungen erst nach Bestätigung durch die Leitung der Behörde. Die eigenen Rollen ändert niemand selbst.` : ROLE_HINT} />
      {!existing && (
        <TextField label="Erstpasswort" name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} autoComplete="new-password" required
          hint={`Mindestens 12 Zeichen. Die Person ändert es nach der ersten Anmeldung. ${ACCESS_HINT}`} />
      )}
      <div><Button type="submit" disabled={save.isPending}>{save.isPending ? 'Wird gespeichert …' : existing ? 'Änderungen speichern' : 'Person anlegen'}</Button></div>
    </form>
  );
}

function StatusSection({ person }: { person: Person }) {
  const queryClient = useQueryClient();
  const { me } = useAuth();
  const people = byId(useAllPeople().data);
  const represented = [...people.values()].filter((x) => x.deputyId === person.id && x.active);
  const toggle = useMutation({
    mutationFn: () => api<Person>('POST', `/people/${person.id}/${person.active ? 'deactivate' : 'reactivate'}`),
    onSuccess: (saved) => {
      queryClient.setQueryData(['admin', 'person', saved.id], saved);
      invalidateDirectory(queryClient);
    },
  });
  return (
    <section aria-labelledby="person-status" className="stack withdraw">
      <h2 id="person-status" className="kern-heading-medium">Status</h2>
      <p className="kern-body">
        {person.active
          ? 'Eine deaktivierte Person kann sich nicht mehr anmelden; ihre laufenden Sitzungen enden sofort. Wen sie vertritt, hat danach keine Vertretung mehr.'
          : 'Die Person ist deaktiviert und kann sich nicht anmelden. Reaktiviert kann sie sich wieder mit ihrem bisherigen Passwort anmelden.'}
      </p>
      {person.active && represented.length > 0 && <p className="kern-body">Vertritt derzeit: {represented.map((x) => x.displayName).join(', ')}.</p>}
      <FormProblem error={toggle.error} />
      {person.id === me?.id
        ? <p className="kern-body kern-body--small">Ihr eigenes Konto können Sie nicht deaktivieren.</p>
        : <div><Button type="button" variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate()}>{person.active ? 'Person deaktivieren' : 'Person reaktivieren'}</Button></div>}
    </section>
  );
}

/** The admin's reset: no old password; all of the person's sessions end (POST people/:id/password). */
function PasswordSection({ person }: { person: Person }) {
  const { me } = useAuth();
  if (person.id === me?.id) {
    return <p className="kern-body">Ihr eigenes Passwort ändern Sie unter <Link to="/passwort">Passwort ändern</Link>.</p>;
  }
  return <PasswordReset person={person} />;
}

function PasswordReset({ person }: { person: Person }) {
  const queryClient = useQueryClient();
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: () => api<void>('POST', `/people/${person.id}/password`, { body: { newPassword } }),
    onSuccess: () => {
      setNew('');
      setRepeat('');
      void queryClient.invalidateQueries({ queryKey: ['admin', 'person', person.id] });
    },
  });
  const errors = fieldErrors(reset.error);
  return (
    <section aria-labelledby="person-password" className="stack withdraw">
      <h2 id="person-password" className="kern-heading-medium">Passwort neu setzen</h2>
      <p className="kern-body">Wenn die Person ihr Passwort vergessen hat. Alle ihre Sitzungen enden. {ACCESS_HINT}</p>
      <form className="stack" noValidate aria-label="Passwort neu setzen" onSubmit={(e) => {
        e.preventDefault();
        setMismatch(newPassword !== repeat);
        if (newPassword === repeat) reset.mutate();
      }}>
        {reset.isSuccess && <Alert kind="success" title="Passwort gesetzt"><p className="kern-body">Teilen Sie es der Person auf sicherem Weg mit.</p></Alert>}
        <FormProblem error={reset.error} />
        <TextField label="Neues Passwort" type="password" name="newPassword" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} error={errors.newPassword} hint="Mindestens 12 Zeichen." />
        <TextField label="Neues Passwort wiederholen" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} error={mismatch ? 'Die beiden Eingaben stimmen nicht überein.' : undefined} />
        <div><Button type="submit" variant="secondary" disabled={reset.isPending}>Passwort setzen</Button></div>
      </form>
    </section>
  );
}
