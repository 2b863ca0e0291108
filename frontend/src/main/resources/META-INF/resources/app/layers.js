// The map's layers, bottom to top: the basemap, the districts' colours, the service's raster tiles
// (in Leaflet's tile pane), and the municipalities' outlines that highlight under the pointer. Legends
// come from the same TileJSON as the tiles (one place for all styles: the service).

import { getJson } from './api.js';

// One colour per district, from the colour-blind-safe Okabe–Ito palette.
export const DISTRICT_COLOURS = {
  VR04: '#E69F00', // IJsselland
  VR05: '#56B4E9', // Twente
  VR06: '#009E73', // Noord- en Oost-Gelderland
  VR07: '#CC79A7', // Gelderland-Midden
  VR08: '#0072B2', // Gelderland-Zuid
};

const INCIDENT_POINT = '#e31a1c';
const POINT_LAYERS = new Set(['hemp-sites']);

export class MapLayers {
  constructor(map, layerInfos, onTileError) {
    // from this zoom the service draws this account's incidents as points (analysts only)
    this.pointsFromZoom = layerInfos.find((info) => info.id === 'incidents')?.rawPointsFromZoom ?? null;
    this.scope = null;
    this.map = map;
    map.createPane('basiskaart').style.zIndex = '100';
    map.createPane('districten').style.zIndex = '150';
    this.infos = [{ id: 'districts', title: 'Districten' }, ...layerInfos];
    this.tiles = new Map();
    this.query = new URLSearchParams();
    this.measure = 'count';
    this.outlines = null;
    this.districtFill = null;
    for (const info of layerInfos) {
      // {r} is "@2x" on high-DPI screens: the service draws the same map on twice the pixels.
      const layer = L.tileLayer('', { maxZoom: 19, opacity: 0.75, className: `laag-${info.id}`, detectRetina: false,
        attribution: 'Veiligheidskaart' });
      layer.on('tileerror', () => onTileError(info));
      this.tiles.set(info.id, layer);
    }
  }

  titleOf(id) {
    return this.infos.find((info) => info.id === id)?.title ?? id;
  }

  /** The municipalities: outlines that show their names on hover, and their districts' colours underneath. */
  setMunicipalities(collection) {
    const withGeometry = collection.features.filter((f) => f.geometry);
    this.districtFill = L.geoJSON(withGeometry, {
      pane: 'districten',
      interactive: false,
      style: (feature) => ({
        className: 'districtvlak', stroke: false, fillOpacity: 1,
        fillColor: DISTRICT_COLOURS[feature.properties.districtCode] ?? '#999999',
      }),
    });
    this.outlines = L.geoJSON(withGeometry, {
      style: () => ({ className: 'gemeente', color: '#333333', weight: 1, fillColor: '#ffffff', fillOpacity: 0 }),
      onEachFeature: (feature, path) => {
        path.bindTooltip(feature.properties.name, { sticky: true, direction: 'top' });
        path.on('mouseover', () => path.setStyle({ weight: 3 }));
        path.on('mouseout', () => this.outlines.resetStyle(path));
      },
    }).addTo(this.map);
    return this.outlines;
  }

  /** Shows exactly the given layers with their opacities and the current filters. */
  apply(visible, opacity, query, measure) {
    this.query = query;
    this.measure = measure;
    this.districtOpacity = opacity.districts ?? 0.45;
    if (this.districtFill) {
      this.districtFill.setStyle({ fillOpacity: this.districtOpacity });
      if (visible.includes('districts')) this.districtFill.addTo(this.map);
      else this.districtFill.remove();
    }
    for (const [id, layer] of this.tiles) {
      layer.setOpacity(opacity[id] ?? 0.75);
      if (visible.includes(id)) {
        layer.setUrl(this.urlOf(id), false);
        if (!this.map.hasLayer(layer)) layer.addTo(this.map);
      } else if (this.map.hasLayer(layer)) {
        this.map.removeLayer(layer);
      }
    }
    this.outlines?.bringToFront();
  }

  urlOf(id) {
    const params = new URLSearchParams(this.query);
    if (id === 'municipalities') params.set('measure', this.measure);
    const query = params.toString();
    return `/api/v1/tiles/${id}/{z}/{x}/{y}{r}.png${query ? `?${query}` : ''}`;
  }

  /**
   * The legends of the visible layers, in the panel's container: the incidents as points from the
   * zoom where an analyst's map draws them, the out-of-scope municipalities of a municipal account,
   * and the hotspot analysis when it is on the map.
   */
  async renderLegends(container, visible, zoom, hotspotAnalysis) {
    const blocks = await Promise.all(visible.map(async (id) => {
      if (id === 'districts') {
        return this.districtLegend();
      }
      if (id === 'incidents' && this.pointsFromZoom !== null && zoom >= this.pointsFromZoom) {
        return legendBlock(this.titleOf(id), { title: 'Elk incident als punt', unit: '',
          entries: [{ label: 'Incident', colour: INCIDENT_POINT, opacity: 1, point: true }] });
      }
      const params = new URLSearchParams(this.query);
      params.set('format', 'png');
      if (id === 'municipalities') params.set('measure', this.measure);
      try {
        const tileJson = await getJson(`/api/v1/tiles/${id}.json?${params}`);
        const legend = tileJson.legend_data;
        const entries = legend.entries.map((entry) => ({ ...entry, point: POINT_LAYERS.has(id) }));
        if (this.scope && (id === 'municipalities' || id === 'incidents')) {
          entries.push({ label: 'Buiten uw gebied: geen inzage', colour: '#ffffff', opacity: 1, empty: true });
        }
        return legendBlock(this.titleOf(id), { ...legend, entries });
      } catch (error) {
        return legendBlock(this.titleOf(id), { title: `Legenda niet beschikbaar: ${error.message}`, unit: '', entries: [] });
      }
    }));
    if (hotspotAnalysis) {
      blocks.push(legendBlock('Hotspotanalyse', hotspotAnalysis));
    }
    container.replaceChildren(...blocks);
  }

  districtLegend() {
    const entries = (this.districtNames ?? []).map(([code, name]) => ({
      label: name, colour: DISTRICT_COLOURS[code], opacity: this.districtOpacity ?? 0.45, hatched: false,
    }));
    return legendBlock('Districten', { title: 'Politiedistricten / veiligheidsregio’s', unit: '', entries });
  }
}

function legendBlock(layerTitle, legend) {
  const block = document.createElement('div');
  block.className = 'legenda-blok';
  const heading = document.createElement('h3');
  heading.textContent = layerTitle;
  block.append(heading);
  if (legend.title && legend.title !== layerTitle) {
    const subtitle = document.createElement('p');
    subtitle.className = 'uitleg';
    subtitle.textContent = legend.unit ? `${legend.title} (${legend.unit})` : legend.title;
    block.append(subtitle);
  }
  const list = document.createElement('ul');
  for (const entry of legend.entries) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = ['kleur', entry.hatched && 'gearceerd', entry.point && 'punt', entry.empty && 'leeg']
      .filter(Boolean).join(' ');
    swatch.setAttribute('aria-hidden', 'true');
    if (!entry.empty) {
      swatch.style.backgroundColor = entry.colour;
      swatch.style.opacity = String(Math.max(entry.opacity, 0.35));
    }
    const label = document.createElement('span');
    label.textContent = entry.label;
    item.append(swatch, label);
    list.append(item);
  }
  block.append(list);
  return block;
}
