// The viewer: filters, layers and legend change together; the view lives in the URL.

import { csrfToken, getJson, postForBlob } from './api.js';
import { formatDecimal, formatInteger, formatPeriod } from './format.js';
import { MapLayers } from './layers.js';
import { MunicipalityPanel } from './panel.js';
import { filterQuery, period, readView, writeView } from './state.js';

const ROLE_NAMES = { ANALYST: 'analist', MUNICIPALITY: 'gemeente', BBG: 'BBG', ADMIN: 'beheerder' };

const map = L.map('kaart', { zoomSnap: 0.25, keyboard: true }).setView([52.25, 6.1], 9);
let view = readView(window.location.hash);
let config;
let layers;
let panel;
let hotspots = null;
let hotspotColours = {};
const failedLayers = new Set();
const areas = new Map(); // 'all', district codes, municipality codes → { label, bounds }

const $ = (id) => document.getElementById(id);

function showError(message) {
  const element = $('melding');
  element.textContent = message;
  element.hidden = false;
}

function clearError() {
  $('melding').hidden = true;
  failedLayers.clear();
}

function saveView() {
  const centre = map.getCenter();
  view.centre = [centre.lat, centre.lng];
  view.zoom = map.getZoom();
  window.history.replaceState(null, '', writeView(view));
}

/** Everything that depends on the filters: tiles, legends, summary, open panel. */
async function refresh() {
  clearError();
  const query = filterQuery(view);
  const visible = view.layers.filter((id) => id === 'districts' || layers.tiles.has(id));
  layers.apply(visible, view.opacity, query, view.measure);
  const { from, to } = period(view);
  const themes = view.categories.length
    ? view.categories.map((code) => config.categories.find((c) => c.code === code)?.label ?? code).join(', ')
    : 'alle thema’s';
  $('samenvatting').textContent = `${areas.get(view.area)?.label ?? 'Oost-Nederland'} · ${formatPeriod(from, to)} · ${themes}`;
  saveView();
  await layers.renderLegends($('legenda'), visible);
  if (panel.code) {
    await panel.open(panel.code, view, query);
  }
}

function buildFilters() {
  const categories = $('categorieen');
  for (const category of config.categories) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = category.code;
    box.checked = view.categories.includes(category.code);
    box.addEventListener('change', () => {
      view.categories = [...categories.querySelectorAll('input:checked')].map((b) => b.value);
      refresh();
    });
    label.append(box, ` ${category.label}`);
    categories.append(label);
  }
  $('periode').value = view.preset;
  $('van').value = view.from ?? '';
  $('tot').value = view.to ?? '';
  $('eigen-periode').hidden = view.preset !== 'eigen';
  $('periode').addEventListener('change', (event) => {
    view.preset = event.target.value;
    $('eigen-periode').hidden = view.preset !== 'eigen';
    refresh();
  });
  for (const id of ['van', 'tot']) {
    $(id).addEventListener('change', () => {
      view.from = $('van').value || null;
      view.to = $('tot').value || null;
      if (view.from && view.to && view.from > view.to) {
        showError('De begindatum ligt na de einddatum.');
        return;
      }
      refresh();
    });
  }
  $('maat').value = view.measure;
  $('maat').addEventListener('change', (event) => {
    view.measure = event.target.value;
    refresh();
  });
  $('gebied').addEventListener('change', (event) => {
    view.area = event.target.value;
    zoomToArea();
    refresh();
  });
  $('gemeente-openen').addEventListener('click', () => openMunicipality(view.area));
}

