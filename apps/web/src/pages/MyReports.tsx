import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { Alert, Button, FormProblem, TextArea } from '../components/form';
import { GrowingList } from '../components/GrowingList';
import { formatDateTime, formatNumber } from '../format';
import { CATEGORY_LABELS, SENSITIVE_LABELS, VISIBILITY_LABELS } from '../labels';
import { ReportForm } from './ReportForm';

type Development = Schemas['DevelopmentResponseDto'];
const PAGE = 25;

/** Meine Meldungen: the developments the person reported (reportedBy=me), newest first, 25 at a time. */
export function MyReportsPage() {
  const { me } = useAuth();
  return (
    <>
      <h1 className="kern-heading-large">Meine Meldungen</h1>
      <p className="kern-body">Ihre eigenen Meldungen, die neuesten zuerst. Sie können sie berichtigen oder zurückziehen. Die Meldungen Ihrer ganzen Behörde zeigt das Lagebild mit dem Filter „Meldende Behörde“.</p>
      <p><Link className="kern-btn kern-btn--secondary" to="/melden"><span className="kern-label">Neue Meldung</span></Link></p>
      <GrowingList queryKey={['developments', 'mine', me?.id]} label="Meldungen" loading="Meldungen werden geladen …" empty="Noch keine Meldungen." more="Weitere Meldungen laden"
        fetchPage={(cursor) => api<Schemas['DevelopmentPageDto']>('GET', '/developments', { query: { reportedBy: 'me', includeWithdrawn: true, limit: PAGE, cursor } })}>
        {(d) => <ReportItem key={d.id} dev={d} />}
      </GrowingList>
    </>
  );
}

function ReportItem({ dev }: { dev: Development }) {
  return (
    <li className="kern-card report-item">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-title">{CATEGORY_LABELS[dev.category]} – {formatDateTime(dev.observedAt)}</h2>
          {dev.withdrawn && <span className="kern-badge kern-badge--warning"><span className="kern-label">Zurückgezogen</span></span>}
          {dev.nearestSensitivePlace && (
            <span className="kern-badge kern-badge--danger">
              <span className="kern-label">Nahe {SENSITIVE_LABELS[dev.nearestSensitivePlace.sensitiveKind ?? ''] ?? 'sensiblem Ort'}: {dev.nearestSensitivePlace.name}</span>
            </span>
          )}
        </div>
        <div className="kern-card__body">
          <dl className="facts">
            <div><dt>Ort</dt><dd>{dev.place?.name ?? `${formatNumber(dev.lat)}, ${formatNumber(dev.lon)}`}{dev.district ? ` (${dev.district.name})` : ''}</dd></div>
            {dev.count !== null && <div><dt>Anzahl</dt><dd>{formatNumber(dev.count)}</dd></div>}
            <div><dt>Schweregrad</dt><dd>{dev.severity}</dd></div>
            <div><dt>Sichtbar für</dt><dd>{VISIBILITY_LABELS[dev.visibility].label}</dd></div>
          </dl>
          {dev.description && <p className="kern-body">{dev.description}</p>}
          {dev.withdrawn && dev.withdrawalReason && <p className="kern-body kern-body--small">Grund des Rückzugs: {dev.withdrawalReason}</p>}
        </div>
        {!dev.withdrawn && (
          <div className="kern-card__footer">
            <Link className="kern-btn kern-btn--secondary" to={`/meldungen/${dev.id}`} aria-label={`${CATEGORY_LABELS[dev.category]} vom ${formatDateTime(dev.observedAt)} berichtigen oder zurückziehen`}>
              <span className="kern-label">Berichtigen oder zurückziehen</span>
            </Link>
          </div>
        )}
      </div>
    </li>
  );
}

/** One development: correct it (ReportForm with its version) or withdraw it with a reason. */
export function EditReportPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [round, setRound] = useState(0);
  const dev = useQuery({ queryKey: ['developments', 'one', id], queryFn: () => api<Development>('GET', `/developments/${id}`) });
  const reload = () => void dev.refetch().then(() => setRound((r) => r + 1));

  const withdraw = useMutation({
    mutationFn: () => api<Development>('POST', `/developments/${id}/withdraw`, { body: { reason, version: dev.data!.version } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['developments'] });
      navigate('/meldungen', { state: { withdrawn: true } });
    },
  });

  if (dev.isPending) return <p className="kern-body" role="status">Wird geladen …</p>;
  if (dev.isError) return <><h1 className="kern-heading-large">Meldung</h1><FormProblem error={dev.error} /></>;
  const d = dev.data;
  return (
    <>
      <h1 className="kern-heading-large">Meldung berichtigen</h1>
      <p className="kern-body">{CATEGORY_LABELS[d.category]} vom {formatDateTime(d.observedAt)} · <Link to="/meldungen">Zurück zu meinen Meldungen</Link></p>
      {d.withdrawn ? <Alert kind="info" title="Diese Meldung wurde zurückgezogen." /> : (
        <>
          <ReportForm key={`${d.version}-${round}`} existing={d} onReload={reload} onSaved={() => navigate('/meldungen')} />
          <section aria-labelledby="withdraw-heading" className="stack withdraw">
            <h2 id="withdraw-heading" className="kern-heading-medium">Meldung zurückziehen</h2>
            <p className="kern-body">Die Meldung bleibt gespeichert, zählt aber nicht mehr in Lagebild, Zahlen und Exporten.</p>
            <form className="stack" noValidate onSubmit={(e) => {
              e.preventDefault();
              if (!reason.trim()) return setReasonError('Bitte einen Grund angeben.');
              setReasonError(undefined);
              withdraw.mutate();
            }}>
              <FormProblem error={withdraw.error instanceof ApiError && withdraw.error.code === 'VALIDATION_FAILED' ? null : withdraw.error} onReload={reload} />
              <TextArea label="Grund" name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000}
                hint="Zum Beispiel „doppelt erfasst“. Keine personenbezogenen Daten." error={reasonError ?? (withdraw.error instanceof ApiError ? withdraw.error.fields.reason : undefined)} />
              <Button type="submit" variant="secondary" disabled={withdraw.isPending}>Zurückziehen</Button>
            </form>
          </section>
        </>
      )}
    </>
  );
}
