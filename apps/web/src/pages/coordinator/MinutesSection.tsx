import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, download, type Schemas } from '../../api/client';
import { Alert, Button, fieldErrors, FormProblem, SelectField, TextArea, TextField } from '../../components/form';
import { formatDay, toDayInput } from '../../format';
import { ATTENDANCE_LABELS, MEASURE_STATUS_LABELS, PRIORITY_LABELS, type MeasurePriority } from '../../labels';
import { useAgencies } from '../../reference-data';
import { useAgenda } from './AgendaEditor';

type Minutes = Schemas['MinutesResponseDto'];
type Entry = Schemas['MinutesEntryWithItemDto'];
type Rapport = Schemas['RapportResponseDto'];
type AgendaItem = Schemas['AgendaItemResponseDto'];
type MinutesMeasure = Schemas['MinutesMeasureDto'];

const minutesKey = (id: string) => ['minutes', id];

/**
 * The minutes while the meeting is held: one entry per agenda item (notes, decisions) with
 * "Maßnahme vereinbaren" under it, and free entries; read-only once published, with the PDF.
 */
export function MinutesSection({ rapport }: { rapport: Rapport }) {
  const minutes = useQuery({ queryKey: minutesKey(rapport.id), queryFn: () => api<Minutes>('GET', `/rapports/${rapport.id}/minutes`) });
  const agenda = useAgenda(rapport.id);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const reload = () => void minutes.refetch().then(() => setRound((n) => n + 1));

  if (minutes.isPending || agenda.isPending) return <p className="kern-body" role="status">Protokoll wird geladen …</p>;
  if (minutes.isError || agenda.isError) return <FormProblem error={minutes.error ?? agenda.error} />;
  const m = minutes.data;
  const writable = !m.published && m.status === 'held';
  const free = m.entries.filter((e) => !e.agendaItemId);
  const freeMeasures = m.measures.filter((x) => !x.agendaItemId);

  return (
    <section aria-labelledby="minutes-heading" className="stack">
      <div className="section-head">
        <h2 id="minutes-heading" className="kern-heading-medium">Protokoll{m.latestRevision > 1 ? ` (Fassung ${m.revision})` : ''}</h2>
        {m.published && (
          <Button variant="secondary" onClick={() => { setPdfError(null); download(`/rapports/${rapport.id}/minutes.pdf`, undefined, 'protokoll.pdf').catch(setPdfError); }}>
            Protokoll als PDF herunterladen
          </Button>
        )}
      </div>
      <FormProblem error={pdfError} />
      {m.published ? <Alert kind="info" title="Das Protokoll ist veröffentlicht." /> : (
        <p className="kern-body kern-body--small">Schreiben Sie zu jedem besprochenen Punkt, was besprochen und was entschieden wurde. Keine personenbezogenen Daten über Betroffene. Mit „Protokoll veröffentlichen“ (oben) wird es für alle Eingeladenen lesbar und schreibgeschützt.</p>
      )}
      {m.attendance.some((a) => a.attendance) && (
        <p className="kern-body"><strong>Anwesenheit:</strong> {m.attendance.filter((a) => a.attendance).map((a) => `${a.person.displayName} (${ATTENDANCE_LABELS[a.attendance!]})`).join(', ')}</p>
      )}
      {agenda.data.items.map((item, index) => {
        const entry = m.entries.find((e) => e.agendaItemId === item.id);
        if (!writable && !entry) return null;
        return <ItemMinutes key={`${item.id}-${round}`} rapportId={rapport.id} item={item} label={`TOP ${index + 1}`} entry={entry} writable={writable} onReload={reload} />;
      })}
      {free.map((entry) => (
        <article key={entry.id} className="minutes-entry stack" aria-labelledby={`entry-${entry.id}`}>
          <h3 id={`entry-${entry.id}`} className="kern-heading-small">{entry.heading ?? 'Weiterer Eintrag'}</h3>
          {writable ? <EntryForm key={`${entry.id}-${round}`} rapportId={rapport.id} entry={entry} onReload={reload} /> : <EntryText entry={entry} />}
          {writable && <AgreeMeasure rapportId={rapport.id} entry={entry} label={entry.heading ?? 'Weiterer Eintrag'} />}
        </article>
      ))}
      {freeMeasures.length > 0 && (
        <article className="minutes-entry stack" aria-labelledby="free-measures">
          <h3 id="free-measures" className="kern-heading-small">Maßnahmen ohne Tagesordnungspunkt</h3>
          <Measures measures={freeMeasures} />
        </article>
      )}
      {writable && (
        <article className="minutes-entry stack" aria-labelledby="new-free-entry">
          <h3 id="new-free-entry" className="kern-heading-small">Weiterer Eintrag ohne Tagesordnungspunkt</h3>
          <EntryForm key={`free-${m.entries.length}-${round}`} rapportId={rapport.id} withHeading onReload={reload} />
        </article>
      )}
    </section>
  );
}

