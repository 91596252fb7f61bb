import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { Alert, Button, fieldErrors, FormProblem, SelectField, TextArea, TextField } from '../components/form';
import { MapView } from '../components/MapView';
import { fromLocalInput, toLocalInput } from '../format';
import { CATEGORIES, CATEGORY_LABELS, SENSITIVE_LABELS, SEVERITY_LABELS, VISIBILITY_LABELS, type Category, type Visibility } from '../labels';
import { useAgencies, useDistricts, usePlaces, useSubstances } from '../reference-data';

type Development = Schemas['DevelopmentResponseDto'];

interface FormState {
  category: Category | '';
  observedAt: string;
  where: 'place' | 'point';
  placeId: string;
  lat: string;
  lon: string;
  count: string;
  substances: string[];
  severity: string;
  description: string;
  visibility: Visibility;
  visibleAgencyIds: string[];
}

function initial(dev?: Development): FormState {
  if (!dev) {
    return { category: '', observedAt: toLocalInput(new Date()), where: 'place', placeId: '', lat: '', lon: '', count: '', substances: [], severity: '3', description: '', visibility: 'all', visibleAgencyIds: [] };
  }
  return {
    category: dev.category, observedAt: toLocalInput(new Date(dev.observedAt)), where: dev.place ? 'place' : 'point', placeId: dev.place?.id ?? '',
    lat: String(dev.lat), lon: String(dev.lon), count: dev.count === null ? '' : String(dev.count), substances: dev.substances, severity: String(dev.severity),
    description: dev.description, visibility: dev.visibility, visibleAgencyIds: dev.visibleAgencyIds,
  };
}

/**
 * Lage melden, and the correction of a development (with its version: a 409 says that someone
 * else changed it and offers the current state). A lost connection keeps everything typed.
 */
