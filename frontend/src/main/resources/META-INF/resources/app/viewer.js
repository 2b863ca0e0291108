// The viewer: filters, layers and legend change together; the view lives in the URL.

import { download, getJson, postForBlob, signOut } from './api.js';
import { formatDecimal, formatInteger, formatP, formatPeriod } from './format.js';
import { Interventions } from './interventions.js';
import { MapLayers } from './layers.js';
import { StrategyMonitor } from './monitor.js';
import { MunicipalityPanel } from './panel.js';
import { PointDetails, contains } from './points.js';
import { AreaSearch } from './search.js';
import { filterQuery, lastDayOfMonth, period, presetsFor, readView, writeView } from './state.js';

const ROLE_NAMES = { ANALYST: 'analist', MUNICIPALITY: 'gemeente', BBG: 'BBG', ADMIN: 'beheerder' };

// Whole zoom levels only (Leaflet's default snap): the service draws tiles for integer zooms.
const map = L.map('kaart', { keyboard: true }).setView([52.25, 6.1], 9);
let view = readView(window.location.hash);
let config;
let wholeMonths = false;
let layers;
let panel;
let interventions = null;
let points;
let hotspots = null;
let hotspotLegend = null;
let municipalityFeatures = [];
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

/** Everything that depends on the filters: tiles, legends, summary, hotspot result, open panel. */
async function refresh() {
  clearError();
  const query = filterQuery(view, wholeMonths);
  const visible = view.layers.filter((id) => id === 'districts' || layers.tiles.has(id));
  layers.apply(visible, view.opacity, query, view.measure);
  const { from, to } = period(view, wholeMonths);
  const themes = view.categories.length
    ? view.categories.map((code) => config.categories.find((c) => c.code === code)?.label ?? code).join(', ')
    : 'alle thema’s';
  $('samenvatting').textContent = `${areas.get(view.area)?.label ?? 'Oost-Nederland'} · ${formatPeriod(from, to)} · ${themes}`;
  saveView();
  const work = [renderLegends()];
  if (hotspots) work.push(runHotspots()); // a result for other filters would be stale
  if (panel.code) work.push(panel.open(panel.code, view, query));
  await Promise.all(work);
}

