import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, download, type Schemas } from '../api/client';
import { Button, FormProblem, SelectField } from '../components/form';
import { DEVELOPMENT_COLUMNS } from '../components/developments';
import { MapView, type MapPoint } from '../components/MapView';
import { CursorTable, useCursorList } from '../components/paging';
import { TrendChart, type TrendSeries } from '../components/TrendChart';
import { formatDateTime } from '../format';
import { CATEGORIES, CATEGORY_LABELS, SENSITIVE_LABELS, type Category } from '../labels';
import { useAgencies, useDistricts, usePlaces } from '../reference-data';

const PERIODS = { '28': 'Letzte 4 Wochen', '91': 'Letzte 3 Monate', '365': 'Letzte 12 Monate' } as const;
type Period = keyof typeof PERIODS;
const PAGE = 25;

type Trends = Schemas['TrendsResponseDto'];

/**
 * One chart per group: the API's series (one per category and district) added up per district or
 * per category, over every bucket of the answer.
 */
function sumSeries(trends: Trends, key: (s: Trends['series'][number]) => string, name: (s: Trends['series'][number]) => string): Array<TrendSeries & { key: string }> {
  const byGroup = new Map<string, TrendSeries & { key: string }>();
  for (const s of trends.series) {
    const k = key(s);
    const entry = byGroup.get(k) ?? { key: k, name: name(s), points: trends.buckets.map((b) => ({ bucket: b.bucket, count: 0 })) };
    s.points.forEach((p) => {
      const slot = entry.points.find((x) => x.bucket === p.bucket);
      if (slot) slot.count += p.count;
    });
    byGroup.set(k, entry);
  }
  return [...byGroup.values()];
}

/**
 * Lagebild: the map, the filtered developments (25 a page, paged by cursor: a list of thousands
 * never puts more than one page into the DOM), the trends per district and per category, and the
 * CSV export. Every filter applies to all of them; the API counts only what the reader may see.
 */
