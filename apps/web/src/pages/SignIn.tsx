import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth';
import { Button, FormProblem, TextField } from '../components/form';
import { ApiError } from '../api/client';

export function SignInPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await auth.signIn(email, password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/anmelden' ? from : '/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fields = error instanceof ApiError ? error.fields : {};
  return (
    <main id="inhalt" className="kern-container page page--narrow" tabIndex={-1}>
      <h1 className="kern-heading-large">Anmelden</h1>
      <p className="kern-body">Drogenrapport – Koordination der Behörden und Träger zur offenen Drogenszene.</p>
      <form onSubmit={submit} noValidate className="stack" aria-describedby="anmelden-hinweis">
        <FormProblem error={error && !(error instanceof ApiError && error.code === 'VALIDATION_FAILED') ? error : null} />
        <TextField label="E-Mail-Adresse" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} />
        <TextField label="Passwort" type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={fields.password} />
        <p id="anmelden-hinweis" className="kern-body kern-body--small">Nach der Anmeldung bleibt die Sitzung in diesem Browser bestehen, bis Sie sich abmelden.</p>
        <Button type="submit" disabled={busy}>{busy ? 'Anmeldung läuft …' : 'Anmelden'}</Button>
      </form>
    </main>
  );
}
