import { useId, type ReactNode, type SelectHTMLAttributes, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError, OfflineError } from '../api/client';

interface FieldShell {
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
}

function Shell({ id, label, hint, error, optional, children }: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
        {optional && <span className="kern-label__optional"> – optional</span>}
      </label>
      {hint && <div className="kern-hint" id={`${id}-hint`}>{hint}</div>}
      {children}
      {error && (
        <p className="kern-error" id={`${id}-error`}>
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({ label, hint, error, optional, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint} error={error} optional={optional}>
      <input id={id} className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`} aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)} {...input} />
    </Shell>
  );
}

export function TextArea({ label, hint, error, optional, ...input }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea id={id} className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`} aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)} {...input} />
    </Shell>
  );
}

export function SelectField({ label, hint, error, optional, children, ...select }: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint} error={error} optional={optional}>
      <div className="kern-form-input__select-wrapper">
        <select id={id} className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`} aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)} {...select}>
          {children}
        </select>
      </div>
    </Shell>
  );
}

export function Alert({ kind, title, children }: { kind: 'danger' | 'info' | 'success' | 'warning'; title: string; children?: ReactNode }) {
  const icon = kind === 'danger' ? 'danger' : kind === 'success' ? 'success' : kind === 'warning' ? 'warning' : 'info';
  return (
    <div className={`kern-alert kern-alert--${kind}`} role={kind === 'danger' || kind === 'warning' ? 'alert' : 'status'}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children && <div className="kern-alert__body">{children}</div>}
    </div>
  );
}

/**
 * What went wrong with a submitted form, above it: a lost connection (the form keeps its input),
 * a version conflict (someone else changed it: offer to reload), or the API's problem. Field
 * errors are shown next to their fields (ApiError.fields).
 */
export function FormProblem({ error, onReload }: { error: unknown; onReload?: () => void }) {
  if (!error) return null;
  if (error instanceof OfflineError) return <Alert kind="warning" title="Keine Verbindung"><p className="kern-body">{error.message}</p></Alert>;
  if (error instanceof ApiError && error.isVersionConflict) {
    return (
      <Alert kind="warning" title="Inzwischen geändert">
        <p className="kern-body">Jemand anderes hat diesen Eintrag geändert, während Sie ihn bearbeitet haben. Ihre Änderung wurde nicht gespeichert.</p>
        {onReload && <button type="button" className="kern-btn kern-btn--secondary" onClick={onReload}><span className="kern-label">Aktuellen Stand laden</span></button>}
      </Alert>
    );
  }
  if (error instanceof ApiError) return <Alert kind="danger" title="Nicht gespeichert"><p className="kern-body">{error.message}</p></Alert>;
  return <Alert kind="danger" title="Fehler"><p className="kern-body">{(error as Error).message}</p></Alert>;
}

export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}

export function Button({ children, variant = 'primary', ...rest }: { variant?: 'primary' | 'secondary' | 'tertiary' } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button className={`kern-btn kern-btn--${variant}`} {...rest}><span className="kern-label">{children}</span></button>;
}