function buildAreas(municipalities, districts, outlines) {
  const select = $('gebied');
  const all = document.createElement('option');
  all.value = 'all';
  all.textContent = 'Heel Oost-Nederland';
  select.append(all);
  areas.set('all', { label: 'Oost-Nederland', bounds: outlines.getBounds() });
  const districtGroup = document.createElement('optgroup');
  districtGroup.label = 'Districten';
  for (const district of districts.features) {
    const code = district.properties.code;
    const bounds = L.geoJSON(district).getBounds();
    areas.set(code, { label: `district ${district.properties.name}`, bounds });
    districtGroup.append(new Option(district.properties.name, code));
  }
  const municipalityGroup = document.createElement('optgroup');
  municipalityGroup.label = 'Gemeenten';
  const sorted = [...municipalities.features].filter((f) => f.geometry)
    .sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'nl'));
  for (const municipality of sorted) {
    areas.set(municipality.id, { label: municipality.properties.name, bounds: L.geoJSON(municipality).getBounds() });
    municipalityGroup.append(new Option(municipality.properties.name, municipality.id));
  }
  select.append(districtGroup, municipalityGroup);
  if (!areas.has(view.area)) view.area = 'all';
  select.value = view.area;
  layers.districtNames = districts.features.map((d) => [d.properties.code, d.properties.name]);
}

function zoomToArea() {
  const area = areas.get(view.area);
  if (area?.bounds?.isValid()) map.fitBounds(area.bounds, { padding: [8, 8] });
  $('gemeente-openen').hidden = !/^GM/.test(view.area);
}

function buildLayerList() {
  const list = $('lagen');
  for (const info of layers.infos) {
    const item = document.createElement('li');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `laag-${info.id}`;
    box.checked = view.layers.includes(info.id);
    const label = document.createElement('label');
    label.htmlFor = box.id;
    label.textContent = info.id === 'incidents' && config.user.role !== 'ANALYST'
      ? `${info.title} (aantallen per cel)` : info.title;
    const slider = document.createElement('input');
    slider.type = 'range';
    slider.min = '0';
    slider.max = '1';
    slider.step = '0.05';
    slider.value = String(view.opacity[info.id] ?? (info.id === 'districts' ? 0.45 : 0.75));
    slider.setAttribute('aria-label', `Dekking van ${info.title}`);
    box.addEventListener('change', () => {
      view.layers = box.checked ? [...view.layers, info.id] : view.layers.filter((id) => id !== info.id);
      refresh();
    });
    slider.addEventListener('change', () => {
      view.opacity[info.id] = Number(slider.value);
      refresh();
    });
    item.append(box, label, slider);
    list.append(item);
  }
}

async function openMunicipality(code) {
  view.municipality = code;
  saveView();
  await panel.open(code, view, filterQuery(view));
}

// Hotspot mode: the grid Gi* analysis for the current filters and area, drawn as cells with their
// z, p and count on hover.
async function runHotspots() {
  const params = filterQuery(view);
  if (view.area !== 'all') params.set('area', view.area);
  $('hotspot-uitkomst').textContent = 'Bezig met rekenen…';
  try {
    const result = await getJson(`/api/v1/analysis/hotspots?${params}`);
    hotspots?.remove();
    hotspots = L.geoJSON(result, {
      renderer: L.canvas(), // thousands of cells: one canvas instead of an SVG path each
      style: (feature) => ({
        className: 'hotspotcel', stroke: false, fillOpacity: feature.properties.giBin === 0 ? 0.15 : 0.75,
        fillColor: hotspotColours[feature.properties.giBin] ?? '#ffffbf',
      }),
      onEachFeature: (feature, cell) => cell.bindTooltip(() =>
        `z = ${formatDecimal(feature.properties.giZ)} · p = ${formatDecimal(feature.properties.giP)}`
        + ` · aantal ${formatInteger(feature.properties.count)}`, { sticky: true }),
    }).addTo(map);
    const hot = result.features.filter((f) => f.properties.giBin > 0).length;
    const cold = result.features.filter((f) => f.properties.giBin < 0).length;
    const size = result.analysis.parameters.cellSize.value;
    $('hotspot-uitkomst').textContent = `${formatInteger(result.analysis.n)} cellen van ${formatInteger(size)} m: `
      + `${formatInteger(hot)} hotspotcellen, ${formatInteger(cold)} coldspotcellen.`;
    $('hotspots-wissen').hidden = false;
  } catch (error) {
    $('hotspot-uitkomst').textContent = `De analyse kon niet worden uitgevoerd: ${error.message}`;
  }
}

