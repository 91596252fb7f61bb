import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { api, ApiError, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { Alert, Button, fieldErrors, FormProblem, SelectField } from '../../components/form';
import { formatDateTime } from '../../format';

type Settings = Schemas['NotificationSettingsResponseDto'];
type Group = keyof Settings['channels'];
type Channel = Settings['channels'][Group][number];

const GROUPS: Array<{ group: Group; label: string; hint: string }> = [
  { group: 'measures', label: 'Maßnahmen', hint: 'Fristen in 7 Tagen und morgen, Überfälligkeit, Meilensteine der Maßnahmen, für die Sie verantwortlich oder Vertretung sind.' },
  { group: 'rapports', label: 'Rapporte', hint: 'Einladungen, Änderungen und Absagen, Aufruf zur Lagemeldung, Tagesordnung, veröffentlichte Protokolle.' },
  { group: 'escalations', label: 'Eskalationen', hint: 'Vorschläge für einen erweiterten Rapport (für die Koordination, bei sensiblen Orten auch für Leitungen).' },
  { group: 'digests', label: 'Wochenübersicht', hint: 'Montags um 8 Uhr: Stand der Maßnahmen und Kennzahlen (für Leitungen).' },
];
const CHANNELS: Array<{ channel: Channel; label: string }> = [{ channel: 'inbox', label: 'Im Posteingang' }, { channel: 'email', label: 'Per E-Mail' }];

/** Mein Konto: notification settings, the personal calendar feed, the own deputy, the password. */
export function AccountPage() {
  const { me } = useAuth();
  const { hash } = useLocation();
  // A link to a section (#benachrichtigungen from the inbox) scrolls there once the page has loaded.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash]);
  return (
    <>
      <h1 className="kern-heading-large">Mein Konto</h1>
      <p className="kern-body">{me?.displayName} · {me?.email} · {me?.agency?.name}</p>
      <NotificationSettingsSection />
      <CalendarFeedSection />
      <DeputySection />
      <section aria-labelledby="passwort-heading" className="stack account-section">
        <h2 id="passwort-heading" className="kern-heading-medium">Passwort</h2>
        <p className="kern-body"><Link to="/passwort">Passwort ändern</Link></p>
      </section>
    </>
  );
}

function NotificationSettingsSection() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['notification-settings'], queryFn: () => api<Settings>('GET', '/me/notification-settings') });
  const [form, setForm] = useState<Pick<Settings, 'channels' | 'mailMode' | 'version'> | null>(null);
  const adopt = (s: Settings) => setForm({ channels: s.channels, mailMode: s.mailMode, version: s.version });
  // Filled once when first read; later only by the person's own save or an explicit reload, so that
  // a change made elsewhere never silently replaces what is being edited (the save then says 409).
  useEffect(() => {
    if (settings.data && !form) adopt(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: () => api<Settings>('PUT', '/me/notification-settings', { body: { channels: form!.channels, mailMode: form!.mailMode, version: form!.version } }),
    onSuccess: (s) => {
      queryClient.setQueryData(['notification-settings'], s);
      adopt(s);
    },
  });
  const reload = () => {
    save.reset();
    void settings.refetch().then((r) => r.data && adopt(r.data));
  };
  const errors = fieldErrors(save.error);
  const groupError = (g: Group) => Object.entries(errors).find(([f]) => f === `channels.${g}` || f.startsWith(`channels.${g}.`))?.[1];
  const toggle = (g: Group, c: Channel, on: boolean) => setForm((f) => f && ({
    ...f, channels: { ...f.channels, [g]: on ? [...f.channels[g].filter((x) => x !== c), c] : f.channels[g].filter((x) => x !== c) },
  }));
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <section aria-labelledby="benachrichtigungen" className="stack account-section">
      <h2 id="benachrichtigungen" className="kern-heading-medium">Benachrichtigungen</h2>
      <p className="kern-body">Wählen Sie je Art, wo Sie benachrichtigt werden. Ohne Haken erhalten Sie zu dieser Art nichts.</p>
      {settings.isError && <FormProblem error={settings.error} />}
      {form && (
        <form className="stack page--narrow" onSubmit={submit} noValidate>
          {save.isSuccess && <Alert kind="success" title="Einstellungen gespeichert" />}
          <FormProblem error={save.error instanceof ApiError && Object.keys(errors).length && !save.error.isVersionConflict ? null : save.error} onReload={reload} />
          {GROUPS.map(({ group, label, hint }) => {
            const error = groupError(group);
            return (
              <fieldset className={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} key={group} aria-describedby={`settings-${group}-hint${error ? ` settings-${group}-error` : ''}`}>
                <legend className="kern-label">{label}</legend>
                <div className="kern-hint" id={`settings-${group}-hint`}>{hint}</div>
                <div className="kern-fieldset__body kern-fieldset__body--horizontal">
                  {CHANNELS.map(({ channel, label: channelLabel }) => (
                    <div className="kern-form-check" key={channel}>
                      <input className="kern-form-check__checkbox" type="checkbox" id={`settings-${group}-${channel}`} checked={form.channels[group].includes(channel)}
                        onChange={(e) => toggle(group, channel, e.target.checked)} />
                      <label className="kern-label" htmlFor={`settings-${group}-${channel}`}>{channelLabel}</label>
                    </div>
                  ))}
                </div>
                {error && <p className="kern-error" id={`settings-${group}-error`}><span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" /><span className="kern-body">{error}</span></p>}
              </fieldset>
            );
          })}
          <fieldset className="kern-fieldset">
            <legend className="kern-label">E-Mails</legend>
            <div className="kern-fieldset__body">
              <div className="kern-form-check">
                <input className="kern-form-check__radio" type="radio" id="mail-single" name="mailMode" checked={form.mailMode === 'single'} onChange={() => setForm({ ...form, mailMode: 'single' })} />
                <label className="kern-label" htmlFor="mail-single">Jede Benachrichtigung sofort als eigene E-Mail</label>
              </div>
              <div className="kern-form-check">
                <input className="kern-form-check__radio" type="radio" id="mail-digest" name="mailMode" checked={form.mailMode === 'daily_digest'} onChange={() => setForm({ ...form, mailMode: 'daily_digest' })} />
                <label className="kern-label" htmlFor="mail-digest">Einmal täglich gesammelt (Tageszusammenfassung am Morgen)</label>
              </div>
            </div>
            {errors.mailMode && <p className="kern-error"><span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" /><span className="kern-body">{errors.mailMode}</span></p>}
          </fieldset>
          <Button type="submit" disabled={save.isPending}>Einstellungen speichern</Button>
        </form>
      )}
    </section>
  );
}

function CalendarFeedSection() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['calendar-feed'], queryFn: () => api<Schemas['CalendarFeedStatusDto']>('GET', '/me/calendar-feed') });
  const [confirming, setConfirming] = useState<'regenerate' | 'revoke' | null>(null);
  const [address, setAddress] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);
  const addressField = useRef<HTMLInputElement>(null);
  const create = useMutation({
    mutationFn: () => api<Schemas['CalendarFeedDto']>('POST', '/me/calendar-feed'),
    onSuccess: (feed) => {
      setAddress(feed.url);
      setCopied(null);
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api('DELETE', '/me/calendar-feed'),
    onSuccess: () => {
      setAddress(null);
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
  });
  // After the address appears, the keyboard lands on it (it is what the person came for).
  useEffect(() => {
    if (address) addressField.current?.focus();
  }, [address]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(address!);
      setCopied('yes');
    } catch {
      // No clipboard access (an older browser or a locked-down office PC): select it for Strg+C.
      addressField.current?.select();
      setCopied('manual');
    }
  }

  const active = status.data?.active;
  return (
    <section aria-labelledby="kalender-heading" className="stack account-section">
      <h2 id="kalender-heading" className="kern-heading-medium">Kalender-Abo</h2>
      <p className="kern-body">Mit Ihrer persönlichen Kalender-Adresse zeigt Ihr Kalenderprogramm (Outlook, Thunderbird, Smartphone) Ihre Rapporte und die Fristen Ihrer Maßnahmen an.
        Wer die Adresse kennt, sieht diese Termine: Behandeln Sie sie wie ein Passwort.</p>
      <FormProblem error={create.error ?? revoke.error ?? (status.isError ? status.error : null)} />
      {status.data && !address && (
        <p className="kern-body">
          {active && status.data.createdAt
            ? `Sie haben eine Kalender-Adresse (erzeugt am ${formatDateTime(status.data.createdAt)}). Sie wird aus Sicherheitsgründen nur beim Erzeugen angezeigt; wenn Sie sie nicht mehr haben, erzeugen Sie eine neue.`
            : 'Sie haben noch keine Kalender-Adresse.'}
        </p>
      )}
      {address && (
        <div className="stack page--narrow">
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="feed-address">Ihre Kalender-Adresse</label>
            <div className="kern-hint" id="feed-address-hint">Nur jetzt sichtbar. Fügen Sie sie in Ihrem Kalenderprogramm als Internetkalender (Abonnement) hinzu.</div>
            <input id="feed-address" ref={addressField} className="kern-form-input__input" readOnly value={address} aria-describedby="feed-address-hint" onFocus={(e) => e.target.select()} />
          </div>
          <div className="button-row">
            <Button variant="secondary" onClick={() => void copy()}>
              Adresse kopieren
            </Button>
            <span role="status" className="kern-body">
              {copied === 'yes' ? 'Adresse in die Zwischenablage kopiert.' : copied === 'manual' ? 'Kopieren nicht möglich: Die Adresse ist markiert, bitte mit Strg+C kopieren.' : ''}
            </span>
          </div>
        </div>
      )}
      {status.data && !confirming && (
        <div className="button-row">
          {active
            ? <>
              <Button variant="secondary" onClick={() => setConfirming('regenerate')}>Neue Adresse erzeugen</Button>
              <Button variant="tertiary" onClick={() => setConfirming('revoke')}>Adresse sperren</Button>
            </>
            : <Button onClick={() => create.mutate()} disabled={create.isPending}>Kalender-Adresse erzeugen</Button>}
        </div>
      )}
      {confirming && (
        <div className="kern-alert kern-alert--warning" role="alertdialog" aria-labelledby="feed-confirm-title" aria-describedby="feed-confirm-text">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--warning" aria-hidden="true" />
            <span className="kern-title" id="feed-confirm-title">{confirming === 'regenerate' ? 'Neue Kalender-Adresse erzeugen?' : 'Kalender-Adresse sperren?'}</span>
          </div>
          <div className="kern-alert__body stack">
            <p className="kern-body" id="feed-confirm-text">
              Die bisherige Adresse funktioniert danach sofort nicht mehr; Kalender, die sie abonniert haben, zeigen keine neuen Termine mehr an.
              {confirming === 'regenerate' ? ' Tragen Sie dort die neue Adresse ein.' : ''}
            </p>
            <div className="button-row">
              {confirming === 'regenerate'
                ? <ConfirmButton onClick={() => create.mutate()} disabled={create.isPending}>Ja, neue Adresse erzeugen</ConfirmButton>
                : <ConfirmButton onClick={() => revoke.mutate()} disabled={revoke.isPending}>Ja, Adresse sperren</ConfirmButton>}
              <Button variant="secondary" onClick={() => setConfirming(null)}>Abbrechen</Button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

/** The confirming button takes the focus when the question appears, so a keyboard user is at the decision. */
function ConfirmButton(props: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return <button ref={ref} type="button" className="kern-btn kern-btn--primary" {...props}><span className="kern-label">{props.children}</span></button>;
}

function DeputySection() {
  const { me, reloadMe } = useAuth();
  const people = useQuery({
    queryKey: ['people', 'agency', me?.agencyId],
    enabled: !!me,
    queryFn: () => api<Schemas['PersonPageDto']>('GET', '/people', { query: { agencyId: me!.agencyId, limit: 200, sort: 'displayName' } }).then((p) => p.items),
  });
  const [deputyId, setDeputyId] = useState(me?.deputyId ?? '');
  const save = useMutation({
    mutationFn: () => api<Schemas['PersonResponseDto']>('PUT', '/me/deputy', { body: { deputyId: deputyId || null } }),
    onSuccess: () => reloadMe(),
  });
  const errors = fieldErrors(save.error);
  const colleagues = (people.data ?? []).filter((p) => p.id !== me?.id);
  const current = (people.data ?? []).find((p) => p.id === me?.deputyId);
  return (
    <section aria-labelledby="vertretung" className="stack account-section">
      <h2 id="vertretung" className="kern-heading-medium">Vertretung</h2>
      <p className="kern-body">Ihre Vertretung können Sie zu Rapporten schicken, zu denen Sie eingeladen sind („Vertretung schicken“ unter Meine Termine). Sie muss zu Ihrer Behörde gehören.</p>
      <p className="kern-body">{me?.deputyId ? `Derzeit vertritt Sie ${current?.displayName ?? '…'}.` : 'Sie haben derzeit keine Vertretung benannt.'}</p>
      <form className="stack page--narrow" noValidate onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        {save.isSuccess && <Alert kind="success" title={deputyId ? 'Vertretung gespeichert' : 'Vertretung entfernt'} />}
        <FormProblem error={save.error instanceof ApiError && errors.deputyId ? null : save.error} />
        <SelectField label="Meine Vertretung" name="deputyId" value={deputyId} onChange={(e) => setDeputyId(e.target.value)} error={errors.deputyId}
          hint={colleagues.length ? undefined : 'In Ihrer Behörde gibt es sonst niemanden, der Sie vertreten könnte.'}>
          <option value="">Keine Vertretung</option>
          {colleagues.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
        </SelectField>
        <Button type="submit" disabled={save.isPending || (deputyId || null) === (me?.deputyId ?? null)}>Vertretung speichern</Button>
      </form>
    </section>
  );
}
