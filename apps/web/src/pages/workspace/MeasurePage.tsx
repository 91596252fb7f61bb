import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, type Schemas } from '../../api/client';
import { hasRole, useAuth, type Me } from '../../auth';
import { DataTable } from '../../components/DataTable';
import { Alert, Button, fieldErrors, FormProblem, SelectField, TextArea } from '../../components/form';
import { TrendChart } from '../../components/TrendChart';
import { formatDateTime, formatDay, toDayInput } from '../../format';
import { MEASURE_STATUS_LABELS, PRIORITY_LABELS, type MeasureStatus } from '../../labels';
import { KeyFigureTable, OverdueText } from './measure-parts';

type Measure = Schemas['MeasureResponseDto'];

/**
 * Who may move a measure, as the API decides it (measure-access.ts): the owning agency's
 * liaisons, the responsible person and the deputy; cancelling is the coordinators'. Used only to
 * offer the form; the API answers 403 to anyone else.
 */
function mayMove(me: Me | null, m: Measure, to: MeasureStatus): boolean {
  if (to === 'cancelled') return hasRole(me, 'coordinator');
  return !!me && ((hasRole(me, 'liaison') && me.agencyId === m.owningAgency.id) || me.id === m.responsible.id || me.id === m.deputy?.id);
}

const EVENT_LABELS: Record<Schemas['MeasureEventDto']['kind'], string> = {
  created: 'Vereinbart', updated: 'Geändert', status_changed: 'Status geändert', progress_note: 'Fortschritt', milestone_added: 'Meilenstein hinzugefügt',
  milestone_updated: 'Meilenstein geändert', key_figure_added: 'Kennzahl hinzugefügt', key_figure_updated: 'Kennzahl geändert', key_figure_removed: 'Kennzahl entfernt',
};

/** One measure: its facts, milestones, key figures (target vs actual), history, and the status change for those who carry it. */
export function MeasurePage() {
  const { id } = useParams();
  const { me } = useAuth();
  const measure = useQuery({ queryKey: ['measures', 'one', id], queryFn: () => api<Measure>('GET', `/measures/${id}`) });
  const [round, setRound] = useState(0);
  const reload = () => void measure.refetch().then(() => setRound((r) => r + 1));

  if (measure.isPending) return <p className="kern-body" role="status">Maßnahme wird geladen …</p>;
  if (measure.isError) return <><h1 className="kern-heading-large">Maßnahme</h1><FormProblem error={measure.error} /></>;
  const m = measure.data;
  const targets = m.allowedTransitions.filter((to) => mayMove(me, m, to));
  return (
    <>
      <p className="kern-body"><Link to="/massnahmen">Zu allen Maßnahmen</Link></p>
      <h1 className="kern-heading-large">{m.title}</h1>
      <div className="button-row">
        <span className="kern-badge kern-badge--info"><span className="kern-label">Status: {MEASURE_STATUS_LABELS[m.status]}</span></span>
        {m.overdue && <OverdueText days={m.daysOverdue} />}
      </div>
      <dl className="facts">
        <div><dt>Frist</dt><dd>{formatDay(m.deadline)}</dd></div>
        <div><dt>Verantwortlich</dt><dd>{m.responsible.displayName}</dd></div>
        <div><dt>Vertretung</dt><dd>{m.deputy?.displayName ?? '–'}</dd></div>
        <div><dt>Behörde</dt><dd>{m.owningAgency.name}</dd></div>
        <div><dt>Priorität</dt><dd>{PRIORITY_LABELS[m.priority]}</dd></div>
        <div><dt>Beginn</dt><dd>{formatDay(m.startDate)}</dd></div>
        {(m.places.length > 0 || m.districts.length > 0) && <div><dt>Wo</dt><dd>{[...m.places, ...m.districts].map((x) => x.name).join(', ')}</dd></div>}
        <div><dt>Letzte Statusänderung</dt><dd>{formatDateTime(m.statusChangedAt)}</dd></div>
      </dl>
      <p className="kern-body">{m.description}</p>
      {m.statusReason && <p className="kern-body"><strong>Grund:</strong> {m.statusReason}</p>}
      {m.completionNote && <p className="kern-body"><strong>Abschlussvermerk:</strong> {m.completionNote}</p>}

      {/* Remounted (emptied) only by a reload; after its own success it stays, with the confirmation. */}
      {targets.length > 0 && <StatusForm key={round} measure={m} targets={targets} onReload={reload} />}
      <Milestones measure={m} mayEdit={mayMove(me, m, 'in_progress')} onReload={reload} />
      <KeyFigures measure={m} />
      <History id={m.id} version={m.version} />
    </>
  );
}

