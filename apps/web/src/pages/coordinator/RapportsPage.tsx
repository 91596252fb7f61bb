import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, type Schemas } from '../../api/client';
import { Alert, Button, fieldErrors, FormProblem, SelectField, TextField } from '../../components/form';
import { CursorTable, useCursorList } from '../../components/paging';
import { formatDateTime, formatNumber, toDayInput } from '../../format';
import { RAPPORT_KIND_LABELS, RAPPORT_STATUS_LABELS, type RapportStatus } from '../../labels';
import { useAgencies } from '../../reference-data';
import { describeRecurrence, describeRrule, FREQUENCIES, isMonthly, ORDINALS, toRrule, WEEKDAYS, type Frequency, type Ordinal, type Recurrence, type Weekday } from './recurrence';

type Series = Schemas['SeriesResponseDto'];
type Rapport = Schemas['RapportResponseDto'];
const PAGE = 25;

export const useSeries = () => useQuery({
  queryKey: ['rapport-series'],
  queryFn: () => api<Schemas['SeriesPageDto']>('GET', '/rapport-series', { query: { limit: 200 } }).then((p) => p.items),
});

const WHEN = { upcoming: 'Anstehende', past: 'Vergangene', all: 'Alle' } as const;
type When = keyof typeof WHEN;

