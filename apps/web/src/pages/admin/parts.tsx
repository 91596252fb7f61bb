import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, SelectField } from '../../components/form';

/** The `active` filter of the admin lists: all, active only, deactivated only. */
export type ActiveChoice = '' | 'true' | 'false';
export function ActiveFilter({ value, onChange }: { value: ActiveChoice; onChange: (v: ActiveChoice) => void }) {
  return (
    <SelectField label="Status" value={value} onChange={(e) => onChange(e.target.value as ActiveChoice)}>
      <option value="">Alle</option>
      <option value="true">Aktiv</option>
      <option value="false">Deaktiviert</option>
    </SelectField>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  return active
    ? <span className="kern-badge kern-badge--success kern-badge--small"><span className="kern-label">aktiv</span></span>
    : <span className="kern-badge kern-badge--warning kern-badge--small"><span className="kern-label">deaktiviert</span></span>;
}

/** A group of checkboxes with one legend, and the error the API names for the group's field next to it. */
export function CheckGroup<T extends string>({ legend, options, value, onChange, error, hint }: {
  legend: string; options: Array<{ value: T; label: string }>; value: T[]; onChange: (v: T[]) => void; error?: string; hint?: ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="kern-fieldset" aria-describedby={described}>
      <legend className="kern-label">{legend}</legend>
      {hint && <div className="kern-hint" id={`${id}-hint`}>{hint}</div>}
      <div className="kern-fieldset__body">
        {options.map((o) => (
          <div className="kern-form-check" key={o.value}>
            <input className="kern-form-check__checkbox" type="checkbox" id={`${id}-${o.value}`} checked={value.includes(o.value)} aria-invalid={error ? true : undefined}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))} />
            <label className="kern-label" htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {error && (
        <p className="kern-error" id={`${id}-error`}>
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      )}
    </fieldset>
  );
}

/**
 * A secret the API shows only once (a webhook's signing secret): read-only, selectable, with a
 * copy button; nothing keeps it once the page is left.
 */
export function OnceSecret({ secret, title }: { secret: string; title: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  // The secret appears after a button press: take the focus there, so that it is read out and found.
  useEffect(() => input.current?.focus(), [secret]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  }
  return (
    <div className="kern-alert kern-alert--warning">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      <div className="kern-alert__body stack">
        <p className="kern-body">Dieses Geheimnis wird nur jetzt angezeigt. Hinterlegen Sie es sofort beim Empfänger des Webhooks; es prüft damit die Signatur jeder Nachricht (HMAC-SHA256).</p>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={id}>Signatur-Geheimnis</label>
          <input id={id} ref={input} className="kern-form-input__input secret-value" readOnly value={secret} onFocus={(e) => e.target.select()} />
        </div>
        <div className="section-head">
          <Button type="button" variant="secondary" onClick={() => void copy()}>Geheimnis kopieren</Button>
          <span className="kern-body" role="status">
            {copied === 'yes' && 'In die Zwischenablage kopiert.'}
            {copied === 'no' && 'Kopieren nicht möglich: Das Geheimnis ist markiert, bitte mit Strg+C kopieren.'}
          </span>
        </div>
      </div>
    </div>
  );
}
