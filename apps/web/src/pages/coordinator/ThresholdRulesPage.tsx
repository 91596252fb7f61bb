import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { Alert, Button, fieldErrors, FormProblem, SelectField, TextField } from '../../components/form';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../labels';
import { useDistricts, usePlaces } from '../../reference-data';
import { describeThreshold, SCOPE_LABELS, type ScopeKind } from './rule-labels';

type Rule = Schemas['ThresholdRuleResponseDto'];

const scopeText = (r: Rule) => (r.scopeKind === 'district' ? `Bezirk ${r.district?.name ?? ''}` : r.scopeKind === 'place' ? `Ort ${r.place?.name ?? ''}` : 'Besonders sensible Orte');

/** Schwellenwert-Regeln: when a rule is breached, the worker proposes an escalation to the coordinators. */
export function ThresholdRulesPage() {
  const [showInactive, setShowInactive] = useState(false);
  const location = useLocation();
  const queryClient = useQueryClient();
  const rules = useQuery({
    queryKey: ['threshold-rules', showInactive],
    queryFn: () => api<Schemas['ThresholdRulePageDto']>('GET', '/threshold-rules', { query: { limit: 200, active: showInactive ? undefined : true } }).then((p) => p.items),
  });
  const deactivate = useMutation({
    mutationFn: (r: Rule) => api<Rule>('POST', `/threshold-rules/${r.id}/deactivate`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['threshold-rules'] }),
  });
  const navigate = useNavigate();
  // Said once after saving, not again after a reload.
  const [saved] = useState(() => (location.state as { savedRule?: string } | null)?.savedRule);
  useEffect(() => {
    if (saved) navigate(location.pathname, { replace: true, state: null });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on arrival

  return (
    <>
      <h1 className="kern-heading-large">Schwellenwert-Regeln</h1>
      <p className="kern-body">Eine Regel zählt die Meldungen ihrer Kategorien im gewählten Bereich und Zeitraum, sobald Meldungen eingehen und alle 15 Minuten. Wird die Schwelle erreicht, schlägt sie eine <Link to="/eskalationen">Eskalation</Link> vor. Gezählt werden alle Meldungen, auch solche, die nicht jede Behörde sehen darf; der Vorschlag selbst enthält keine Zahlen.</p>
      {saved && <Alert kind="success" title={`Regel „${saved}“ gespeichert.`} />}
      <div className="section-head">
        <div className="kern-form-check">
          <input className="kern-form-check__checkbox" type="checkbox" id="show-inactive" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          <label className="kern-label" htmlFor="show-inactive">Auch deaktivierte Regeln zeigen</label>
        </div>
        <Link className="kern-btn kern-btn--secondary" to="/schwellenwerte/neu"><span className="kern-label">Neue Regel</span></Link>
      </div>
      <FormProblem error={rules.error ?? deactivate.error} />
      <DataTable caption="Schwellenwert-Regeln" rows={rules.data} empty="Keine Regeln." columns={[
        { header: 'Name', cell: (r) => <Link to={`/schwellenwerte/${r.id}`} aria-label={`${r.name} bearbeiten`}>{r.name}</Link> },
        { header: 'Kategorien', cell: (r) => r.categories.map((c) => CATEGORY_LABELS[c]).join(', ') },
        { header: 'Bereich', cell: scopeText },
        { header: 'Schwelle', cell: describeThreshold },
        { header: 'Status', cell: (r) => (r.active ? 'Aktiv' : 'Deaktiviert') },
        {
          header: <span className="kern-sr-only">Aktionen</span>,
          kind: 'action',
          cell: (r) => r.active && (
            <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" aria-label={`Deaktivieren: ${r.name}`} disabled={deactivate.isPending} onClick={() => deactivate.mutate(r)}>
              <span className="kern-label">Deaktivieren</span>
            </button>
          ),
        },
      ]} />
    </>
  );
}

interface RuleForm {
  name: string;
  categories: Category[];
  scopeKind: ScopeKind;
  districtId: string;
  placeId: string;
  windowDays: string;
  thresholdKind: 'count' | 'rise';
  threshold: string;
}

function initial(r?: Rule): RuleForm {
  if (!r) return { name: '', categories: [], scopeKind: 'district', districtId: '', placeId: '', windowDays: '28', thresholdKind: 'count', threshold: '' };
  return {
    name: r.name, categories: r.categories, scopeKind: r.scopeKind, districtId: r.district?.id ?? '', placeId: r.place?.id ?? '', windowDays: String(r.windowDays),
    thresholdKind: r.risePercent !== null ? 'rise' : 'count', threshold: String(r.risePercent ?? r.minCount ?? ''),
  };
}

/** New rule (/schwellenwerte/neu) or a change to one (with its version: 409 offers the current state). */
export function RuleEditPage() {
  const { id } = useParams();
  const [round, setRound] = useState(0);
  const rule = useQuery({ queryKey: ['threshold-rules', 'one', id], enabled: !!id, queryFn: () => api<Rule>('GET', `/threshold-rules/${id}`) });
  const reload = () => void rule.refetch().then(() => setRound((n) => n + 1));
  if (id && rule.isPending) return <p className="kern-body" role="status">Wird geladen …</p>;
  if (id && rule.isError) return <><h1 className="kern-heading-large">Schwellenwert-Regel</h1><FormProblem error={rule.error} /></>;
  return (
    <>
      <h1 className="kern-heading-large">{id ? 'Schwellenwert-Regel bearbeiten' : 'Neue Schwellenwert-Regel'}</h1>
      <p className="kern-body"><Link to="/schwellenwerte">Zurück zu den Regeln</Link></p>
      {rule.data && !rule.data.active && <Alert kind="warning" title="Diese Regel ist deaktiviert und wird nicht mehr ausgewertet." />}
      <RuleFormView key={`${rule.data?.version ?? 0}-${round}`} existing={rule.data} onReload={reload} />
    </>
  );
}

function RuleFormView({ existing, onReload }: { existing?: Rule; onReload: () => void }) {
  const [form, setForm] = useState<RuleForm>(() => initial(existing));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const districts = useDistricts();
  const places = usePlaces();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = useMutation({
    mutationFn: () => {
      const n = Number(form.threshold);
      const body = {
        name: form.name, categories: form.categories, scopeKind: form.scopeKind, windowDays: Number(form.windowDays),
        districtId: form.scopeKind === 'district' ? form.districtId : null, placeId: form.scopeKind === 'place' ? form.placeId : null,
        minCount: form.thresholdKind === 'count' ? n : null, risePercent: form.thresholdKind === 'rise' ? n : null,
      };
      return existing
        ? api<Rule>('PATCH', `/threshold-rules/${existing.id}`, { body: { ...body, version: existing.version } satisfies Schemas['UpdateThresholdRuleDto'] })
        : api<Rule>('POST', '/threshold-rules', { body: body satisfies Schemas['CreateThresholdRuleDto'] });
    },
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['threshold-rules'] });
      navigate('/schwellenwerte', { state: { savedRule: r.name } });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.name.trim()) errors.name = 'Bitte einen Namen angeben.';
    if (!form.categories.length) errors.categories = 'Bitte mindestens eine Kategorie wählen.';
    if (form.scopeKind === 'district' && !form.districtId) errors.districtId = 'Bitte einen Bezirk wählen.';
    if (form.scopeKind === 'place' && !form.placeId) errors.placeId = 'Bitte einen Ort wählen.';
    if (!(Number(form.windowDays) >= 1)) errors.windowDays = 'Bitte eine Zahl von Tagen ab 1 angeben.';
    if (!(Number(form.threshold) >= 1)) errors[form.thresholdKind === 'count' ? 'minCount' : 'risePercent'] = 'Bitte eine Zahl ab 1 angeben.';
    setLocalErrors(errors);
    if (!Object.keys(errors).length) save.mutate();
  }

  const errors = { ...fieldErrors(save.error), ...localErrors };
  const preview = Number(form.threshold) >= 1 && Number(form.windowDays) >= 1
    ? describeThreshold({ windowDays: Number(form.windowDays), minCount: form.thresholdKind === 'count' ? Number(form.threshold) : null, risePercent: form.thresholdKind === 'rise' ? Number(form.threshold) : null })
    : null;
  return (
    <form onSubmit={submit} noValidate className="stack report-form">
      <FormProblem error={save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED' ? null : save.error} onReload={onReload} />
      {(Object.keys(localErrors).length > 0 || (save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED')) && <Alert kind="danger" title="Bitte prüfen Sie die markierten Felder." />}
      <TextField label="Name" name="name" value={form.name} onChange={(e) => set('name', e.target.value)} maxLength={200} error={errors.name} hint="Zum Beispiel „Spritzenfunde an Kitas“." />

      <fieldset className="kern-fieldset">
        <legend className="kern-label">Kategorien</legend>
        <div className="kern-fieldset__body substances">
          {CATEGORIES.map((c) => (
            <div className="kern-form-check" key={c}>
              <input className="kern-form-check__checkbox" type="checkbox" id={`rule-cat-${c}`} checked={form.categories.includes(c)}
                onChange={(e) => set('categories', e.target.checked ? [...form.categories, c] : form.categories.filter((x) => x !== c))} />
              <label className="kern-label" htmlFor={`rule-cat-${c}`}>{CATEGORY_LABELS[c]}</label>
            </div>
          ))}
        </div>
        {errors.categories && <p className="kern-error"><span className="kern-body">{errors.categories}</span></p>}
      </fieldset>

      <fieldset className="kern-fieldset">
        <legend className="kern-label">Bereich</legend>
        <div className="kern-fieldset__body">
          {(Object.keys(SCOPE_LABELS) as ScopeKind[]).map((s) => (
            <div className="kern-form-check" key={s}>
              <input className="kern-form-check__radio" type="radio" id={`rule-scope-${s}`} name="scopeKind" checked={form.scopeKind === s} onChange={() => set('scopeKind', s)} />
              <label className="kern-label" htmlFor={`rule-scope-${s}`}>{SCOPE_LABELS[s]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {form.scopeKind === 'district' && (
        <SelectField label="Bezirk" name="districtId" value={form.districtId} onChange={(e) => set('districtId', e.target.value)} error={errors.districtId}>
          <option value="">Bitte wählen</option>
          {(districts.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </SelectField>
      )}
      {form.scopeKind === 'place' && (
        <SelectField label="Ort" name="placeId" value={form.placeId} onChange={(e) => set('placeId', e.target.value)} error={errors.placeId}>
          <option value="">Bitte wählen</option>
          {(places.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}{p.district ? ` (${p.district.name})` : ''}</option>)}
        </SelectField>
      )}
      {form.scopeKind === 'sensitive' && <p className="kern-body kern-body--small">Gezählt werden Meldungen nahe einem besonders sensiblen Ort (Kita, Schule, Spielplatz), für jeden dieser Orte einzeln.</p>}

      <TextField label="Zeitraum in Tagen" type="number" name="windowDays" min={1} max={366} inputMode="numeric" value={form.windowDays} onChange={(e) => set('windowDays', e.target.value)} error={errors.windowDays}
        hint="Die Tage bis jetzt, nach dem Zeitpunkt der Beobachtung." />

      <fieldset className="kern-fieldset">
        <legend className="kern-label">Schwelle</legend>
        <div className="kern-fieldset__body">
          <div className="kern-form-check">
            <input className="kern-form-check__radio" type="radio" id="rule-threshold-count" name="thresholdKind" checked={form.thresholdKind === 'count'} onChange={() => set('thresholdKind', 'count')} />
            <label className="kern-label" htmlFor="rule-threshold-count">Mindestanzahl von Meldungen im Zeitraum</label>
          </div>
          <div className="kern-form-check">
            <input className="kern-form-check__radio" type="radio" id="rule-threshold-rise" name="thresholdKind" checked={form.thresholdKind === 'rise'} onChange={() => set('thresholdKind', 'rise')} />
            <label className="kern-label" htmlFor="rule-threshold-rise">Anstieg in Prozent gegenüber dem Zeitraum davor</label>
          </div>
        </div>
      </fieldset>
      <TextField label={form.thresholdKind === 'count' ? 'Mindestanzahl' : 'Anstieg in Prozent'} type="number" name="threshold" min={1} inputMode="numeric" value={form.threshold}
        onChange={(e) => set('threshold', e.target.value)} error={form.thresholdKind === 'count' ? errors.minCount : errors.risePercent ?? errors.minCount}
        hint={preview ? `Die Regel schlägt an bei ${preview}.` : undefined} />

      <div><Button type="submit" disabled={save.isPending}>{save.isPending ? 'Wird gespeichert …' : existing ? 'Änderung speichern' : 'Regel anlegen'}</Button></div>
    </form>
  );
}