function StatusForm({ measure, targets, onReload }: { measure: Measure; targets: MeasureStatus[]; onReload: () => void }) {
  const queryClient = useQueryClient();
  const [to, setTo] = useState<MeasureStatus | ''>('');
  const [text, setText] = useState('');
  const needs = to === 'blocked' || to === 'cancelled' ? 'reason' : to === 'done' ? 'note' : null;
  const change = useMutation({
    mutationFn: () => api<Measure>('POST', `/measures/${measure.id}/status`, {
      body: { status: to, version: measure.version, ...(needs === 'reason' ? { reason: text } : text.trim() ? { note: text } : {}) },
    }),
    onSuccess: (updated) => {
      setTo('');
      setText('');
      queryClient.setQueryData(['measures', 'one', measure.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['measures'], predicate: (q) => q.queryKey[1] !== 'one' });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
  const errors = fieldErrors(change.error);
  const [missing, setMissing] = useState<string | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!to) return setMissing('Bitte den neuen Status wählen.');
    setMissing(undefined);
    change.mutate();
  }
  const textError = errors.reason ?? errors.note;
  return (
    <section aria-labelledby="status-heading" className="stack account-section">
      <h2 id="status-heading" className="kern-heading-medium">Status ändern</h2>
      <form className="stack page--narrow" onSubmit={submit} noValidate>
        {change.isSuccess && <Alert kind="success" title={`Status geändert: ${MEASURE_STATUS_LABELS[change.data.status]}`} />}
        <FormProblem error={change.error instanceof ApiError && (errors.reason || errors.note) ? null : change.error} onReload={onReload} />
        <SelectField label="Neuer Status" name="status" value={to} onChange={(e) => setTo(e.target.value as MeasureStatus | '')} error={missing}
          hint={`Jetzt: ${MEASURE_STATUS_LABELS[measure.status]}`}>
          <option value="">Bitte wählen</option>
          {targets.map((s) => <option key={s} value={s}>{MEASURE_STATUS_LABELS[s]}</option>)}
        </SelectField>
        {to && (
          <TextArea label={needs === 'reason' ? 'Grund' : needs === 'note' ? 'Abschlussvermerk: Was wurde erledigt?' : 'Bemerkung'} optional={!needs} name="statusText" rows={2} maxLength={2000}
            value={text} onChange={(e) => setText(e.target.value)} error={textError} hint="Erscheint im Verlauf der Maßnahme. Keine personenbezogenen Daten." />
        )}
        <Button type="submit" disabled={change.isPending}>Status ändern</Button>
      </form>
    </section>
  );
}

function Milestones({ measure, mayEdit, onReload }: { measure: Measure; mayEdit: boolean; onReload: () => void }) {
  const queryClient = useQueryClient();
  const tick = useMutation({
    mutationFn: (ms: Schemas['MilestoneResponseDto']) => api<Schemas['MilestoneResponseDto']>('PATCH', `/measures/${measure.id}/milestones/${ms.id}`, { body: { done: true, version: ms.version } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['measures'] }),
  });
  const today = toDayInput(new Date());
  return (
    <section aria-labelledby="milestones-heading" className="stack">
      <h2 id="milestones-heading" className="kern-heading-medium">Meilensteine</h2>
      <FormProblem error={tick.error} onReload={onReload} />
      <DataTable caption="Meilensteine der Maßnahme" rows={measure.milestones} empty="Keine Meilensteine." columns={[
        { header: 'Meilenstein', rowHeader: true, cell: (ms) => ms.title },
        { header: 'Fällig am', cell: (ms) => formatDay(ms.dueDate) },
        { header: 'Stand', cell: (ms) => (ms.done ? `Erledigt${ms.doneAt ? ` am ${formatDateTime(ms.doneAt)}` : ''}` : ms.dueDate < today ? <span className="overdue">Offen, Termin überschritten</span> : 'Offen') },
        mayEdit && {
          header: <span className="kern-sr-only">Aktion</span>,
          kind: 'action',
          cell: (ms) => !ms.done && <Button variant="tertiary" onClick={() => tick.mutate(ms)} disabled={tick.isPending} aria-label={`Als erledigt markieren: ${ms.title}`}>Als erledigt markieren</Button>,
        },
      ]} />
    </section>
  );
}

function KeyFigures({ measure }: { measure: Measure }) {
  const figures = useQuery({
    queryKey: ['measures', 'key-figures', measure.id, measure.version],
    enabled: measure.keyFigures.length > 0,
    queryFn: () => api<Schemas['MeasureKeyFiguresDto']>('GET', `/measures/${measure.id}/key-figures`),
  });
  if (measure.keyFigures.length === 0) return null;
  return (
    <section aria-labelledby="kf-heading" className="stack">
      <h2 id="kf-heading" className="kern-heading-medium">Kennzahlen: Ziel und Ist</h2>
      <p className="kern-body kern-body--small">Gezählt aus den gemeldeten Entwicklungen, die Sie sehen dürfen. „Soll jetzt“: wo die Kennzahl in der letzten vollen Periode auf dem Weg zum Ziel stehen sollte.</p>
      <FormProblem error={figures.isError ? figures.error : null} />
      {figures.isPending && <p className="kern-body" role="status">Kennzahlen werden berechnet …</p>}
      {figures.data && (
        <>
          {figures.data.displacementSuspected && (
            <Alert kind="warning" title="Verdrängung vermutet">
              <p className="kern-body">Im Umkreis des Zielgebiets ist die Lage schlechter geworden, während sie sich im Zielgebiet verbessert hat.</p>
            </Alert>
          )}
          <KeyFigureTable caption={`Kennzahlen der Maßnahme ${measure.title}`} results={figures.data.keyFigures.map((result) => ({ result }))} />
          <div className="trend-grid">
            {figures.data.keyFigures.map((r) => (
              <TrendChart key={r.keyFigure.id} intervalLabel={r.keyFigure.period === 'week' ? 'Woche' : 'Monat'}
                series={{ name: `${r.keyFigure.name} (Ist seit Beginn)`, points: r.actual.map((p) => ({ bucket: p.start, count: p.count })) }} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function History({ id, version }: { id: string; version: number }) {
  const history = useQuery({
    queryKey: ['measures', 'history', id, version],
    queryFn: () => api<Schemas['MeasureHistoryPageDto']>('GET', `/measures/${id}/history`, { query: { limit: 100, order: 'desc' } }),
  });
  return (
    <section aria-labelledby="history-heading" className="stack">
      <h2 id="history-heading" className="kern-heading-medium">Verlauf</h2>
      <FormProblem error={history.isError ? history.error : null} />
      {history.data && (
        <ol className="history">
          {history.data.items.map((e) => {
            const status = e.kind === 'status_changed' ? (e.changes.status as { old?: MeasureStatus; new?: MeasureStatus } | undefined) : undefined;
            return (
              <li key={e.id}>
                <span className="kern-body kern-body--small">{formatDateTime(e.at)} · {e.actor.displayName}</span>
                <p className="kern-body">
                  <strong>{EVENT_LABELS[e.kind]}</strong>
                  {status?.new && `: ${status.old ? `${MEASURE_STATUS_LABELS[status.old]} → ` : ''}${MEASURE_STATUS_LABELS[status.new]}`}
                  {e.note && <> – {e.note}</>}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {history.data?.nextCursor && <p className="kern-body kern-body--small">Gezeigt werden die 100 neuesten Einträge.</p>}
    </section>
  );
}
