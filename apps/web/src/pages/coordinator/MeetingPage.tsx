import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { Alert, Button, fieldErrors, FormProblem, SelectField, TextArea, TextField } from '../../components/form';
import { formatDateTime, fromLocalInput, toLocalInput } from '../../format';
import { ATTENDANCE_LABELS, INVITATION_RESPONSE_LABELS, RAPPORT_KIND_LABELS, RAPPORT_STATUS_LABELS, type Attendance } from '../../labels';
import { AgendaEditor } from './AgendaEditor';
import { MinutesSection } from './MinutesSection';

type Rapport = Schemas['RapportResponseDto'];

export const rapportKey = (id: string) => ['rapports', 'one', id];

/** One meeting: its status moves, the agenda, invitations and attendance, and the minutes. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  // Said once after the series was created, not again after a reload.
  const [seriesCreated] = useState(() => !!(location.state as { seriesCreated?: boolean } | null)?.seriesCreated);
  useEffect(() => {
    if (seriesCreated) navigate(location.pathname, { replace: true, state: null });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on arrival
  const rapport = useQuery({ queryKey: rapportKey(id), queryFn: () => api<Rapport>('GET', `/rapports/${id}`) });

  if (rapport.isPending) return <p className="kern-body" role="status">Wird geladen …</p>;
  if (rapport.isError) return <><h1 className="kern-heading-large">Rapport</h1><FormProblem error={rapport.error} /></>;
  const r = rapport.data;
  const started = new Date(r.startsAt).getTime() <= Date.now();
  return (
    <>
      <h1 className="kern-heading-large">{r.title}</h1>
      <p className="kern-body"><Link to="/rapporte">Zurück zu den Rapporten</Link></p>
      {seriesCreated && (
        <Alert kind="success" title="Serie angelegt"><p className="kern-body">Dies ist ihr erster geplanter Termin.</p></Alert>
      )}
      <div className="kern-card">
        <div className="kern-card__container">
          <div className="kern-card__header card-head">
            <span className="kern-badge kern-badge--info"><span className="kern-label">{RAPPORT_KIND_LABELS[r.kind]}</span></span>
            <span className={`kern-badge kern-badge--${r.status === 'cancelled' ? 'warning' : 'success'}`}><span className="kern-label">Status: {RAPPORT_STATUS_LABELS[r.status]}</span></span>
          </div>
          <div className="kern-card__body">
            <dl className="facts">
              <div><dt>Beginn</dt><dd>{formatDateTime(r.startsAt)}</dd></div>
              <div><dt>Ende</dt><dd>{formatDateTime(r.endsAt)}</dd></div>
              <div><dt>Ort</dt><dd>{r.location}</dd></div>
            </dl>
            <p className="kern-body"><strong>Beteiligte Behörden:</strong> {r.agencies.map((a) => a.name).join(', ') || '–'}</p>
            {r.goal && <p className="kern-body"><strong>Ziel:</strong> {r.goal}</p>}
            {r.cancelReason && <p className="kern-body"><strong>Grund der Absage:</strong> {r.cancelReason}</p>}
          </div>
        </div>
      </div>
      <StatusActions r={r} started={started} onReload={() => void rapport.refetch()} />
      <AgendaEditor rapport={r} />
      <Invitations r={r} started={started} />
      {(r.status === 'held' || r.status === 'minutes_published') && <MinutesSection rapport={r} />}
    </>
  );
}

function useRapportUpdate(id: string) {
  const queryClient = useQueryClient();
  return (r: Rapport) => {
    queryClient.setQueryData(rapportKey(id), r);
    void queryClient.invalidateQueries({ queryKey: ['rapports', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['agenda', id] });
    void queryClient.invalidateQueries({ queryKey: ['minutes', id] });
  };
}

const ADVANCE: Partial<Record<Rapport['status'], { to: 'convened' | 'held' | 'minutes_published'; label: string; hint: string }>> = {
  planned: { to: 'convened', label: 'Einberufen und einladen', hint: 'Die Verbindungspersonen der beteiligten Behörden werden eingeladen (mit Kalendereintrag); die Tagesordnung wird aus der Lage seit dem letzten Rapport erstellt.' },
  convened: { to: 'held', label: 'Als durchgeführt markieren', hint: 'Ab dem Beginn des Rapports möglich. Danach ist die Tagesordnung fest, und das Protokoll wird geschrieben.' },
  held: { to: 'minutes_published', label: 'Protokoll veröffentlichen', hint: 'Alle Eingeladenen können das Protokoll dann lesen; es kann danach nicht mehr geändert werden.' },
};

/** Convene, mark as held, publish; move and cancel while the meeting lies ahead. Each sends the version read. */
function StatusActions({ r, started, onReload }: { r: Rapport; started: boolean; onReload: () => void }) {
  const update = useRapportUpdate(r.id);
  const [startsAt, setStartsAt] = useState(() => toLocalInput(new Date(r.startsAt)));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [done, setDone] = useState('');
  const next = ADVANCE[r.status];

  const advance = useMutation({
    mutationFn: (to: string) => api<Rapport>('POST', `/rapports/${r.id}/status`, { body: { status: to, version: r.version } }),
    onSuccess: (updated) => { update(updated); setDone(`Status: ${RAPPORT_STATUS_LABELS[updated.status]}.`); },
  });
  const move = useMutation({
    mutationFn: () => api<Rapport>('PATCH', `/rapports/${r.id}`, { body: { startsAt: fromLocalInput(startsAt), version: r.version } }),
    onSuccess: (updated) => { update(updated); setDone(`Verschoben auf ${formatDateTime(updated.startsAt)}.`); },
  });
  const cancel = useMutation({
    mutationFn: () => api<Rapport>('POST', `/rapports/${r.id}/status`, { body: { status: 'cancelled', reason, version: r.version } }),
    onSuccess: (updated) => { update(updated); setDone('Der Rapport ist abgesagt.'); },
  });
  const upcoming = r.status === 'planned' || r.status === 'convened';
  if (!next && !upcoming) return null;
  const error = advance.error ?? move.error ?? cancel.error;

  return (
    <section aria-labelledby="status-heading" className="stack">
      <h2 id="status-heading" className="kern-heading-medium">Status ändern</h2>
      <FormProblem error={error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? null : error} onReload={onReload} />
      {done && !error && <p className="kern-body" role="status">{done}</p>}
      {next && (
        <div className="stack">
          <p className="kern-body kern-body--small" id="advance-hint">{next.hint}{next.to === 'held' && !started ? ` Beginn: ${formatDateTime(r.startsAt)}.` : ''}</p>
          <div><Button aria-describedby="advance-hint" disabled={advance.isPending} onClick={() => { setDone(''); advance.mutate(next.to); }}>{next.label}</Button></div>
        </div>
      )}
      {upcoming && (
        <div className="two-columns status-forms">
          <form className="stack" noValidate onSubmit={(e) => { e.preventDefault(); setDone(''); move.mutate(); }} aria-labelledby="move-heading">
            <h3 id="move-heading" className="kern-heading-small">Verschieben</h3>
            <TextField label="Neuer Beginn" type="datetime-local" name="startsAt" value={startsAt} onChange={(e) => setStartsAt(e.target.value)}
              hint="Berliner Zeit. Das Ende verschiebt sich mit; Eingeladene erhalten einen geänderten Kalendereintrag." error={fieldErrors(move.error).startsAt} />
            <div><Button type="submit" variant="secondary" disabled={move.isPending || !startsAt}>Verschieben</Button></div>
          </form>
          <form className="stack" noValidate aria-labelledby="cancel-heading" onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (!reason.trim()) return setReasonError('Bitte einen Grund angeben.');
            setReasonError(undefined);
            setDone('');
            cancel.mutate();
          }}>
            <h3 id="cancel-heading" className="kern-heading-small">Absagen</h3>
            <TextArea label="Grund der Absage" name="cancelReason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)}
              error={reasonError ?? fieldErrors(cancel.error).reason} hint="Die Eingeladenen erhalten die Absage." />
            <div><Button type="submit" variant="secondary" disabled={cancel.isPending}>Rapport absagen</Button></div>
          </form>
        </div>
      )}
    </section>
  );
}

