import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { Alert } from '../components/form';
import { formatDateTime } from '../format';
import { CATEGORY_LABELS, SENSITIVE_LABELS } from '../labels';
import { ReportForm } from './ReportForm';

export function ReportPage() {
  const [saved, setSaved] = useState<Schemas['DevelopmentResponseDto'] | null>(null);
  const [round, setRound] = useState(0);
  return (
    <>
      <h1 className="kern-heading-large">Lage melden</h1>
      {saved && (
        <Alert kind="success" title="Meldung gespeichert">
          <p className="kern-body">
            {CATEGORY_LABELS[saved.category]}, {formatDateTime(saved.observedAt)}{saved.place ? `, ${saved.place.name}` : ''}.
            {saved.nearestSensitivePlace && ` In der Nähe von: ${saved.nearestSensitivePlace.name} (${SENSITIVE_LABELS[saved.nearestSensitivePlace.sensitiveKind ?? ''] ?? 'sensibler Ort'}).`}
            {' '}<Link to="/meldungen">Zu meinen Meldungen</Link>
          </p>
        </Alert>
      )}
      <ReportForm key={round} onSaved={(d) => { setSaved(d); setRound((r) => r + 1); window.scrollTo(0, 0); }} />
    </>
  );
}
