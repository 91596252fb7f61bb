import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, download, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { Alert, Button, FormProblem } from '../../components/form';
import { formatDateTime } from '../../format';
import { INVITATION_RESPONSE_LABELS, RAPPORT_KIND_LABELS, RAPPORT_STATUS_LABELS } from '../../labels';

type Rapport = Schemas['RapportResponseDto'];
type Answer = Schemas['AnswerDto']['answer'];

const ANSWERS: Array<{ answer: Answer; label: string }> = [
  { answer: 'accept', label: 'Zusagen' },
  { answer: 'tentative', label: 'Vorläufig zusagen' },
  { answer: 'decline', label: 'Absagen' },
  { answer: 'delegate', label: 'Vertretung schicken' },
];

const ANSWERED = { accept: 'accepted', decline: 'declined', tentative: 'tentative', delegate: 'delegated' } as const satisfies Record<Answer, Schemas['InvitationResponseDto']['response']>;

const timeOnly = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', timeStyle: 'short' });

/** Meine Termine: the meetings ahead that the person may see, with their own invitation to answer. */
export function AppointmentsPage() {
  // From the start of the current hour, so that the query key stays stable while the page is open.
  const from = useMemo(() => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 6 * 3_600_000).toISOString(), []);
  const list = useQuery({
    queryKey: ['rapports', 'mine', from],
    queryFn: () => api<Schemas['RapportPageDto']>('GET', '/rapports', { query: { from, status: ['planned', 'convened'], sort: 'startsAt', order: 'asc', limit: 50 } }),
  });
  const items = list.data?.items ?? [];
  return (
    <>
      <h1 className="kern-heading-large">Meine Termine</h1>
      <p className="kern-body">Die anstehenden Rapporte, an denen Sie oder Ihre Behörde teilnehmen. Auf eine Einladung antworten Sie, solange der Rapport einberufen ist.</p>
      <FormProblem error={list.isError ? list.error : null} />
      {list.isPending && <p className="kern-body" role="status">Termine werden geladen …</p>}
      {list.isSuccess && items.length === 0 && <p className="kern-body">Keine anstehenden Termine.</p>}
      {items.length > 0 && (
        <ul className="report-list" aria-label="Termine">
          {items.map((r) => <li key={r.id}><MeetingCard rapport={r} headingLevel={2} /></li>)}
        </ul>
      )}
    </>
  );
}

/** One meeting (from a notification's link), with the person's invitation. */
export function AppointmentPage() {
  const { id } = useParams();
  const one = useQuery({ queryKey: ['rapports', 'one', id], queryFn: () => api<Rapport>('GET', `/rapports/${id}`) });
  return (
    <>
      <p className="kern-body"><Link to="/termine">Zu allen Terminen</Link></p>
      {one.isPending && <p className="kern-body" role="status">Termin wird geladen …</p>}
      {one.isError && <><h1 className="kern-heading-large">Termin</h1><FormProblem error={one.error} /></>}
      {one.data && <MeetingCard rapport={one.data} headingLevel={1} />}
    </>
  );
}

