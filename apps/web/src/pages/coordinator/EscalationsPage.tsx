import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { DEVELOPMENT_COLUMNS } from '../../components/developments';
import { Alert, Button, fieldErrors, FormProblem, SelectField, TextArea, TextField } from '../../components/form';
import { CursorTable, useCursorList } from '../../components/paging';
import { formatDateTime, formatNumber, fromLocalInput, toDayInput } from '../../format';
import { ESCALATION_REASON_LABELS, ESCALATION_STATUS_LABELS } from '../../labels';
import { useAgencies } from '../../reference-data';
import { describeThreshold } from './rule-labels';

type Escalation = Schemas['EscalationResponseDto'];
type EscalationStatus = Escalation['status'];
const PAGE = 25;

const raisedBy = (e: Escalation) => (e.rule ? `Regel „${e.rule.name}“` : e.raisedBy ? `${e.raisedBy.displayName}${e.raisedByAgency ? ` (${e.raisedByAgency.name})` : ''}` : '–');
const scopeText = (e: Escalation) => (e.scope ? `${e.scope.kind === 'district' ? 'Bezirk' : 'Ort'} ${e.scope.name}` : '–');

/** Eskalationen: proposals from the threshold rules and escalations raised by hand, newest first. */
export function EscalationsPage() {
  const [status, setStatus] = useState<EscalationStatus | ''>('proposed');
  const list = useCursorList(['escalations', 'list', status], (cursor) => api<Schemas['EscalationPageDto']>('GET', '/escalations', { query: { status: status || undefined, limit: PAGE, cursor } }));
  return (
    <>
      <h1 className="kern-heading-large">Eskalationen</h1>
      <p className="kern-body">Vorschläge der Schwellenwert-Regeln und gemeldete Eskalationen. Für eine offene Eskalation berufen Sie einen erweiterten Drogenrapport mit den Leitungen ein oder weisen sie mit Begründung zurück. <Link to="/schwellenwerte">Zu den Schwellenwert-Regeln</Link></p>
      <form className="filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as EscalationStatus | '')}>
          <option value="">Alle</option>
          {Object.entries(ESCALATION_STATUS_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
      </form>
      <CursorTable list={list} caption="Eskalationen, neueste zuerst" pagerLabel="Seiten der Eskalationsliste" empty="Keine Eskalationen mit diesem Status." columns={[
        { header: 'Seit', cell: (e) => formatDateTime(e.createdAt) },
        { header: 'Grund', cell: (e) => <Link to={`/eskalationen/${e.id}`}>{ESCALATION_REASON_LABELS[e.reason]}{e.scope ? `: ${e.scope.name}` : ''}</Link> },
        { header: 'Bereich', cell: scopeText },
        { header: 'Ausgelöst durch', cell: raisedBy },
        { header: 'Status', cell: (e) => ESCALATION_STATUS_LABELS[e.status] },
        { header: 'Meldungen', kind: 'numeric', cell: (e) => formatNumber(e.developments.length) },
      ]} />
    </>
  );
}

/** One escalation with the developments the reader may see; convene the extended rapport or dismiss it. */
export function EscalationPage() {
  const { id = '' } = useParams();
  const [round, setRound] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const esc = useQuery({ queryKey: ['escalations', 'one', id], queryFn: () => api<Escalation>('GET', `/escalations/${id}`) });
  const reload = () => void esc.refetch().then(() => setRound((n) => n + 1));

  if (esc.isPending) return <p className="kern-body" role="status">Wird geladen …</p>;
  if (esc.isError) return <><h1 className="kern-heading-large">Eskalation</h1><FormProblem error={esc.error} /></>;
  const e = esc.data;
  return (
    <>
      <h1 className="kern-heading-large">Eskalation: {ESCALATION_REASON_LABELS[e.reason]}{e.scope ? ` – ${e.scope.name}` : ''}</h1>
      <p className="kern-body"><Link to="/eskalationen">Zurück zu den Eskalationen</Link></p>
      {dismissed && <Alert kind="success" title="Die Eskalation wurde zurückgewiesen." />}
      <div className="kern-card">
        <div className="kern-card__container">
          <div className="kern-card__body stack">
            <dl className="facts">
              <div><dt>Status</dt><dd>{ESCALATION_STATUS_LABELS[e.status]}</dd></div>
              <div><dt>Seit</dt><dd>{formatDateTime(e.createdAt)}</dd></div>
              <div><dt>Ausgelöst durch</dt><dd>{raisedBy(e)}</dd></div>
              <div><dt>Bereich</dt><dd>{scopeText(e)}</dd></div>
              {e.rule && <div><dt>Schwelle</dt><dd>{describeThreshold(e.rule)}</dd></div>}
            </dl>
            {e.text && <p className="kern-body">{e.text}</p>}
            {e.dismissal && <p className="kern-body"><strong>Zurückgewiesen am {formatDateTime(e.dismissal.at)}:</strong> {e.dismissal.reason}</p>}
            {e.mergedIntoId && <p className="kern-body">Zusammengeführt mit <Link to={`/eskalationen/${e.mergedIntoId}`}>einer anderen Eskalation</Link>.</p>}
            {e.rapportId && <p className="kern-body"><Link to={`/rapporte/${e.rapportId}`}>Zum erweiterten Rapport</Link></p>}
          </div>
        </div>
      </div>

      <section aria-labelledby="devs-heading" className="stack">
        <h2 id="devs-heading" className="kern-heading-medium">Zugehörige Meldungen</h2>
        <p className="kern-body kern-body--small">Aufgeführt sind nur die Meldungen, die Sie sehen dürfen.</p>
        <DataTable caption="Meldungen dieser Eskalation" rows={e.developments} columns={DEVELOPMENT_COLUMNS} empty="Keine Meldungen, die Sie sehen dürfen." />
      </section>

      {e.status === 'proposed' && (
        <>
          <ConveneForm key={`c-${round}`} e={e} onReload={reload} />
          <DismissForm key={`d-${round}`} e={e} onReload={reload} onDismissed={() => setDismissed(true)} />
        </>
      )}
    </>
  );
}

function ConveneForm({ e, onReload }: { e: Escalation; onReload: () => void }) {
  const agencies = useAgencies();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const nextWeek = toDayInput(new Date(Date.now() + 7 * 86_400_000));
  const [title, setTitle] = useState(`Erweiterter Drogenrapport: ${e.scope?.name ?? ESCALATION_REASON_LABELS[e.reason]}`);
  const [goal, setGoal] = useState('');
  const [startsAt, setStartsAt] = useState(`${nextWeek}T14:00`);
  const [duration, setDuration] = useState('90');
  const [location, setLocation] = useState('');
  const [agencyIds, setAgencyIds] = useState<string[]>(() => [...new Set(e.developments.map((d) => d.reportingAgency.id))]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const convene = useMutation({
    mutationFn: () => {
      const start = fromLocalInput(startsAt);
      const body: Schemas['ConveneEscalationDto'] = {
        title, goal, location, agencyIds, startsAt: start, endsAt: new Date(new Date(start).getTime() + Number(duration) * 60_000).toISOString(), version: e.version,
      };
      return api<Schemas['RapportResponseDto']>('POST', `/escalations/${e.id}/convene`, { body });
    },
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['escalations'] });
      void queryClient.invalidateQueries({ queryKey: ['rapports'] });
      navigate(`/rapporte/${r.id}`);
    },
  });

  function submit(ev: FormEvent) {
    ev.preventDefault();
    const errors: Record<string, string> = {};
    if (!title.trim()) errors.title = 'Bitte einen Titel angeben.';
    if (!goal.trim()) errors.goal = 'Bitte das Ziel angeben.';
    if (!startsAt) errors.startsAt = 'Bitte Datum und Uhrzeit angeben.';
    if (!location.trim()) errors.location = 'Bitte einen Ort angeben.';
    if (!agencyIds.length) errors.agencyIds = 'Bitte mindestens eine Behörde wählen.';
    if (!(Number(duration) > 0)) errors.endsAt = 'Bitte eine Dauer in Minuten angeben.';
    setLocalErrors(errors);
    if (!Object.keys(errors).length) convene.mutate();
  }

  const errors = { ...fieldErrors(convene.error), ...localErrors };
  return (
    <section aria-labelledby="convene-heading" className="stack">
      <h2 id="convene-heading" className="kern-heading-medium">Erweiterten Rapport einberufen</h2>
      <form className="stack report-form" noValidate onSubmit={submit}>
        <FormProblem error={convene.error instanceof ApiError && convene.error.code === 'VALIDATION_FAILED' ? null : convene.error} onReload={onReload} />
        <TextField label="Titel" value={title} onChange={(ev) => setTitle(ev.target.value)} maxLength={300} error={errors.title} />
        <TextArea label="Ziel" rows={3} value={goal} onChange={(ev) => setGoal(ev.target.value)} maxLength={2000} error={errors.goal}
          hint="Was der erweiterte Rapport erreichen soll, z. B. „Szeneplätze beruhigen, neue verhindern, sensible Orte schützen“. Keine personenbezogenen Daten." />
        <div className="two-columns">
          <TextField label="Beginn" type="datetime-local" value={startsAt} onChange={(ev) => setStartsAt(ev.target.value)} error={errors.startsAt} hint="Berliner Zeit, in der Zukunft." />
          <TextField label="Dauer in Minuten" type="number" min={5} inputMode="numeric" value={duration} onChange={(ev) => setDuration(ev.target.value)} error={errors.endsAt} />
        </div>
        <TextField label="Ort" value={location} onChange={(ev) => setLocation(ev.target.value)} maxLength={300} error={errors.location} />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Behörden, deren Leitung und Verbindungspersonen eingeladen werden</legend>
          <div className="kern-fieldset__body choices-wide">
            {(agencies.data ?? []).map((a) => (
              <div className="kern-form-check" key={a.id}>
                <input className="kern-form-check__checkbox" type="checkbox" id={`conv-agency-${a.id}`} checked={agencyIds.includes(a.id)}
                  onChange={(ev) => setAgencyIds((ids) => (ev.target.checked ? [...ids, a.id] : ids.filter((x) => x !== a.id)))} />
                <label className="kern-label" htmlFor={`conv-agency-${a.id}`}>{a.name}</label>
              </div>
            ))}
          </div>
          {errors.agencyIds && <p className="kern-error"><span className="kern-body">{errors.agencyIds}</span></p>}
        </fieldset>
        <div><Button type="submit" disabled={convene.isPending}>{convene.isPending ? 'Wird einberufen …' : 'Erweiterten Rapport einberufen'}</Button></div>
      </form>
    </section>
  );
}