/** One agenda item in the minutes: its entry (the form opens on demand while none exists) and the measures agreed under it. */
function ItemMinutes({ rapportId, item, label, entry, writable, onReload }: { rapportId: string; item: AgendaItem; label: string; entry?: Entry; writable: boolean; onReload: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <article className="minutes-entry stack" aria-labelledby={`entry-${item.id}`}>
      <h3 id={`entry-${item.id}`} className="kern-heading-small">{label}: {item.title}</h3>
      {!writable ? <EntryText entry={entry!} />
        : entry || open ? <EntryForm rapportId={rapportId} entry={entry} item={item} onReload={onReload} />
          : <div><Button type="button" variant="secondary" aria-label={`Eintrag schreiben zu ${label}`} onClick={() => setOpen(true)}>Eintrag schreiben</Button></div>}
      <Measures measures={entry?.measures ?? []} />
      {writable && <AgreeMeasure rapportId={rapportId} entry={entry} item={item} label={label} />}
    </article>
  );
}

function EntryText({ entry }: { entry: Entry }) {
  return (
    <dl className="minutes-text">
      <dt>Besprochen</dt><dd>{entry.notes || '–'}</dd>
      <dt>Entschieden</dt><dd>{entry.decisions || '–'}</dd>
    </dl>
  );
}

function Measures({ measures }: { measures: MinutesMeasure[] }) {
  if (!measures.length) return null;
  return (
    <ul className="kern-list" aria-label="Vereinbarte Maßnahmen">
      {measures.map((x) => (
        <li key={x.id}><strong>Maßnahme: {x.title}</strong> – {x.owningAgency.name}, verantwortlich {x.responsible.displayName}, Frist {formatDay(x.deadline)} ({MEASURE_STATUS_LABELS[x.status]})</li>
      ))}
    </ul>
  );
}

function useSaveEntry(rapportId: string) {
  const queryClient = useQueryClient();
  return async (entry: Entry | undefined, body: { notes: string; decisions: string; heading?: string | null; agendaItemId?: string }) => {
    const saved = entry
      ? await api<Schemas['MinutesEntryResponseDto']>('PATCH', `/rapports/${rapportId}/minutes/${entry.id}`, { body: { notes: body.notes, decisions: body.decisions, ...(body.heading !== undefined ? { heading: body.heading } : {}), version: entry.version } })
      : await api<Schemas['MinutesEntryResponseDto']>('POST', `/rapports/${rapportId}/minutes`, { body });
    await queryClient.invalidateQueries({ queryKey: minutesKey(rapportId) });
    return saved;
  };
}