function MeetingCard({ rapport: initial, headingLevel }: { rapport: Rapport; headingLevel: 1 | 2 }) {
  const { me } = useAuth();
  const queryClient = useQueryClient();
  // The answer's response is the meeting as it is now, until the list has been read again.
  const [answered, setAnswered] = useState<Rapport | null>(null);
  const rapport = answered ?? initial;
  const [icsError, setIcsError] = useState<unknown>(null);
  const mine = rapport.invitations.find((i) => i.person.id === me?.id);
  const answer = useMutation({
    mutationFn: (a: Answer) => api<Rapport>('POST', `/rapports/${rapport.id}/invitations/${mine!.id}/answer`, { body: { answer: a } }),
    onSuccess: (r) => {
      setAnswered(r);
      void queryClient.invalidateQueries({ queryKey: ['rapports'] });
    },
  });
  const deputy = useQuery({
    queryKey: ['people', 'one', me?.deputyId],
    enabled: !!me?.deputyId,
    queryFn: () => api<Schemas['PersonResponseDto']>('GET', `/people/${me!.deputyId}`),
  });
  const H = headingLevel === 1 ? 'h1' : 'h2';
  const headingId = `termin-${rapport.id}`;
  const sentDeputy = mine && rapport.invitations.find((i) => i.delegatedFromId === mine.id);
  const answerError = answer.error instanceof ApiError ? answer.error.fields.answer : undefined;
  const open = rapport.status === 'convened';

  return (
    <section className="kern-card report-item" aria-labelledby={headingId}>
      <div className="kern-card__container">
        <div className="kern-card__header">
          <H id={headingId} className={headingLevel === 1 ? 'kern-heading-large' : 'kern-title'}>{rapport.title}</H>
          <span className="kern-badge kern-badge--info"><span className="kern-label">{RAPPORT_KIND_LABELS[rapport.kind]}</span></span>
          {rapport.status === 'cancelled' && <span className="kern-badge kern-badge--danger"><span className="kern-label">Abgesagt</span></span>}
        </div>
        <div className="kern-card__body stack">
          <dl className="facts">
            <div><dt>Wann</dt><dd>{formatDateTime(rapport.startsAt)} bis {timeOnly.format(new Date(rapport.endsAt))} Uhr</dd></div>
            <div><dt>Wo</dt><dd>{rapport.location}</dd></div>
            <div><dt>Stand</dt><dd>{RAPPORT_STATUS_LABELS[rapport.status]}</dd></div>
            <div><dt>Ihre Antwort</dt><dd>{mine ? INVITATION_RESPONSE_LABELS[mine.response] : 'Nicht persönlich eingeladen'}</dd></div>
          </dl>
          {rapport.goal && <p className="kern-body"><strong>Ziel:</strong> {rapport.goal}</p>}
          {sentDeputy && <p className="kern-body">Sie haben {sentDeputy.person.displayName} als Vertretung geschickt.</p>}
          {answer.isSuccess && <Alert kind="success" title={`Antwort gespeichert: ${INVITATION_RESPONSE_LABELS[mine?.response ?? 'pending']}`} />}
          <FormProblem error={answerError ? null : answer.error} />
          {mine && open && (
            <div className="stack">
              <div role="group" aria-labelledby={`${headingId}-answer`} aria-describedby={[`${headingId}-deputy`, answerError ? `${headingId}-answer-error` : ''].filter(Boolean).join(' ')} className="button-row">
                <span id={`${headingId}-answer`} className="kern-label">Auf die Einladung antworten:</span>
                {ANSWERS.map((a) => {
                  // The answer given is pressed, for the eye (filled) and for screen readers (aria-pressed).
                  const given = mine.response === ANSWERED[a.answer];
                  return (
                    <Button key={a.answer} variant={given ? 'primary' : 'secondary'} disabled={answer.isPending} aria-pressed={given} onClick={() => answer.mutate(a.answer)}>
                      {a.label}
                    </Button>
                  );
                })}
              </div>
              <p className="kern-hint" id={`${headingId}-deputy`}>
                {me?.deputyId
                  ? <>Ihre Vertretung: {deputy.data?.displayName ?? '…'}. „Vertretung schicken“ lädt sie an Ihrer Stelle ein.</>
                  : <>Sie haben noch keine Vertretung benannt; das geht unter <Link to="/konto#vertretung">Mein Konto</Link>.</>}
              </p>
              {answerError && (
                <p className="kern-error" id={`${headingId}-answer-error`}>
                  <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
                  <span className="kern-body">{answerError}</span>
                </p>
              )}
            </div>
          )}
          {mine && !open && rapport.status === 'planned' && <p className="kern-body kern-body--small">Die Einladung geht hinaus, sobald der Rapport einberufen ist; dann können Sie antworten.</p>}
          <FormProblem error={icsError} />
        </div>
        <div className="kern-card__footer button-row">
          <Button variant="tertiary" onClick={() => { setIcsError(null); download(`/rapports/${rapport.id}/ics`, {}, `rapport-${rapport.id}.ics`).catch(setIcsError); }}
            aria-label={`Kalendereintrag herunterladen: ${rapport.title}`}>
            Kalendereintrag herunterladen
          </Button>
        </div>
      </div>
    </section>
  );
}
