import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError, type Schemas } from '../../api/client';
import { Button, fieldErrors, FormProblem, TextField } from '../../components/form';
import { formatDate, formatDay, formatNumber } from '../../format';
import { CATEGORY_LABELS, ESCALATION_REASON_LABELS, ESCALATION_STATUS_LABELS, KEY_FIGURE_STATUS_LABELS, MEASURE_STATUS_LABELS } from '../../labels';

type Agenda = Schemas['AgendaResponseDto'];
type Item = Schemas['AgendaItemResponseDto'];
type Rapport = Schemas['RapportResponseDto'];

export const agendaKey = (id: string) => ['agenda', id];
export const useAgenda = (id: string) => useQuery({ queryKey: agendaKey(id), queryFn: () => api<Agenda>('GET', `/rapports/${id}/agenda`) });

const KIND_LABELS: Record<Item['kind'], string> = { district: 'Lage im Bezirk', measures: 'Maßnahmen', escalations: 'Eskalationen', key_figures: 'Kennzahlen', custom: 'Eigener Punkt' };

type Op =
  | { kind: 'add'; title: string }
  | { kind: 'retitle'; item: Item; title: string }
  | { kind: 'remove'; item: Item }
  | { kind: 'move'; item: Item; by: -1 | 1 };

/**
 * The agenda editor: add, retitle, remove, and reorder with buttons (keyboard-operable; the focus
 * stays on the moved item's button). Retitling sends the item's version, reordering the agenda's;
 * a 409 says that someone else changed it and offers the current state.
 */
export function AgendaEditor({ rapport }: { rapport: Rapport }) {
  const agenda = useAgenda(rapport.id);
  const queryClient = useQueryClient();
  const editable = rapport.status === 'planned' || rapport.status === 'convened';
  const [newTitle, setNewTitle] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<{ itemId: string; dir: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const change = useMutation({
    mutationFn: (op: Op): Promise<Agenda> => {
      const base = `/rapports/${rapport.id}/agenda`;
      switch (op.kind) {
        case 'add': return api<Agenda>('POST', `${base}/items`, { body: { title: op.title } });
        case 'retitle': return api<Agenda>('PATCH', `${base}/items/${op.item.id}`, { body: { title: op.title, version: op.item.version } });
        case 'remove': return api<Agenda>('DELETE', `${base}/items/${op.item.id}`);
        case 'move': {
          const ids = agenda.data!.items.map((i) => i.id);
          const from = ids.indexOf(op.item.id);
          ids.splice(from, 1);
          ids.splice(from + op.by, 0, op.item.id);
          return api<Agenda>('PUT', `${base}/order`, { body: { itemIds: ids, version: agenda.data!.version } });
        }
      }
    },
    onSuccess: (next, op) => {
      queryClient.setQueryData(agendaKey(rapport.id), next);
      const total = next.items.length;
      if (op.kind === 'add') {
        setNewTitle('');
        setAnnouncement(`„${op.title}“ wurde als Punkt ${total} hinzugefügt.`);
      } else if (op.kind === 'retitle') {
        setEditing(null);
        setAnnouncement(`Der Punkt heißt jetzt „${op.title}“.`);
      } else if (op.kind === 'remove') {
        setConfirmRemove(null);
        setAnnouncement(`„${op.item.title}“ wurde entfernt.`);
      } else {
        const at = next.items.findIndex((i) => i.id === op.item.id);
        focusAfter.current = { itemId: op.item.id, dir: op.by < 0 ? 'up' : 'down' };
        setAnnouncement(`„${op.item.title}“ steht jetzt an Position ${at + 1} von ${total}.`);
      }
    },
  });

  // Keep the keyboard where it was: on the moved item's button (the other one when it reached an end).
  useEffect(() => {
    const f = focusAfter.current;
    if (!f || !agenda.data) return;
    focusAfter.current = null;
    const same = buttons.current.get(`${f.itemId}-${f.dir}`);
    (same && !same.disabled ? same : buttons.current.get(`${f.itemId}-${f.dir === 'up' ? 'down' : 'up'}`))?.focus();
  }, [agenda.data]);

  const reload = () => {
    change.reset();
    setEditing(null);
    void agenda.refetch();
  };
  const opError = (kind: Op['kind']) => (change.variables?.kind === kind ? change.error : null);
  const items = agenda.data?.items ?? [];
  const problem = change.error instanceof ApiError && change.error.code === 'VALIDATION_FAILED' ? null : change.error;
  const list = (
    <ol className="agenda" aria-label="Punkte der Tagesordnung">
      {items.map((item, index) => (
        <li key={item.id} className="kern-card agenda__item">
          <div className="kern-card__container">
            <div className="kern-card__header card-head">
              <h3 className="kern-title">TOP {index + 1}: {item.title}</h3>
              <span className="kern-badge kern-badge--info kern-badge--small"><span className="kern-label">{KIND_LABELS[item.kind]}</span></span>
            </div>
            <div className="kern-card__body">
              <ItemDetails item={item} />
              {editing === item.id && (
                <form className="inline-form" noValidate onSubmit={(e) => { e.preventDefault(); change.mutate({ kind: 'retitle', item, title: draft }); }}>
                  <TextField label={`Neuer Titel für TOP ${index + 1}`} value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={300} autoFocus
                    error={fieldErrors(opError('retitle')).title} />
                  <Button type="submit" disabled={change.isPending}>Titel speichern</Button>
                  <Button type="button" variant="tertiary" onClick={() => setEditing(null)}>Abbrechen</Button>
                </form>
              )}
              {confirmRemove === item.id && (
                <div className="inline-form" role="group" aria-label={`Entfernen von „${item.title}“ bestätigen`}>
                  <p className="kern-body">„{item.title}“ wirklich von der Tagesordnung nehmen?</p>
                  <Button type="button" onClick={() => change.mutate({ kind: 'remove', item })} disabled={change.isPending} autoFocus>Ja, entfernen</Button>
                  <Button type="button" variant="tertiary" onClick={() => setConfirmRemove(null)}>Abbrechen</Button>
                </div>
              )}
            </div>
            {editable && (
              <div className="button-row">
                <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" aria-label={`nach oben: ${item.title}`} disabled={index === 0 || change.isPending}
                  ref={(el) => { if (el) buttons.current.set(`${item.id}-up`, el); else buttons.current.delete(`${item.id}-up`); }}
                  onClick={() => change.mutate({ kind: 'move', item, by: -1 })}>
                  <span className="kern-label">nach oben</span>
                </button>
                <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" aria-label={`nach unten: ${item.title}`} disabled={index === items.length - 1 || change.isPending}
                  ref={(el) => { if (el) buttons.current.set(`${item.id}-down`, el); else buttons.current.delete(`${item.id}-down`); }}
                  onClick={() => change.mutate({ kind: 'move', item, by: 1 })}>
                  <span className="kern-label">nach unten</span>
                </button>
                <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" aria-label={`Umbenennen: ${item.title}`}
                  onClick={() => { change.reset(); setConfirmRemove(null); setEditing(item.id); setDraft(item.title); }}>
                  <span className="kern-label">Umbenennen</span>
                </button>
                <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" aria-label={`Entfernen: ${item.title}`}
                  onClick={() => { change.reset(); setEditing(null); setConfirmRemove(item.id); }}>
                  <span className="kern-label">Entfernen</span>
                </button>
              </div>
            )}
          </div>
        </li>
      ))}
    </ol>
  );

  return (
    <section aria-labelledby="agenda-heading" className="stack">
      <h2 id="agenda-heading" className="kern-heading-medium">Tagesordnung</h2>
      {agenda.isError && <FormProblem error={agenda.error} />}
      {rapport.status === 'planned' && <p className="kern-body kern-body--small">Beim Einberufen wird die Tagesordnung aus der Lage erstellt: je Bezirk mit Meldungen, fällige Maßnahmen, offene Eskalationen und Kennzahlen. Eigene Punkte können Sie jetzt schon hinzufügen.</p>}
      {(rapport.status === 'held' || rapport.status === 'minutes_published') && <p className="kern-body kern-body--small">Die Tagesordnung ist fest, seit der Rapport durchgeführt wurde.</p>}
      <FormProblem error={problem} onReload={reload} />
      <p className="kern-sr-only" role="status">{announcement}</p>
      {agenda.data && items.length === 0 && <p className="kern-body">Noch keine Punkte.</p>}
      {items.length > 0 && (editable ? list : (
        <details className="agenda__frozen">
          <summary>Tagesordnung anzeigen ({items.length} {items.length === 1 ? 'Punkt' : 'Punkte'})</summary>
          {list}
        </details>
      ))}
      {editable && (
        <form className="inline-form" noValidate onSubmit={(e) => { e.preventDefault(); change.mutate({ kind: 'add', title: newTitle }); }}>
          <TextField label="Neuer Tagesordnungspunkt" name="newAgendaItem" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} maxLength={300}
            error={fieldErrors(opError('add')).title} hint="Wird am Ende angefügt." />
          <Button type="submit" variant="secondary" disabled={change.isPending}>Punkt hinzufügen</Button>
        </form>
      )}
    </section>
  );
}

