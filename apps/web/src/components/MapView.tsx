import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Schemas } from '../api/client';
import { useWebConfig } from '../reference-data';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  label: string;
  kind: 'development' | 'sensitive' | 'picked';
  flagged?: boolean;
}

interface Props {
  label: string;
  districts?: Schemas['DistrictResponseDto'][];
  points?: MapPoint[];
  onPick?: (lat: number, lon: number) => void;
  height?: number;
}

const STYLE: Record<MapPoint['kind'], L.CircleMarkerOptions> = {
  development: { radius: 6, color: '#1a4d8f', weight: 2, fillColor: '#3d7cc9', fillOpacity: 0.8 },
  sensitive: { radius: 8, color: '#8a1c1c', weight: 3, fillColor: '#ffffff', fillOpacity: 1 },
  picked: { radius: 9, color: '#000000', weight: 3, fillColor: '#f2b705', fillOpacity: 1 },
};

/**
 * A Leaflet map of the districts (GeoJSON from the API) and points. Tiles only when the server has
 * MAP_TILE_URL: inside a city network there is often no tile server, and the districts over a
 * neutral background are enough to orient. Circle markers (vector) need no icon images.
 * Every point on it is also in a list or table on the same page (the map is not the only way).
 */
export function MapView({ label, districts = [], points = [], onPick, height = 360 }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const fitted = useRef(false);
  const pick = useRef(onPick);
  pick.current = onPick;
  const config = useWebConfig();

  useEffect(() => {
    if (!el.current || !config.data || map.current) return;
    const b = config.data.cityBounds;
    const m = L.map(el.current, { zoomControl: true, attributionControl: true });
    m.fitBounds([[b.minLat, b.minLon], [b.maxLat, b.maxLon]]);
    if (config.data.mapTileUrl) {
      L.tileLayer(config.data.mapTileUrl, { attribution: config.data.mapTileAttribution ?? '', maxZoom: 19 }).addTo(m);
    }
    m.attributionControl.setPrefix(false);
    m.on('click', (e: L.LeafletMouseEvent) => pick.current?.(Number(e.latlng.lat.toFixed(6)), Number(e.latlng.lng.toFixed(6))));
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      fitted.current = false;
    };
  }, [config.data]);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    const outlines = L.featureGroup();
    for (const d of districts) {
      if (!d.boundary) continue;
      L.geoJSON(d.boundary as unknown as GeoJSON.GeoJsonObject, { style: { color: '#4a4a4a', weight: 2, fillColor: '#9db4cf', fillOpacity: 0.15 }, interactive: false })
        .bindTooltip(d.name).addTo(outlines);
    }
    outlines.addTo(group);
    // Open on the districts once they are known (the configured city area is only the frame).
    if (!fitted.current && outlines.getLayers().length && map.current) {
      map.current.fitBounds(outlines.getBounds(), { padding: [12, 12] });
      fitted.current = true;
    }
    for (const p of points) {
      const style = p.flagged ? { ...STYLE[p.kind], color: '#8a1c1c' } : STYLE[p.kind];
      const marker = L.circleMarker([p.lat, p.lon], { ...style, interactive: !onPick, className: `map-point map-point--${p.kind}${p.flagged ? ' map-point--flagged' : ''}` }).bindTooltip(p.label).addTo(group);
      // Which record a point shows, for the browser tests that check what a reader may see on the map.
      marker.getElement()?.setAttribute('data-id', p.id);
    }
  }, [districts, points, config.data, onPick]);

  return <div ref={el} className="map" role="region" aria-label={label} style={{ height }} />;
}