const VIA_LABELS: Record<Schemas['InvitationResponseDto']['via'], string> = { agency: 'für die Behörde', person: 'namentlich', deputy: 'als Vertretung' };

/** Who is invited, how they answered, and (at or after the meeting) who came. */
function Invitations({ r, started }: { r: Rapport; started: boolean }) {
  const update = useRapportUpdate(r.id);
  const agencyName = new Map(r.agencies.map((a) => [a.id, a.name]));
  const canInvite = r.status === 'planned' || r.status === 'convened';
  const canRecord = (r.status === 'convened' || r.status === 'held') && started;
  const [personId, setPersonId] = useState('');
  const people = useQuery({
    queryKey: ['people', 'all'], enabled: canInvite, staleTime: 10 * 60_000,
    queryFn: () => api<Schemas['PersonPageDto']>('GET', '/people', { query: { limit: 200, sort: 'displayName' } }).then((p) => p.items),
  });
  const invited = new Set(r.invitations.map((i) => i.person.id));
  const invite = useMutation({
    mutationFn: () => api<Rapport>('POST', `/rapports/${r.id}/invitations`, { body: { personIds: [personId] } }),
    onSuccess: (updated) => { update(updated); setPersonId(''); },
  });

  return (
    <section aria-labelledby="invitations-heading" className="stack">
      <h2 id="invitations-heading" className="kern-heading-medium">Einladungen</h2>
      <DataTable caption="Eingeladene, ihre Antworten und Anwesenheit" rows={r.invitations}
        empty={r.status === 'planned' ? 'Die Einladungen gehen beim Einberufen hinaus.' : 'Niemand eingeladen.'} columns={[
          { header: 'Person', rowHeader: true, cell: (i) => i.person.displayName },
          { header: 'Eingeladen', cell: (i) => `${VIA_LABELS[i.via]}${i.agencyId && agencyName.get(i.agencyId) ? ` (${agencyName.get(i.agencyId)})` : ''}` },
          { header: 'Antwort', cell: (i) => `${INVITATION_RESPONSE_LABELS[i.response]}${i.respondedAt ? `, ${formatDateTime(i.respondedAt)}` : ''}` },
          { header: 'Anwesenheit', cell: (i) => (i.attendance ? ATTENDANCE_LABELS[i.attendance] : '–') },
        ]} />
      {canInvite && (
        <form className="inline-form" noValidate onSubmit={(e) => { e.preventDefault(); if (personId) invite.mutate(); }}>
          <SelectField label="Weitere Person namentlich einladen" name="invitePerson" value={personId} onChange={(e) => setPersonId(e.target.value)} error={fieldErrors(invite.error).personIds}>
            <option value="">Bitte wählen</option>
            {(people.data ?? []).filter((p) => !invited.has(p.id)).map((p) => <option key={p.id} value={p.id}>{p.displayName} ({p.agency?.name})</option>)}
          </SelectField>
          <Button type="submit" variant="secondary" disabled={!personId || invite.isPending}>Einladen</Button>
        </form>
      )}
      <FormProblem error={invite.error instanceof ApiError && invite.error.code === 'VALIDATION_FAILED' ? null : invite.error} />
      {(r.status === 'convened' || r.status === 'held') && r.invitations.length > 0 && (
        canRecord ? <AttendanceForm r={r} onSaved={update} />
          : <p className="kern-body kern-body--small">Die Anwesenheit wird ab Beginn des Rapports ({formatDateTime(r.startsAt)}) erfasst.</p>
      )}
    </section>
  );
}

