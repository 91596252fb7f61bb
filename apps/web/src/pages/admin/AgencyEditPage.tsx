import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, type Schemas } from '../../api/client';
import { Alert, Button, fieldErrors, FormProblem, SelectField, TextField } from '../../components/form';
import { formatDateTime } from '../../format';
import { invalidateDirectory, type Agency } from './directory';
import { AGENCY_KIND_LABELS, AGENCY_KINDS, type AgencyKind } from '../../labels';
import { ActiveBadge, OnceSecret } from './parts';

type Webhook = Schemas['AgencyWebhookResponseDto'];

/** Neue Behörde (no id) or one agency: its form (with its version), deactivation and its webhook. */
export function AgencyEditPage() {
  const { id } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState(false);
  const agency = useQuery({ queryKey: ['admin', 'agency', id], queryFn: () => api<Agency>('GET', `/agencies/${id}`), enabled: !!id });
  const reload = () => void agency.refetch().then(() => setRound((r) => r + 1));

  if (!id) {
    return (
      <>
        <h1 className="kern-heading-large">Neue Behörde</h1>
        <p className="kern-body"><Link to="/verwaltung/behoerden">Zurück zu den Behörden</Link></p>
        <AgencyForm />
      </>
    );
  }
  if (agency.isPending) return <p className="kern-body" role="status">Wird geladen …</p>;
  if (agency.isError) return <><h1 className="kern-heading-large">Behörde</h1><FormProblem error={agency.error} /></>;
  const a = agency.data;
  return (
    <>
      <h1 className="kern-heading-large">Behörde bearbeiten</h1>
      <p className="kern-body">{a.name} · <ActiveBadge active={a.active} /> · <Link to="/verwaltung/behoerden">Zurück zu den Behörden</Link></p>
      {(location.state as { created?: boolean } | null)?.created && !saved && round === 0 && <Alert kind="success" title="Behörde angelegt"><p className="kern-body">Sie können ihr jetzt Personen zuordnen.</p></Alert>}
      {saved && <Alert kind="success" title="Änderungen gespeichert" />}
      <AgencyForm key={`${a.id}-${a.version}-${round}`} existing={a} onReload={reload} onSaved={(next) => { queryClient.setQueryData(['admin', 'agency', next.id], next); setSaved(true); }} />
      <ActiveSection agency={a} />
      <WebhookSection agency={a} />
      <p className="kern-body"><Link to={`/verwaltung/protokoll?entityType=agency&entityId=${a.id}`}>Änderungen dieser Behörde im Prüfprotokoll</Link></p>
    </>
  );
}

function AgencyForm({ existing, onReload, onSaved }: { existing?: Agency; onReload?: () => void; onSaved?: (a: Agency) => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<AgencyKind | ''>(existing?.kind ?? '');
  const [code, setCode] = useState(existing?.code ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => existing
      ? api<Agency>('PATCH', `/agencies/${existing.id}`, { body: { name, kind, code, version: existing.version } })
      : api<Agency>('POST', '/agencies', { body: { name, kind, code } }),
    onSuccess: (saved) => {
      invalidateDirectory(queryClient);
      if (onSaved) onSaved(saved);
      else navigate(`/verwaltung/behoerden/${saved.id}`, { state: { created: true } });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = 'Bitte einen Namen angeben.';
    if (!kind) errors.kind = 'Bitte eine Art wählen.';
    if (!code.trim()) errors.code = 'Bitte ein Kurzzeichen angeben.';
    setLocal(errors);
    if (!Object.keys(errors).length) save.mutate();
  }

  const errors = { ...fieldErrors(save.error), ...local };
  return (
    <form className="stack report-form" onSubmit={submit} noValidate aria-label={existing ? 'Behörde bearbeiten' : 'Neue Behörde'}>
      <FormProblem error={save.error} onReload={onReload} />
      <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={200} required />
      <SelectField label="Art" name="kind" value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)} error={errors.kind} required>
        <option value="">Bitte wählen</option>
        {AGENCY_KINDS.map((k) => <option key={k} value={k}>{AGENCY_KIND_LABELS[k]}</option>)}
      </SelectField>
      <TextField label="Kurzzeichen" name="code" value={code} onChange={(e) => setCode(e.target.value)} error={errors.code} maxLength={20} required
        hint="2 bis 20 Buchstaben, Ziffern oder Bindestriche, zum Beispiel POL-MITTE; wird in Großbuchstaben gespeichert und darf nur einmal vorkommen." />
      <Button type="submit" disabled={save.isPending}>{save.isPending ? 'Wird gespeichert …' : existing ? 'Änderungen speichern' : 'Behörde anlegen'}</Button>
    </form>
  );
}