// A snapshot of the current view for a briefing: the service draws it with the tiles' renderer.
async function makeSnapshot(format) {
  const bounds = map.getBounds();
  const { from, to } = period(view);
  const title = $('kaartbeeld-titel').value.trim() || $('samenvatting').textContent.split(' · ')[0];
  const request = {
    // the service draws the Netherlands only
    bbox: [Math.max(bounds.getWest(), 2), Math.max(bounds.getSouth(), 50), Math.min(bounds.getEast(), 8),
      Math.min(bounds.getNorth(), 54.5)],
    layers: view.layers.filter((id) => id !== 'districts'),
    category: view.categories,
    from,
    to,
    measure: view.measure,
    title,
    subtitle: $('samenvatting').textContent,
    format,
    dpi: 300,
  };
  $('kaartbeeld-uitkomst').textContent = 'Het kaartbeeld wordt gemaakt…';
  try {
    const { blob, name } = await postForBlob('/api/v1/snapshots', request);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    $('kaartbeeld-uitkomst').textContent = `Kaartbeeld gemaakt: ${name}`;
  } catch (error) {
    $('kaartbeeld-uitkomst').textContent = `Het kaartbeeld kon niet worden gemaakt: ${error.message}`;
  }
}

async function start() {
  try {
    config = await getJson('/api/v1/viewer-config');
    const role = ROLE_NAMES[config.user.role] ?? config.user.role;
    $('gebruiker').textContent = `${config.user.username} (${role})`;
    document.querySelector('#uitloggen input[name=_csrf]').value = csrfToken();
    layers = new MapLayers(map, config.layers, (info) => {
      if (!failedLayers.has(info.id)) {
        failedLayers.add(info.id);
        showError(`De kaartlaag “${info.title}” kon (deels) niet worden geladen. Probeer het later opnieuw.`);
      }
    });
    if (config.basemap.url) {
      // in its own pane under the districts' colours, which lie under the service's tiles
      L.tileLayer(config.basemap.url, { attribution: config.basemap.attribution, maxZoom: 19, pane: 'basiskaart' })
        .addTo(map);
    }
    $('kaartbeeld-pdf').addEventListener('click', () => makeSnapshot('pdf'));
    $('kaartbeeld-png').addEventListener('click', () => makeSnapshot('png'));
    panel = new MunicipalityPanel(() => { view.municipality = null; saveView(); });
    if (config.user.role === 'ANALYST') {
      $('hotspot-sectie').hidden = false;
      const legend = (await getJson('/api/v1/tiles/hotspots.json?format=png')).legend_data;
      // hot spots first, as ArcGIS lists them: entries are bins 3 … -3
      legend.entries.forEach((entry, i) => { hotspotColours[3 - i] = entry.colour; });
      $('hotspots-berekenen').addEventListener('click', runHotspots);
      $('hotspots-wissen').addEventListener('click', () => {
        hotspots?.remove();
        hotspots = null;
        $('hotspots-wissen').hidden = true;
        $('hotspot-uitkomst').textContent = '';
      });
    }
    view.layers = view.layers.filter((id) => id === 'districts' || config.layers.some((l) => l.id === id));
    const [municipalities, districts] = await Promise.all([getJson('/api/v1/municipalities'), getJson('/api/v1/districts')]);
    const outlines = layers.setMunicipalities(municipalities, { onClick: (feature) => openMunicipality(feature.id) });
    buildAreas(municipalities, districts, outlines);
    buildFilters();
    buildLayerList();
    if (view.centre && view.zoom !== null) {
      map.setView(view.centre, view.zoom);
    } else {
      zoomToArea();
    }
    $('gemeente-openen').hidden = !/^GM/.test(view.area);
    map.on('moveend', saveView);
    if (municipalities.features.every((f) => !f.geometry)) {
      showError('Er zijn geen gemeentegrenzen geladen. Vraag de beheerder een grenzenbestand van CBS/PDOK te laden.');
    }
    await refresh();
    if (view.municipality) {
      await openMunicipality(view.municipality);
    }
    document.body.dataset.klaar = 'ja';
  } catch (error) {
    if (error.status !== 401) {
      showError(`De kaart kon niet worden geladen: ${error.message}`);
    }
  }
}

start();