function AttendanceForm({ r, onSaved }: { r: Rapport; onSaved: (r: Rapport) => void }) {
  const [marks, setMarks] = useState<Record<string, Attendance | undefined>>(() => Object.fromEntries(r.invitations.map((i) => [i.person.id, i.attendance ?? undefined])));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api<Rapport>('POST', `/rapports/${r.id}/attendance`, {
      body: { entries: Object.entries(marks).filter((e): e is [string, Attendance] => !!e[1]).map(([personId, attendance]) => ({ personId, attendance })) },
    }),
    onSuccess: (updated) => { setSaved(true); onSaved(updated); },
  });
  const count = Object.values(marks).filter(Boolean).length;
  return (
    <form className="stack" noValidate aria-labelledby="attendance-heading" onSubmit={(e) => { e.preventDefault(); setSaved(false); if (count) save.mutate(); }}>
      <h3 id="attendance-heading" className="kern-heading-small">Anwesenheit erfassen</h3>
      <FormProblem error={save.error} />
      {saved && !save.error && <p className="kern-body" role="status">Anwesenheit gespeichert.</p>}
      <div className="attendance">
        {r.invitations.map((i) => (
          <fieldset className="kern-fieldset" key={i.id}>
            <legend className="kern-label">{i.person.displayName}</legend>
            <div className="kern-fieldset__body kern-fieldset__body--horizontal">
              {(Object.keys(ATTENDANCE_LABELS) as Attendance[]).map((a) => (
                <div className="kern-form-check" key={a}>
                  <input className="kern-form-check__radio" type="radio" id={`att-${i.id}-${a}`} name={`att-${i.id}`} checked={marks[i.person.id] === a}
                    onChange={() => setMarks((m) => ({ ...m, [i.person.id]: a }))} />
                  <label className="kern-label" htmlFor={`att-${i.id}-${a}`}>{ATTENDANCE_LABELS[a]}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <div><Button type="submit" disabled={!count || save.isPending}>Anwesenheit speichern</Button></div>
    </form>
  );
}