/** Rapporte: the series (rhythm in plain words) and the meetings, filtered and paginated. */
export function RapportsPage() {
  const series = useSeries();
  const queryClient = useQueryClient();
  const [when, setWhen] = useState<When>('upcoming');
  const [status, setStatus] = useState<RapportStatus | ''>('');
  const [seriesId, setSeriesId] = useState('');
  // Whole minutes, so that the query key stays stable while the page is open.
  const now = useMemo(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString(), []);
  const filter = {
    seriesId: seriesId || undefined, status: status ? [status] : undefined,
    from: when === 'upcoming' ? now : undefined, to: when === 'past' ? now : undefined, order: when === 'upcoming' ? 'asc' : 'desc',
  };
  const meetings = useCursorList(['rapports', 'list', filter], (cursor) => api<Schemas['RapportPageDto']>('GET', '/rapports', { query: { ...filter, limit: PAGE, cursor } }));
  const seriesTitle = new Map((series.data ?? []).map((s) => [s.id, s.title]));

  const toggle = useMutation({
    mutationFn: (s: Series) => api<Series>('POST', `/rapport-series/${s.id}/${s.active ? 'deactivate' : 'reactivate'}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['rapport-series'] }).then(() => queryClient.invalidateQueries({ queryKey: ['rapports'] })),
  });

  return (
    <>
      <h1 className="kern-heading-large">Rapporte</h1>
      <section aria-labelledby="series-heading" className="stack">
        <div className="section-head">
          <h2 id="series-heading" className="kern-heading-medium">Rapportserien</h2>
          <Link className="kern-btn kern-btn--secondary" to="/rapporte/neue-serie"><span className="kern-label">Neue Serie anlegen</span></Link>
        </div>
        <FormProblem error={series.error ?? toggle.error} />
        {series.data?.length === 0 && <p className="kern-body">Noch keine Serie.</p>}
        <ul className="report-list" aria-label="Rapportserien">
          {(series.data ?? []).map((s) => (
            <li key={s.id} className="kern-card">
              <div className="kern-card__container">
                <div className="kern-card__header card-head">
                  <h3 className="kern-title">{s.title}</h3>
                  {!s.active && <span className="kern-badge kern-badge--warning"><span className="kern-label">Inaktiv</span></span>}
                </div>
                <div className="kern-card__body">
                  <dl className="facts">
                    <div><dt>Rhythmus</dt><dd>{describeRrule(s.rrule, s.startTime)}</dd></div>
                    <div><dt>Ort</dt><dd>{s.location}</dd></div>
                    <div><dt>Dauer</dt><dd>{formatNumber(s.durationMinutes)} Minuten</dd></div>
                  </dl>
                  <p className="kern-body"><strong>Beteiligte Behörden:</strong> {s.agencies.map((a) => a.name).join(', ')}</p>
                </div>
                <div className="button-row">
                  <Button variant="secondary" onClick={() => { setSeriesId(s.id); setWhen('all'); }} aria-label={`Termine der Serie ${s.title} zeigen`}>Termine zeigen</Button>
                  <Button variant="tertiary" disabled={toggle.isPending} onClick={() => toggle.mutate(s)}>{s.active ? 'Serie deaktivieren' : 'Serie reaktivieren'}</Button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="meetings-heading" className="stack">
        <h2 id="meetings-heading" className="kern-heading-medium">Termine</h2>
        <form className="filters" aria-label="Filter der Termine" onSubmit={(e) => e.preventDefault()}>
          <SelectField label="Zeitraum" value={when} onChange={(e) => setWhen(e.target.value as When)}>
            {Object.entries(WHEN).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </SelectField>
          <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as RapportStatus | '')}>
            <option value="">Alle</option>
            {Object.entries(RAPPORT_STATUS_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </SelectField>
          <SelectField label="Serie" value={seriesId} onChange={(e) => setSeriesId(e.target.value)}>
            <option value="">Alle Rapporte</option>
            {(series.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
          </SelectField>
        </form>
        <CursorTable list={meetings} caption="Termine" pagerLabel="Seiten der Terminliste" empty="Keine Termine für diese Auswahl." columns={[
          { header: 'Beginn', cell: (r) => formatDateTime(r.startsAt) },
          {
            header: 'Rapport',
            cell: (r) => <><Link to={`/rapporte/${r.id}`}>{r.title}</Link>{r.seriesId && seriesTitle.get(r.seriesId) !== r.title && <span className="kern-body--small"> ({seriesTitle.get(r.seriesId)})</span>}</>,
          },
          { header: 'Art', cell: (r) => RAPPORT_KIND_LABELS[r.kind] },
          { header: 'Status', cell: (r) => RAPPORT_STATUS_LABELS[r.status] },
        ]} />
      </section>
    </>
  );
}

interface SeriesForm {
  title: string;
  agencyIds: string[];
  recurrence: Recurrence;
  startDate: string;
  startTime: string;
  location: string;
  durationMinutes: string;
}

/** A new series: the rhythm in plain words becomes the RRULE the API takes; its first meeting is planned at once. */
export function NewSeriesPage() {
  const agencies = useAgencies();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SeriesForm>(() => ({
    title: '', agencyIds: [], recurrence: { frequency: 'bimonthly', weekday: 'TU', ordinal: '1' },
    startDate: toDayInput(new Date()), startTime: '10:00', location: '', durationMinutes: '120',
  }));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof SeriesForm>(key: K, value: SeriesForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setRec = (patch: Partial<Recurrence>) => setForm((f) => ({ ...f, recurrence: { ...f.recurrence, ...patch } }));

  const save = useMutation({
    mutationFn: async (body: Schemas['CreateSeriesDto']) => {
      const created = await api<Series>('POST', '/rapport-series', { body });
      const planned = await api<Schemas['RapportPageDto']>('GET', '/rapports', { query: { seriesId: created.id, status: ['planned'], limit: 1 } });
      return { created, first: planned.items[0] as Rapport | undefined };
    },
    onSuccess: ({ first }) => {
      void queryClient.invalidateQueries({ queryKey: ['rapport-series'] });
      void queryClient.invalidateQueries({ queryKey: ['rapports'] });
      navigate(first ? `/rapporte/${first.id}` : '/rapporte', { state: { seriesCreated: true } });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.title.trim()) errors.title = 'Bitte einen Titel angeben.';
    if (!form.agencyIds.length) errors.agencyIds = 'Bitte mindestens eine Behörde wählen.';
    if (!form.location.trim()) errors.location = 'Bitte einen Ort angeben.';
    if (!form.startDate) errors.startDate = 'Bitte ein Datum angeben.';
    if (!form.startTime) errors.startTime = 'Bitte eine Uhrzeit angeben.';
    setLocalErrors(errors);
    if (Object.keys(errors).length) return;
    save.mutate({
      title: form.title, agencyIds: form.agencyIds, rrule: toRrule(form.recurrence), startDate: form.startDate, startTime: form.startTime,
      location: form.location, durationMinutes: Number(form.durationMinutes),
    });
  }

  const errors = { ...fieldErrors(save.error), ...localErrors };
  const monthly = isMonthly(form.recurrence.frequency);
  return (
    <>
      <h1 className="kern-heading-large">Neue Rapportserie</h1>
      <p className="kern-body"><Link to="/rapporte">Zurück zu den Rapporten</Link></p>
      <form onSubmit={submit} noValidate className="stack report-form">
        <FormProblem error={save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED' ? null : save.error} />
        {(Object.keys(localErrors).length > 0 || (save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED')) && <Alert kind="danger" title="Bitte prüfen Sie die markierten Felder." />}
        <TextField label="Titel" name="title" value={form.title} onChange={(e) => set('title', e.target.value)} error={errors.title} maxLength={300} hint="Zum Beispiel „Drogenrapport Innenstadt“." />

        <fieldset className="kern-fieldset" aria-describedby={errors.agencyIds ? 'agencies-error' : undefined}>
          <legend className="kern-label">Beteiligte Behörden</legend>
          <div className="kern-hint">Ihre Verbindungspersonen werden eingeladen, wenn ein Termin einberufen wird.</div>
          <div className="kern-fieldset__body choices-wide">
            {(agencies.data ?? []).map((a) => (
              <div className="kern-form-check" key={a.id}>
                <input className="kern-form-check__checkbox" type="checkbox" id={`series-agency-${a.id}`} checked={form.agencyIds.includes(a.id)}
                  onChange={(e) => set('agencyIds', e.target.checked ? [...form.agencyIds, a.id] : form.agencyIds.filter((x) => x !== a.id))} />
                <label className="kern-label" htmlFor={`series-agency-${a.id}`}>{a.name}</label>
              </div>
            ))}
          </div>
          {errors.agencyIds && <p className="kern-error" id="agencies-error"><span className="kern-body">{errors.agencyIds}</span></p>}
        </fieldset>

        <fieldset className="kern-fieldset">
          <legend className="kern-label">Wiederholung</legend>
          <div className="kern-fieldset__body stack">
            <div className="two-columns">
              <SelectField label="Häufigkeit" name="frequency" value={form.recurrence.frequency} onChange={(e) => setRec({ frequency: e.target.value as Frequency })} error={errors.rrule}>
                {(Object.keys(FREQUENCIES) as Frequency[]).map((f) => <option key={f} value={f}>{FREQUENCIES[f].label}</option>)}
              </SelectField>
              {monthly && (
                <SelectField label="Am wievielten Wochentag im Monat" name="ordinal" value={form.recurrence.ordinal} onChange={(e) => setRec({ ordinal: e.target.value as Ordinal })}>
                  {(Object.keys(ORDINALS) as Ordinal[]).map((o) => <option key={o} value={o}>am {ORDINALS[o]}</option>)}
                </SelectField>
              )}
              <SelectField label="Wochentag" name="weekday" value={form.recurrence.weekday} onChange={(e) => setRec({ weekday: e.target.value as Weekday })}>
                {(Object.keys(WEEKDAYS) as Weekday[]).map((d) => <option key={d} value={d}>{WEEKDAYS[d]}</option>)}
              </SelectField>
              <TextField label="Uhrzeit" type="time" name="startTime" value={form.startTime} onChange={(e) => set('startTime', e.target.value)} error={errors.startTime} hint="Berliner Zeit; bleibt auch nach der Zeitumstellung gleich." />
            </div>
            <p className="kern-body" role="status" id="recurrence-summary">
              <strong>Termine: {describeRecurrence(form.recurrence, form.startTime || '–')}</strong>
              <span className="kern-body--small"> (Regel nach RFC 5545: {toRrule(form.recurrence)})</span>
            </p>
          </div>
        </fieldset>

        <TextField label="Erster möglicher Tag" type="date" name="startDate" value={form.startDate} onChange={(e) => set('startDate', e.target.value)} error={errors.startDate} hint="Ab diesem Tag wird gezählt; der erste Termin ist der erste passende Tag, der noch bevorsteht." />
        <TextField label="Ort" name="location" value={form.location} onChange={(e) => set('location', e.target.value)} error={errors.location} maxLength={300} hint="Zum Beispiel „Rathaus, Raum 204“." />
        <TextField label="Dauer in Minuten" type="number" name="durationMinutes" min={5} max={1440} inputMode="numeric" value={form.durationMinutes} onChange={(e) => set('durationMinutes', e.target.value)} error={errors.durationMinutes} />
        <div><Button type="submit" disabled={save.isPending}>{save.isPending ? 'Wird angelegt …' : 'Serie anlegen'}</Button></div>
      </form>
    </>
  );
}