/** What the item stands for, as counted for the reader (only what they may see). */
function ItemDetails({ item }: { item: Item }) {
  return (
    <div className="stack agenda__details">
      {item.period && <p className="kern-body kern-body--small">Zeitraum: {formatDate(item.period.since)} bis {formatDate(item.period.until)}; verglichen mit dem Zeitraum davor.</p>}
      {item.categories.length > 0 && (
        <ul className="kern-list">
          {item.categories.map((c) => (
            <li key={c.category}>{CATEGORY_LABELS[c.category]}: {formatNumber(c.count)} (davor {formatNumber(c.previous)}, {c.change > 0 ? '+' : ''}{formatNumber(c.change)})</li>
          ))}
        </ul>
      )}
      {item.measures.length > 0 && (
        <ul className="kern-list">
          {item.measures.map((m) => <li key={m.id}>{m.title} – Frist {formatDay(m.deadline)}, {MEASURE_STATUS_LABELS[m.status]}</li>)}
        </ul>
      )}
      {item.escalations.length > 0 && (
        <ul className="kern-list">
          {item.escalations.map((e) => <li key={e.id}><Link to={`/eskalationen/${e.id}`}>{ESCALATION_REASON_LABELS[e.reason]}</Link> – {ESCALATION_STATUS_LABELS[e.status]}</li>)}
        </ul>
      )}
      {item.keyFigures.length > 0 && (
        <ul className="kern-list">
          {item.keyFigures.map((k) => <li key={k.keyFigureId}>{k.name}: {KEY_FIGURE_STATUS_LABELS[k.status]}{k.displacementSuspected ? ', Verdrängung vermutet' : ''}</li>)}
        </ul>
      )}
    </div>
  );
}
