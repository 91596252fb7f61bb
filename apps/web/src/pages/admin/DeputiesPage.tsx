import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { Alert, Button, fieldErrors, FormProblem, SelectField } from '../../components/form';
import { byId, invalidateDirectory, useAllAgencies, useAllPeople, type Person } from './directory';

/**
 * Vertretungen: who stands in for whom. A deputy is an active person of the same agency; admins
 * set or remove it for anyone (PUT people/:id/deputy), everyone else names only their own.
 */
export function DeputiesPage() {
  const queryClient = useQueryClient();
  const agencies = useAllAgencies();
  const people = useAllPeople();
  const [agencyId, setAgencyId] = useState('');
  const [personId, setPersonId] = useState('');
  const [deputyId, setDeputyId] = useState('');
  const [onlyWithDeputy, setOnlyWithDeputy] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const personSelect = useRef<HTMLDivElement>(null);
  const everyone = byId(people.data);
  const agencyName = byId(agencies.data);
  const active = (people.data ?? []).filter((p) => p.active);
  const ofAgency = active.filter((p) => p.agencyId === agencyId);

  const set = useMutation({
    mutationFn: (v: { person: Person; deputyId: string | null }) => api<Person>('PUT', `/people/${v.person.id}/deputy`, { body: { deputyId: v.deputyId } }),
    onSuccess: (saved) => {
      invalidateDirectory(queryClient);
      const deputy = saved.deputyId ? everyone.get(saved.deputyId)?.displayName : null;
      setDone(deputy ? `${deputy} vertritt jetzt ${saved.displayName}.` : `${saved.displayName} hat jetzt keine Vertretung.`);
    },
  });

  function choose(p: Person) {
    setAgencyId(p.agencyId);
    setPersonId(p.id);
    setDeputyId(p.deputyId ?? '');
    setLocal({});
    set.reset();
    // After the re-render that enables the select.
    setTimeout(() => personSelect.current?.querySelector('select')?.focus(), 0);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const errors: Record<string, string> = {};
    if (!agencyId) errors.agencyId = 'Bitte eine Behörde wählen.';
    if (!personId) errors.personId = 'Bitte die Person wählen, die vertreten wird.';
    setLocal(errors);
    const person = everyone.get(personId);
    if (!Object.keys(errors).length && person) set.mutate({ person, deputyId: deputyId || null });
  }

  const rows = active
    .filter((p) => (!agencyId || p.agencyId === agencyId) && (!onlyWithDeputy || p.deputyId))
    .sort((a, b) => (agencyName.get(a.agencyId)?.name ?? '').localeCompare(agencyName.get(b.agencyId)?.name ?? '', 'de') || a.displayName.localeCompare(b.displayName, 'de'));
  const errors = { ...fieldErrors(set.error), ...local };

  return (
    <>
      <h1 className="kern-heading-large">Vertretungen</h1>
      <p className="kern-body">Wer wen vertritt: Gibt jemand eine Einladung zum Rapport weiter („Vertretung schicken“), wird die hier genannte Vertretung eingeladen. Sie muss aktiv sein und zur selben Behörde gehören; jede Person kann ihre eigene Vertretung auch selbst nennen.</p>
      {people.isError && <FormProblem error={people.error} />}

      <form className="stack report-form" noValidate aria-labelledby="deputy-form-heading" onSubmit={submit}>
        <h2 id="deputy-form-heading" className="kern-heading-medium">Vertretung festlegen</h2>
        {done && <Alert kind="success" title="Gespeichert"><p className="kern-body">{done}</p></Alert>}
        <FormProblem error={set.error} />
        <SelectField label="Behörde" name="agencyId" value={agencyId} error={errors.agencyId}
          onChange={(e) => { setAgencyId(e.target.value); setPersonId(''); setDeputyId(''); }}>
          <option value="">Bitte wählen</option>
          {(agencies.data ?? []).filter((a) => a.active).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </SelectField>
        <div ref={personSelect}>
          <SelectField label="Person" name="personId" value={personId} error={errors.personId} disabled={!agencyId}
            onChange={(e) => { setPersonId(e.target.value); setDeputyId(everyone.get(e.target.value)?.deputyId ?? ''); }}>
            <option value="">{agencyId ? 'Bitte wählen' : 'Zuerst die Behörde wählen'}</option>
            {ofAgency.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
          </SelectField>
        </div>
        <SelectField label="Vertreten durch" name="deputyId" value={deputyId} error={errors.deputyId} disabled={!personId} onChange={(e) => setDeputyId(e.target.value)}>
          <option value="">Keine Vertretung</option>
          {ofAgency.filter((p) => p.id !== personId).map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
        </SelectField>
        <div><Button type="submit" disabled={set.isPending}>Vertretung speichern</Button></div>
      </form>

      <section aria-labelledby="deputies-heading" className="stack">
        <h2 id="deputies-heading" className="kern-heading-medium">Übersicht</h2>
        <div className="kern-form-check">
          <input className="kern-form-check__checkbox" type="checkbox" id="only-with-deputy" checked={onlyWithDeputy} onChange={(e) => setOnlyWithDeputy(e.target.checked)} />
          <label className="kern-label" htmlFor="only-with-deputy">Nur Personen mit Vertretung</label>
        </div>
        {people.isPending && <p className="kern-body" role="status">Personen werden geladen …</p>}
        <DataTable caption={`Aktive Personen${agencyId ? ` von ${agencyName.get(agencyId)?.name ?? ''}` : ''} und wer sie vertritt`} rows={people.isSuccess ? rows : undefined}
          empty="Keine Personen für diese Auswahl." columns={[
            { header: 'Person', rowHeader: true, cell: (p) => p.displayName },
            { header: 'Behörde', cell: (p) => agencyName.get(p.agencyId)?.name },
            { header: 'Vertreten durch', cell: (p) => (p.deputyId ? everyone.get(p.deputyId)?.displayName ?? 'unbekannt' : '–') },
            {
              header: 'Aktionen',
              kind: 'action',
              cell: (p) => (
                <span className="row-actions">
                  <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => choose(p)} aria-label={`Vertretung von ${p.displayName} ändern`}>
                    <span className="kern-label">Ändern</span>
                  </button>
                  {p.deputyId && (
                    <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" disabled={set.isPending} aria-label={`Vertretung von ${p.displayName} entfernen`}
                      onClick={() => { setDone(null); setLocal({}); set.mutate({ person: p, deputyId: null }); }}>
                      <span className="kern-label">Entfernen</span>
                    </button>
                  )}
                </span>
              ),
            },
          ]} />
      </section>
    </>
  );
}