/** Notes and decisions of one entry; created on first save, then edited with its version (409: reload offered). */
function EntryForm({ rapportId, entry, item, withHeading, onReload }: { rapportId: string; entry?: Entry; item?: AgendaItem; withHeading?: boolean; onReload: () => void }) {
  const [notes, setNotes] = useState(entry?.notes ?? '');
  const [decisions, setDecisions] = useState(entry?.decisions ?? '');
  const [heading, setHeading] = useState(entry?.heading ?? '');
  const [saved, setSaved] = useState(false);
  const saveEntry = useSaveEntry(rapportId);
  const save = useMutation({
    mutationFn: () => saveEntry(entry, { notes, decisions, ...(withHeading || (entry && !entry.agendaItemId) ? { heading: heading.trim() || null } : {}), ...(item && !entry ? { agendaItemId: item.id } : {}) }),
    onSuccess: () => setSaved(true),
  });
  const errors = fieldErrors(save.error);
  const what = item ? item.title : heading || 'weiteren Eintrag';
  return (
    <form className="stack" noValidate aria-label={`Protokoll zu ${what}`} onSubmit={(e: FormEvent) => { e.preventDefault(); setSaved(false); save.mutate(); }}>
      <FormProblem error={save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED' ? null : save.error} onReload={onReload} />
      {saved && !save.error && <p className="kern-body" role="status">Eintrag gespeichert.</p>}
      {(withHeading || (entry && !entry.agendaItemId)) && (
        <TextField label="Überschrift" optional value={heading} onChange={(e) => setHeading(e.target.value)} maxLength={300} error={errors.heading} hint="Zum Beispiel „Verschiedenes“." />
      )}
      <TextArea label="Besprochen" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={20000} error={errors.notes} />
      <TextArea label="Entschieden" rows={2} value={decisions} onChange={(e) => setDecisions(e.target.value)} maxLength={20000} error={errors.decisions} />
      <div><Button type="submit" variant="secondary" disabled={save.isPending}>{entry ? 'Eintrag speichern' : 'Eintrag anlegen'}</Button></div>
    </form>
  );
}

interface MeasureForm {
  title: string;
  description: string;
  owningAgencyId: string;
  responsibleId: string;
  deadline: string;
  priority: MeasurePriority;
}

/**
 * "Maßnahme vereinbaren" under an entry: owner agency, responsible person of that agency, deadline,
 * priority. An agenda item without an entry yet gets an empty one first (the measure hangs on an entry).
 */
function AgreeMeasure({ rapportId, entry, item, label }: { rapportId: string; entry?: Entry; item?: AgendaItem; label: string }) {
  const [open, setOpen] = useState(false);
  const [agreed, setAgreed] = useState('');
  const empty: MeasureForm = { title: '', description: '', owningAgencyId: '', responsibleId: '', deadline: '', priority: 'normal' };
  const [form, setForm] = useState<MeasureForm>(empty);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const agencies = useAgencies();
  const people = useQuery({
    queryKey: ['people', 'agency', form.owningAgencyId], enabled: !!form.owningAgencyId, staleTime: 10 * 60_000,
    queryFn: () => api<Schemas['PersonPageDto']>('GET', '/people', { query: { agencyId: form.owningAgencyId, limit: 200, sort: 'displayName' } }).then((p) => p.items),
  });
  const queryClient = useQueryClient();
  const saveEntry = useSaveEntry(rapportId);
  const set = <K extends keyof MeasureForm>(key: K, value: MeasureForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const agree = useMutation({
    mutationFn: async () => {
      const entryId = entry?.id ?? (await saveEntry(undefined, { notes: '', decisions: '', agendaItemId: item!.id })).id;
      const body: Schemas['AgreeMeasureDto'] = {
        title: form.title, owningAgencyId: form.owningAgencyId, responsibleId: form.responsibleId, deadline: form.deadline, priority: form.priority,
        ...(form.description.trim() ? { description: form.description } : {}),
      };
      return api<Schemas['MeasureResponseDto']>('POST', `/rapports/${rapportId}/minutes/${entryId}/measures`, { body });
    },
    onSuccess: (measure) => {
      void queryClient.invalidateQueries({ queryKey: minutesKey(rapportId) });
      setAgreed(`Maßnahme „${measure.title}“ vereinbart.`);
      setForm(empty);
      setOpen(false);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.title.trim()) errors.title = 'Bitte einen Titel angeben.';
    if (!form.owningAgencyId) errors.owningAgencyId = 'Bitte die zuständige Behörde wählen.';
    if (!form.responsibleId) errors.responsibleId = 'Bitte die verantwortliche Person wählen.';
    if (!form.deadline) errors.deadline = 'Bitte eine Frist angeben.';
    setLocalErrors(errors);
    if (!Object.keys(errors).length) agree.mutate();
  }

  const errors = { ...fieldErrors(agree.error), ...localErrors };
  return (
    <div className="stack">
      {agreed && <p className="kern-body" role="status">{agreed}</p>}
      <div>
        <Button type="button" variant="tertiary" aria-expanded={open} aria-label={`Maßnahme vereinbaren zu ${label}`} onClick={() => { setOpen((o) => !o); setAgreed(''); }}>
          Maßnahme vereinbaren
        </Button>
      </div>
      {open && (
        <form className="stack measure-form" noValidate onSubmit={submit} aria-label={`Neue Maßnahme zu ${label}`}>
          <FormProblem error={agree.error instanceof ApiError && agree.error.code === 'VALIDATION_FAILED' ? null : agree.error} />
          <TextField label="Titel der Maßnahme" value={form.title} onChange={(e) => set('title', e.target.value)} maxLength={300} error={errors.title} />
          <TextArea label="Beschreibung" optional rows={2} value={form.description} onChange={(e) => set('description', e.target.value)} maxLength={8000} error={errors.description}
            hint="Was genau vereinbart wurde. Keine personenbezogenen Daten über Betroffene." />
          <div className="two-columns">
            <SelectField label="Zuständige Behörde" value={form.owningAgencyId} onChange={(e) => setForm((f) => ({ ...f, owningAgencyId: e.target.value, responsibleId: '' }))} error={errors.owningAgencyId}>
              <option value="">Bitte wählen</option>
              {(agencies.data ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </SelectField>
            <SelectField label="Verantwortliche Person" value={form.responsibleId} onChange={(e) => set('responsibleId', e.target.value)} error={errors.responsibleId}
              disabled={!form.owningAgencyId} hint={form.owningAgencyId ? undefined : 'Zuerst die Behörde wählen.'}>
              <option value="">Bitte wählen</option>
              {(people.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
            </SelectField>
            <TextField label="Frist" type="date" min={toDayInput(new Date())} value={form.deadline} onChange={(e) => set('deadline', e.target.value)} error={errors.deadline} />
            <SelectField label="Priorität" value={form.priority} onChange={(e) => set('priority', e.target.value as MeasurePriority)} error={errors.priority}>
              {(Object.keys(PRIORITY_LABELS) as MeasurePriority[]).map((p) => <option key={p} value={p}>{PRIORITY_LABELS[p]}</option>)}
            </SelectField>
          </div>
          <div className="button-row">
            <Button type="submit" disabled={agree.isPending}>{agree.isPending ? 'Wird gespeichert …' : 'Maßnahme speichern'}</Button>
            <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>Abbrechen</Button>
          </div>
        </form>
      )}
    </div>
  );
}