function ActiveSection({ agency }: { agency: Agency }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => api<Agency>('POST', `/agencies/${agency.id}/${agency.active ? 'deactivate' : 'reactivate'}`),
    onSuccess: (saved) => {
      queryClient.setQueryData(['admin', 'agency', saved.id], saved);
      invalidateDirectory(queryClient);
    },
  });
  return (
    <section aria-labelledby="agency-status" className="stack withdraw">
      <h2 id="agency-status" className="kern-heading-medium">Status</h2>
      <p className="kern-body">
        {agency.active
          ? 'Eine deaktivierte Behörde kann neuen Personen, Meldungen, Maßnahmen und Rapporten nicht mehr zugeordnet werden. Was es schon gibt, bleibt erhalten; Behörden werden nie gelöscht.'
          : 'Die Behörde ist deaktiviert. Reaktiviert kann sie wieder zugeordnet werden.'}
      </p>
      <FormProblem error={toggle.error} />
      <div><Button type="button" variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate()}>{agency.active ? 'Behörde deaktivieren' : 'Behörde reaktivieren'}</Button></div>
    </section>
  );
}

/** The agency's webhook (issue 9): where its reminders are posted, signed with a secret shown once. */
function WebhookSection({ agency }: { agency: Agency }) {
  const queryClient = useQueryClient();
  const key = ['admin', 'webhook', agency.id];
  const hook = useQuery({
    queryKey: key,
    queryFn: () => api<Webhook>('GET', `/agencies/${agency.id}/webhook`).catch((err: unknown) => {
      if (err instanceof ApiError && err.code === 'WEBHOOK_NOT_FOUND') return null;
      throw err;
    }),
  });
  const [secret, setSecret] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const adopt = (w: Webhook | null) => {
    queryClient.setQueryData(key, w);
    setSecret(w?.secret ?? null);
  };
  const rotate = useMutation({
    mutationFn: () => api<Webhook>('POST', `/agencies/${agency.id}/webhook/rotate-secret`, { body: { version: hook.data!.version } }),
    onSuccess: adopt,
  });
  const remove = useMutation({
    mutationFn: () => api<void>('DELETE', `/agencies/${agency.id}/webhook`, { headers: { 'if-match': `"${hook.data!.version}"` } }),
    onSuccess: () => adopt(null),
  });
  const reload = () => void hook.refetch().then(() => setRound((r) => r + 1));

  return (
    <section aria-labelledby="webhook-heading" className="stack withdraw">
      <h2 id="webhook-heading" className="kern-heading-medium">Webhook</h2>
      <p className="kern-body">Optional: Die Erinnerungen und Benachrichtigungen der Behörde werden zusätzlich an diese Adresse gesendet (zum Beispiel an einen Chat-Kanal), signiert mit einem Geheimnis.</p>
      {hook.isPending && <p className="kern-body" role="status">Wird geladen …</p>}
      {hook.isError && <FormProblem error={hook.error} />}
      {secret && <OnceSecret secret={secret} title="Neues Signatur-Geheimnis" />}
      {hook.isSuccess && (
        <>
          {hook.data && <p className="kern-body kern-body--small">Eingerichtet; zuletzt geändert am {formatDateTime(hook.data.updatedAt)}.</p>}
          <WebhookForm key={`${hook.data?.version ?? 0}-${round}`} agencyId={agency.id} existing={hook.data} onSaved={adopt} onReload={reload} />
          {hook.data && (
            <div className="stack">
              <FormProblem error={rotate.error ?? remove.error} onReload={reload} />
              <div className="section-head">
                <Button type="button" variant="secondary" disabled={rotate.isPending} onClick={() => rotate.mutate()}>Geheimnis erneuern</Button>
                <Button type="button" variant="tertiary" disabled={remove.isPending} onClick={() => remove.mutate()}>Webhook entfernen</Button>
              </div>
              <p className="kern-body kern-body--small">Ein erneuertes Geheimnis gilt sofort; das alte wird nicht mehr angenommen.</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function WebhookForm({ agencyId, existing, onSaved, onReload }: { agencyId: string; existing: Webhook | null; onSaved: (w: Webhook) => void; onReload: () => void }) {
  const [url, setUrl] = useState(existing?.url ?? '');
  const [active, setActive] = useState(existing?.active ?? true);
  const save = useMutation({
    mutationFn: () => api<Webhook>('PUT', `/agencies/${agencyId}/webhook`, { body: { url, active, ...(existing ? { version: existing.version } : {}) } }),
    onSuccess: onSaved,
  });
  const errors = fieldErrors(save.error);
  return (
    <form className="stack report-form" noValidate aria-label="Webhook" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <FormProblem error={save.error} onReload={onReload} />
      <TextField label="Adresse (URL)" name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} error={errors.url} maxLength={2000}
        hint="https://… (unverschlüsseltes http nur für localhost)" />
      <div className="kern-form-check">
        <input className="kern-form-check__checkbox" type="checkbox" id={`webhook-active-${agencyId}`} checked={active} onChange={(e) => setActive(e.target.checked)} />
        <label className="kern-label" htmlFor={`webhook-active-${agencyId}`}>Webhook eingeschaltet</label>
      </div>
      <div><Button type="submit" disabled={save.isPending}>{existing ? 'Webhook speichern' : 'Webhook einrichten'}</Button></div>
    </form>
  );
}