export function SituationPage() {
  const [period, setPeriod] = useState<Period>('91');
  const [districtId, setDistrictId] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [nearSensitiveOnly, setNearSensitiveOnly] = useState(false);
  // Whole minutes, so that the query keys stay stable while the page is open.
  const from = useMemo(() => new Date(Math.floor(Date.now() / 60_000) * 60_000 - Number(period) * 86_400_000).toISOString(), [period]);
  const filter = { from, districtId: districtId || undefined, agencyId: agencyId || undefined, category: category ? [category] : undefined, nearSensitiveOnly: nearSensitiveOnly || undefined };
  const districts = useDistricts();
  const agencies = useAgencies();
  const places = usePlaces();

  const list = useCursorList(['developments', 'situation', filter], (cursor) => api<Schemas['DevelopmentPageDto']>('GET', '/developments', { query: { ...filter, limit: PAGE, cursor } }));
  const mapPoints = useQuery({
    queryKey: ['developments', 'map', filter],
    queryFn: () => api<Schemas['DevelopmentPageDto']>('GET', '/developments', { query: { ...filter, limit: 200 } }),
  });
  const interval = period === '365' ? 'month' : 'week';
  const trends = useQuery({
    queryKey: ['developments', 'trends', filter, interval],
    queryFn: () => api<Schemas['TrendsResponseDto']>('GET', '/developments/trends', { query: { ...filter, interval, groupBy: 'district' } }),
  });

  const points: MapPoint[] = useMemo(() => [
    ...(places.data ?? []).filter((p) => p.kind === 'sensitive').map((p) => ({ id: p.id, lat: p.lat, lon: p.lon, label: `${p.name} (${SENSITIVE_LABELS[p.sensitiveKind ?? ''] ?? 'sensibler Ort'})`, kind: 'sensitive' as const })),
    ...(mapPoints.data?.items ?? []).map((d) => ({ id: d.id, lat: d.lat, lon: d.lon, label: `${CATEGORY_LABELS[d.category]}, ${formatDateTime(d.observedAt)}`, kind: 'development' as const, flagged: !!d.nearestSensitivePlace })),
  ], [places.data, mapPoints.data]);

  const perDistrict = useMemo(() => trends.data
    ? sumSeries(trends.data, (s) => s.groupId ?? 'none', (s) => s.groupName ?? 'Ohne Bezirk').sort((a, b) => a.name.localeCompare(b.name, 'de'))
    : [], [trends.data]);
  // In the order of the categories in the form, not alphabetically.
  const perCategory = useMemo(() => trends.data
    ? sumSeries(trends.data, (s) => s.category, (s) => CATEGORY_LABELS[s.category]).sort((a, b) => CATEGORIES.indexOf(a.key as Category) - CATEGORIES.indexOf(b.key as Category))
    : [], [trends.data]);
  const intervalLabel = interval === 'week' ? 'Woche' : 'Monat';
  const agencyName = agencies.data?.find((a) => a.id === agencyId)?.name;
  const scope = [category && CATEGORY_LABELS[category], agencyName && `gemeldet von ${agencyName}`].filter(Boolean).join(', ');

  const [exportError, setExportError] = useState<unknown>(null);
  return (
    <>
      <h1 className="kern-heading-large">Lagebild</h1>
      <form className="filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Zeitraum" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
          {Object.entries(PERIODS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
        <SelectField label="Bezirk" value={districtId} onChange={(e) => setDistrictId(e.target.value)}>
          <option value="">Alle Bezirke</option>
          {(districts.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </SelectField>
        <SelectField label="Meldende Behörde" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
          <option value="">Alle Behörden</option>
          {[...(agencies.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'de')).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </SelectField>
        <SelectField label="Kategorie" value={category} onChange={(e) => setCategory(e.target.value as Category | '')}>
          <option value="">Alle Kategorien</option>
          {CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
        </SelectField>
        <div className="kern-form-check filters__check">
          <input className="kern-form-check__checkbox" type="checkbox" id="near-sensitive" checked={nearSensitiveOnly} onChange={(e) => setNearSensitiveOnly(e.target.checked)} />
          <label className="kern-label" htmlFor="near-sensitive">Nur nahe sensiblen Orten</label>
        </div>
      </form>

      <section aria-labelledby="map-heading" className="stack">
        <h2 id="map-heading" className="kern-heading-medium">Karte</h2>
        <p className="kern-body kern-body--small">Blaue Punkte: Meldungen (rot umrandet: nahe einem sensiblen Ort; bis zu 200 der neuesten). Weiße Kreise mit rotem Rand: besonders sensible Orte. Alle Meldungen stehen auch in der Liste unten.</p>
        <MapView label="Karte der Bezirke mit Meldungen und sensiblen Orten" districts={districts.data} points={points} />
      </section>

      <section aria-labelledby="list-heading" className="stack">
        <div className="section-head">
          <h2 id="list-heading" className="kern-heading-medium">Meldungen</h2>
          <Button variant="secondary" onClick={() => { setExportError(null); download('/developments/export.csv', filter, 'meldungen.csv').catch(setExportError); }}>
            Als CSV exportieren
          </Button>
        </div>
        <FormProblem error={exportError} />
        <CursorTable list={list} caption="Meldungen, neueste zuerst" pagerLabel="Seiten der Meldungsliste" columns={DEVELOPMENT_COLUMNS} empty="Keine Meldungen für diese Filter." />
      </section>

      <TrendSection id="trend-district" title="Entwicklung je Bezirk" series={perDistrict} trends={trends} intervalLabel={intervalLabel} scope={scope} />
      <TrendSection id="trend-category" title="Entwicklung je Kategorie" series={perCategory} trends={trends} intervalLabel={intervalLabel} scope={scope} />
    </>
  );
}

function TrendSection({ id, title, series, trends, intervalLabel, scope }: {
  id: string; title: string; series: TrendSeries[]; trends: { data?: Trends; isError: boolean; error: unknown }; intervalLabel: string; scope: string;
}) {
  return (
    <section aria-labelledby={id} className="stack">
      <h2 id={id} className="kern-heading-medium">{title}</h2>
      <p className="kern-body kern-body--small">Meldungen je {intervalLabel}{scope ? ` (${scope})` : ''}; jedes Diagramm hat eine Tabelle mit denselben Zahlen.</p>
      {trends.isError && <FormProblem error={trends.error} />}
      {trends.data && series.length === 0 && <p className="kern-body">Keine Meldungen im Zeitraum.</p>}
      <div className="trend-grid">
        {series.map((s) => <TrendChart key={s.name} series={s} intervalLabel={intervalLabel} />)}
      </div>
    </section>
  );
}