export function ReportForm({ existing, onSaved, onReload }: { existing?: Development; onSaved: (d: Development) => void; onReload?: () => void }) {
  const { me } = useAuth();
  const [form, setForm] = useState<FormState>(() => initial(existing));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const places = usePlaces();
  const districts = useDistricts();
  const substances = useSubstances();
  const agencies = useAgencies();
  const queryClient = useQueryClient();
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => existing
      ? api<Development>('PATCH', `/developments/${existing.id}`, { body: { ...body, version: existing.version } })
      : api<Development>('POST', '/developments', { body }),
    onSuccess: (dev) => {
      void queryClient.invalidateQueries({ queryKey: ['developments'] });
      onSaved(dev);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.category) errors.category = 'Bitte eine Kategorie wählen.';
    if (!form.observedAt) errors.observedAt = 'Bitte Datum und Uhrzeit angeben.';
    if (form.where === 'place' && !form.placeId) errors.placeId = 'Bitte einen Ort wählen oder „Punkt auf der Karte“ nehmen.';
    if (form.where === 'point' && (form.lat === '' || form.lon === '')) errors.lat = 'Bitte einen Punkt auf der Karte wählen oder Breite und Länge eingeben.';
    if (form.visibility === 'agencies' && form.visibleAgencyIds.length === 0) errors.visibleAgencyIds = 'Bitte mindestens eine Behörde auswählen.';
    setLocalErrors(errors);
    if (Object.keys(errors).length) return;
    const body: Record<string, unknown> = {
      category: form.category, observedAt: fromLocalInput(form.observedAt), severity: Number(form.severity), substances: form.substances,
      description: form.description, visibility: form.visibility,
      ...(form.visibility === 'agencies' ? { visibleAgencyIds: form.visibleAgencyIds } : existing ? { visibleAgencyIds: [] } : {}),
      ...(form.where === 'place' ? { placeId: form.placeId } : { lat: Number(form.lat.replace(',', '.')), lon: Number(form.lon.replace(',', '.')) }),
    };
    if (form.count !== '') body.count = Number(form.count);
    else if (existing) body.count = null;
    save.mutate(body);
  }

  const errors = { ...fieldErrors(save.error), ...localErrors };
  const picked = useMemo(() => (form.where === 'point' && form.lat && form.lon ? [{ id: 'picked', lat: Number(form.lat), lon: Number(form.lon), label: 'Gewählter Punkt', kind: 'picked' as const }] : []), [form.where, form.lat, form.lon]);
  const sensitive = useMemo(() => (places.data ?? []).filter((p) => p.kind === 'sensitive').map((p) => ({ id: p.id, lat: p.lat, lon: p.lon, label: `${p.name} (${SENSITIVE_LABELS[p.sensitiveKind ?? ''] ?? 'sensibler Ort'})`, kind: 'sensitive' as const })), [places.data]);
  const otherAgencies = (agencies.data ?? []).filter((a) => a.id !== me?.agency?.id);

  return (
    <form onSubmit={submit} noValidate className="stack report-form">
      <FormProblem error={save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED' ? null : save.error} onReload={onReload} />
      {(Object.keys(localErrors).length > 0 || (save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED')) && <Alert kind="danger" title="Bitte prüfen Sie die markierten Felder." />}

      <SelectField label="Kategorie" name="category" value={form.category} onChange={(e) => set('category', e.target.value as Category)} error={errors.category} required>
        <option value="">Bitte wählen</option>
        {CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
      </SelectField>

      <TextField label="Beobachtet am" type="datetime-local" name="observedAt" value={form.observedAt} max={toLocalInput(new Date())}
        onChange={(e) => set('observedAt', e.target.value)} error={errors.observedAt} hint="Uhrzeit in Berlin; vorausgefüllt mit jetzt." required />

      <fieldset className="kern-fieldset">
        <legend className="kern-label">Ort</legend>
        <div className="kern-fieldset__body kern-fieldset__body--horizontal">
          <div className="kern-form-check">
            <input className="kern-form-check__radio" type="radio" id="where-place" name="where" checked={form.where === 'place'} onChange={() => set('where', 'place')} />
            <label className="kern-label" htmlFor="where-place">Ort aus der Liste</label>
          </div>
          <div className="kern-form-check">
            <input className="kern-form-check__radio" type="radio" id="where-point" name="where" checked={form.where === 'point'} onChange={() => set('where', 'point')} />
            <label className="kern-label" htmlFor="where-point">Punkt auf der Karte</label>
          </div>
        </div>
      </fieldset>
      {form.where === 'place' ? (
        <SelectField label="Ort" name="placeId" value={form.placeId} onChange={(e) => set('placeId', e.target.value)} error={errors.placeId}>
          <option value="">Bitte wählen</option>
          {(places.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}{p.district ? ` (${p.district.name})` : ''}{p.kind === 'sensitive' ? ' – sensibler Ort' : ''}</option>)}
        </SelectField>
      ) : (
        <div className="stack">
          <p className="kern-body kern-body--small" id="map-hint">Tippen oder klicken Sie auf die Karte, um den Punkt zu setzen, oder geben Sie die Koordinaten ein. Rote Kreise: besonders sensible Orte.</p>
          <MapView label="Karte zur Wahl des Punkts" districts={districts.data} points={[...sensitive, ...picked]} onPick={(lat, lon) => setForm((f) => ({ ...f, lat: String(lat), lon: String(lon) }))} height={300} />
          <div className="two-columns">
            <TextField label="Breite (Latitude)" name="lat" inputMode="decimal" value={form.lat} onChange={(e) => set('lat', e.target.value)} error={errors.lat} />
            <TextField label="Länge (Longitude)" name="lon" inputMode="decimal" value={form.lon} onChange={(e) => set('lon', e.target.value)} error={errors.lon} />
          </div>
        </div>
      )}

      <TextField label="Anzahl" name="count" type="number" min={0} inputMode="numeric" optional value={form.count} onChange={(e) => set('count', e.target.value)} error={errors.count} hint="Zum Beispiel gefundene Spritzen oder eingegangene Beschwerden." />

      <fieldset className="kern-fieldset">
        <legend className="kern-label">Substanzen <span className="kern-label__optional">– optional</span></legend>
        <div className="kern-fieldset__body substances">
          {(substances.data ?? []).map((s) => (
            <div className="kern-form-check" key={s.code}>
              <input className="kern-form-check__checkbox" type="checkbox" id={`substance-${s.code}`} checked={form.substances.includes(s.code)}
                onChange={(e) => set('substances', e.target.checked ? [...form.substances, s.code] : form.substances.filter((c) => c !== s.code))} />
              <label className="kern-label" htmlFor={`substance-${s.code}`}>{s.label}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <SelectField label="Schweregrad" name="severity" value={form.severity} onChange={(e) => set('severity', e.target.value)} error={errors.severity}>
        {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{SEVERITY_LABELS[n]}</option>)}
      </SelectField>

      <TextArea label="Beschreibung" name="description" rows={4} optional value={form.description} onChange={(e) => set('description', e.target.value)} error={errors.description}
        hint="Was wurde beobachtet? Keine personenbezogenen Daten: keine Namen, Personenbeschreibungen oder Kennzeichen." maxLength={4000} />

      <fieldset className="kern-fieldset">
        <legend className="kern-label">Wer sieht diese Meldung?</legend>
        <div className="kern-fieldset__body">
          {(Object.keys(VISIBILITY_LABELS) as Visibility[]).map((v) => (
            <div className="kern-form-check" key={v}>
              <input className="kern-form-check__radio" type="radio" id={`visibility-${v}`} name="visibility" checked={form.visibility === v} onChange={() => set('visibility', v)} aria-describedby={`visibility-${v}-hint`} />
              <label className="kern-label" htmlFor={`visibility-${v}`}>{VISIBILITY_LABELS[v].label}</label>
              <div className="kern-hint" id={`visibility-${v}-hint`}>{VISIBILITY_LABELS[v].explanation}</div>
            </div>
          ))}
        </div>
      </fieldset>
      {form.visibility === 'agencies' && (
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Zusätzlich sichtbar für</legend>
          <div className="kern-fieldset__body">
            {otherAgencies.map((a) => (
              <div className="kern-form-check" key={a.id}>
                <input className="kern-form-check__checkbox" type="checkbox" id={`agency-${a.id}`} checked={form.visibleAgencyIds.includes(a.id)}
                  onChange={(e) => set('visibleAgencyIds', e.target.checked ? [...form.visibleAgencyIds, a.id] : form.visibleAgencyIds.filter((x) => x !== a.id))} />
                <label className="kern-label" htmlFor={`agency-${a.id}`}>{a.name}</label>
              </div>
            ))}
          </div>
          {errors.visibleAgencyIds && <p className="kern-error"><span className="kern-body">{errors.visibleAgencyIds}</span></p>}
        </fieldset>
      )}

      <Button type="submit" disabled={save.isPending}>{save.isPending ? 'Wird gespeichert …' : existing ? 'Berichtigung speichern' : 'Meldung absenden'}</Button>
    </form>
  );
}