async function renderLegends() {
  const visible = view.layers.filter((id) => id === 'districts' || layers.tiles.has(id));
  await layers.renderLegends($('legenda'), visible, map.getZoom(), hotspots ? hotspotLegend : null);
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
  const presets = presetsFor(wholeMonths);
  for (const [value, label] of presets) $('periode').append(new Option(label, value));
  if (!presets.some(([value]) => value === view.preset)) view.preset = view.preset === '4w' ? 'maand' : 'jaar';
  $('periode').value = view.preset;
  if (wholeMonths) {
    // whole months only: month inputs, stored as the first and the last day of the months
    for (const id of ['van', 'tot']) $(id).type = 'month';
    $('van').value = view.from ? view.from.substring(0, 7) : '';
    $('tot').value = view.to ? view.to.substring(0, 7) : '';
  } else {
    $('van').value = view.from ?? '';
    $('tot').value = view.to ?? '';
  }
  $('eigen-periode').hidden = view.preset !== 'eigen';
  $('periode').addEventListener('change', (event) => {
    view.preset = event.target.value;
    $('eigen-periode').hidden = view.preset !== 'eigen';
    refresh();
  });
  for (const id of ['van', 'tot']) {
    $(id).addEventListener('change', () => {
      const from = $('van').value || null;
      const to = $('tot').value || null;
      view.from = from && wholeMonths ? `${from}-01` : from;
      view.to = to && wholeMonths ? lastDayOfMonth(`${to}-01`) : to;
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
  $('gebied').addEventListener('change', (event) => chooseArea(event.target.value));
  $('gemeente-openen').addEventListener('click', () => openMunicipality(view.area, true));
}

function chooseArea(code) {
  view.area = areas.has(code) ? code : 'all';
  $('gebied').value = view.area;
  zoomToArea();
  // on a phone the controls lie under the map: bring the map back into view to show the area
  const mapBox = $('kaart').getBoundingClientRect();
  if (mapBox.top < 0 || mapBox.bottom > window.innerHeight) $('kaart').scrollIntoView({ block: 'nearest' });
  refresh();
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
    areas.set(code, { label: `district ${district.properties.name}`, name: district.properties.name, bounds });
    districtGroup.append(new Option(district.properties.name, code));
  }
  const municipalityGroup = document.createElement('optgroup');
  municipalityGroup.label = 'Gemeenten';
  const sorted = [...municipalities.features].filter((f) => f.geometry)
    .sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'nl'));
  for (const municipality of sorted) {
    areas.set(municipality.id, { label: municipality.properties.name, name: municipality.properties.name,
      bounds: L.geoJSON(municipality).getBounds() });
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

/** Opens the municipality drawer; {@code byUser} moves the focus into it (not when a link restores it). */
async function openMunicipality(code, byUser) {
  view.municipality = code;
  saveView();
  await panel.open(code, view, filterQuery(view, wholeMonths), { focus: byUser });
  interventions?.renderFor(code);
}

/**
 * A click on the map: the details of a point or risk location under the pointer when a layer
 * with them is on, else the figures of the municipality clicked.
 */
async function mapClicked(event) {
  if (interventions?.drawing) return; // the clicks draw an intervention's area
  // by geometry, not by the outline's own click: the hotspot cells may lie above the outlines
  const municipality = municipalityFeatures.find((f) => f.geometry && contains(f.geometry, event.latlng));
  const visible = view.layers.filter((id) => layers.tiles.has(id));
  const found = await points.at(event.latlng, visible, filterQuery(view, wholeMonths));
  if (found) {
    L.popup({ maxWidth: 320, className: 'popup' }).setLatLng(found.latlng).setContent(found.content).openOn(map);
  } else if (municipality) {
    await openMunicipality(municipality.id, true);
  }
}

// Hotspot mode: the grid Gi* analysis of the whole region for the current filters (the same analysis
// as the Hotspots map layer, so a Kaartbeeld shows what the screen shows), drawn as cells above the
// municipal outlines so that hovering a cell gives its z, p and count.
async function runHotspots() {
  const filters = filterQuery(view, wholeMonths);
  const params = new URLSearchParams(filters);
  params.set('fdr', 'false'); // as the map layer
  $('hotspot-uitkomst').textContent = 'Bezig met rekenen…';
  try {
    const result = await getJson(`/api/v1/analysis/hotspots?${params}`);
    if (String(filters) !== String(filterQuery(view, wholeMonths))) return; // the filters changed meanwhile
    hotspots?.remove();
    hotspots = L.geoJSON(result, {
      renderer: L.canvas({ pane: 'hotspotcellen' }), // thousands of cells: one canvas instead of an SVG path each
      style: (feature) => ({
        className: 'hotspotcel', stroke: false, fillOpacity: feature.properties.giBin === 0 ? 0.15 : 0.75,
        fillColor: hotspotLegend.colours[feature.properties.giBin] ?? '#ffffbf',
      }),
      onEachFeature: (feature, cell) => cell.bindTooltip(() =>
        `z = ${formatDecimal(feature.properties.giZ)} · p ${formatP(feature.properties.giP)}`
        + ` · aantal ${formatInteger(feature.properties.count)}`, { sticky: true }),
    }).addTo(map);
    const hot = result.features.filter((f) => f.properties.giBin > 0).length;
    const cold = result.features.filter((f) => f.properties.giBin < 0).length;
    const size = result.analysis.parameters.cellSize.value;
    $('hotspot-uitkomst').textContent = `${formatInteger(result.analysis.n)} cellen van ${formatInteger(size)} m: `
      + `${formatInteger(hot)} hotspotcellen, ${formatInteger(cold)} coldspotcellen.`;
    $('hotspots-wissen').hidden = false;
    await renderLegends();
  } catch (error) {
    $('hotspot-uitkomst').textContent = `De analyse kon niet worden uitgevoerd: ${error.message}`;
  }
}

async function clearHotspots() {
  hotspots?.remove();
  hotspots = null;
  $('hotspots-wissen').hidden = true;
  $('hotspot-uitkomst').textContent = '';
  await renderLegends();
}

// A snapshot of the current view for a briefing: the service draws it with the tiles' renderer.
async function makeSnapshot(format) {
  const bounds = map.getBounds();
  const { from, to } = period(view, wholeMonths);
  const title = $('kaartbeeld-titel').value.trim() || $('samenvatting').textContent.split(' · ')[0];
  const shown = view.layers.filter((id) => id !== 'districts');
  const request = {
    // the service draws the Netherlands only
    bbox: [Math.max(bounds.getWest(), 2), Math.max(bounds.getSouth(), 50), Math.min(bounds.getEast(), 8),
      Math.min(bounds.getNorth(), 54.5)],
    // the hotspot analysis on screen is the Hotspots layer's analysis: the snapshot draws it too
    layers: hotspots && !shown.includes('hotspots') ? [...shown, 'hotspots'] : shown,
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
    download({ blob, name });
    $('kaartbeeld-uitkomst').textContent = `Kaartbeeld gemaakt: ${name}`;
  } catch (error) {
    $('kaartbeeld-uitkomst').textContent = `Het kaartbeeld kon niet worden gemaakt: ${error.message}`;
  }
}

async function start() {
  try {
    config = await getJson('/api/v1/viewer-config');
    wholeMonths = config.minimumCount !== null && config.minimumCount !== undefined;
    const role = ROLE_NAMES[config.user.role] ?? config.user.role;
    $('gebruiker').textContent = `${config.user.username} (${role})`;
    $('uitloggen').addEventListener('submit', (event) => {
      event.preventDefault();
      signOut($('uitloggen'));
    });
    if (config.demoData) {
      $('demodata').hidden = false;
      map.invalidateSize(); // the banner took height from the map
      $('bron').textContent = 'Grenzen: CBS / Kadaster (PDOK), vereenvoudigd. Incidenten en risicolocaties: '
        + 'demodata (verzonnen). Misdrijven per jaar: politie / CBS.';
    }
    map.createPane('hotspotcellen').style.zIndex = '450'; // above the outlines (400), under tooltips
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
    view.layers = view.layers.filter((id) => id === 'districts' || config.layers.some((l) => l.id === id));
    const [municipalities, districts] = await Promise.all([getJson('/api/v1/municipalities'), getJson('/api/v1/districts')]);
    const scope = await MunicipalityPanel.scopeOf(config.user);
    layers.scope = scope;
    panel = new MunicipalityPanel({ config, municipalities, scope, wholeMonths,
      onClose: () => { view.municipality = null; saveView(); } });
    points = new PointDetails(map, config);
    if (config.user.role !== 'ADMIN') {
      interventions = new Interventions({ map, config, municipalities });
      $('interventie-deel').hidden = false;
      $('eigen-lagen').hidden = false;
      $('signalen-sectie').hidden = false;
      await interventions.load();
    }
    if (config.user.role === 'ANALYST') {
      $('hotspot-sectie').hidden = false;
      const legend = (await getJson('/api/v1/tiles/hotspots.json?format=png')).legend_data;
      // hot spots first, as ArcGIS lists them: entries are bins 3 … -3
      hotspotLegend = { ...legend, colours: Object.fromEntries(legend.entries.map((entry, i) => [3 - i, entry.colour])) };
      $('hotspots-berekenen').addEventListener('click', runHotspots);
      $('hotspots-wissen').addEventListener('click', clearHotspots);
    }
    new StrategyMonitor({ config, scope, area: () => view.area });
    municipalityFeatures = municipalities.features;
    const outlines = layers.setMunicipalities(municipalities);
    map.on('click', mapClicked);
    buildAreas(municipalities, districts, outlines);
    buildFilters();
    buildLayerList();
    new AreaSearch({ areas, geocoder: config.geocoder, map, onArea: chooseArea });
    if (view.centre && view.zoom !== null) {
      map.setView(view.centre, view.zoom);
    } else {
      zoomToArea();
    }
    $('gemeente-openen').hidden = !/^GM/.test(view.area);
    map.on('moveend', saveView);
    // the incidents' legend differs between cells and points (analysts, from zoom 14)
    map.on('zoomend', () => { if (view.layers.includes('incidents')) renderLegends(); });
    if (municipalities.features.every((f) => !f.geometry)) {
      showError('Er zijn geen gemeentegrenzen geladen. Vraag de beheerder een grenzenbestand van CBS/PDOK te laden.');
    }
    await refresh();
    if (view.municipality) {
      await openMunicipality(view.municipality, false);
    }
    document.body.dataset.klaar = 'ja';
  } catch (error) {
    if (error.status !== 401) {
      showError(`De kaart kon niet worden geladen: ${error.message}`);
    }
  }
}

start();