/** Common reasons offered as a choice; the API stores the text (free text, at most 1000 characters). */
const DISMISS_REASONS = [
  'Die Lage wird im regulären Drogenrapport behandelt.',
  'Die vereinbarten Maßnahmen greifen bereits.',
  'Einzelereignis ohne anhaltende Entwicklung.',
  'Die zuständige Behörde ist informiert und handelt.',
];

function DismissForm({ e, onReload, onDismissed }: { e: Escalation; onReload: () => void; onDismissed: () => void }) {
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<string>('');
  const [other, setOther] = useState('');
  const [localError, setLocalError] = useState<string>();
  const dismiss = useMutation({
    mutationFn: (reason: string) => api<Escalation>('POST', `/escalations/${e.id}/dismiss`, { body: { reason, version: e.version } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['escalations', 'one', e.id], updated);
      onDismissed();
      void queryClient.invalidateQueries({ queryKey: ['escalations', 'list'] });
    },
  });
  function submit(ev: FormEvent) {
    ev.preventDefault();
    const reason = choice === 'other' ? other.trim() : choice;
    if (!reason) return setLocalError(choice === 'other' ? 'Bitte den Grund beschreiben.' : 'Bitte einen Grund wählen.');
    setLocalError(undefined);
    dismiss.mutate(reason);
  }
  const apiError = fieldErrors(dismiss.error).reason;
  return (
    <section aria-labelledby="dismiss-heading" className="stack">
      <h2 id="dismiss-heading" className="kern-heading-medium">Zurückweisen</h2>
      <form className="stack report-form" noValidate onSubmit={submit}>
        <FormProblem error={dismiss.error instanceof ApiError && dismiss.error.code === 'VALIDATION_FAILED' ? null : dismiss.error} onReload={onReload} />
        {e.rule && <Alert kind="info" title="Die Regel bleibt danach für diesen Bereich einen Zeitraum lang still." />}
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Grund</legend>
          <div className="kern-fieldset__body">
            {[...DISMISS_REASONS, 'other'].map((r, i) => (
              <div className="kern-form-check" key={r}>
                <input className="kern-form-check__radio" type="radio" id={`dismiss-${i}`} name="dismissReason" checked={choice === r} onChange={() => setChoice(r)} />
                <label className="kern-label" htmlFor={`dismiss-${i}`}>{r === 'other' ? 'Anderer Grund' : r}</label>
              </div>
            ))}
          </div>
          {choice !== 'other' && (localError ?? apiError) && <p className="kern-error"><span className="kern-body">{localError ?? apiError}</span></p>}
        </fieldset>
        {choice === 'other' && (
          <TextArea label="Begründung" rows={2} maxLength={1000} value={other} onChange={(ev) => setOther(ev.target.value)} error={localError ?? apiError}
            hint="Keine personenbezogenen Daten." />
        )}
        <div><Button type="submit" variant="secondary" disabled={dismiss.isPending}>Eskalation zurückweisen</Button></div>
      </form>
    </section>
  );
}
