import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import { Alert, Button, fieldErrors, FormProblem, TextField } from '../components/form';

export function PasswordPage() {
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => api('POST', '/me/password', { body: { oldPassword, newPassword } }),
    onSuccess: () => { setOld(''); setNew(''); setRepeat(''); },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setMismatch(newPassword !== repeat);
    if (newPassword === repeat) change.mutate();
  }
  const errors = fieldErrors(change.error);
  return (
    <>
      <h1 className="kern-heading-large">Passwort ändern</h1>
      <form className="stack page--narrow" onSubmit={submit} noValidate>
        {change.isSuccess && <Alert kind="success" title="Passwort geändert"><p className="kern-body">Ihre anderen Sitzungen wurden beendet.</p></Alert>}
        <FormProblem error={change.error instanceof ApiError && Object.keys(errors).length ? null : change.error} />
        <TextField label="Bisheriges Passwort" type="password" autoComplete="current-password" value={oldPassword} onChange={(e) => setOld(e.target.value)} error={errors.oldPassword} />
        <TextField label="Neues Passwort" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} error={errors.newPassword} hint="Mindestens 12 Zeichen." />
        <TextField label="Neues Passwort wiederholen" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} error={mismatch ? 'Die beiden Eingaben stimmen nicht überein.' : undefined} />
        <Button type="submit" disabled={change.isPending}>Passwort ändern</Button>
      </form>
    </>
  );
}
