// What lies under a click on the map: an incident (analysts, where the map draws points) or a risk
// location, with its attributes in Dutch. Incidents come from the OGC API by bounding box; the risk
// locations (a few hundred at most) are read once per layer.

import { getJson } from './api.js';
import { formatDate, formatInteger } from './format.js';

const PICK_PIXELS = 8;

const HEMP_SITE_TYPES = { house: 'woning', business: 'bedrijfspand', outdoor: 'buiten', other: 'anders' };
const PRECISION = { address: 'adres', street: 'straat', postcode: 'postcode', municipality: 'gemeente' };

export class PointDetails {
  constructor(map, config) {
    this.map = map;
    this.config = config;
    this.riskLocations = new Map(); // layer id → Promise of its FeatureCollection
  }

  /** The first feature under {@code latlng} among the visible layers, or null. */
  async at(latlng, visible, query) {
    const point = this.map.latLngToContainerPoint(latlng);
    const near = (lat, lng) => this.map.latLngToContainerPoint([lat, lng]).distanceTo(point) <= PICK_PIXELS;
    for (const id of ['omg-clubhouses', 'hemp-sites']) {
      if (!visible.includes(id)) continue;
      const collection = await this.collection(id);
      const feature = collection.features.find((f) => near(f.geometry.coordinates[1], f.geometry.coordinates[0]));
      if (feature) return this.found(feature, id);
    }
    const pointsFromZoom = this.config.layers.find((layer) => layer.id === 'incidents')?.rawPointsFromZoom ?? null;
    if (visible.includes('incidents') && pointsFromZoom !== null && this.map.getZoom() >= pointsFromZoom) {
      const incident = await this.incidentAt(latlng, near, query);
      if (incident) return this.found(incident, 'incidents');
    }
    if (visible.includes('holiday-parks')) {
      const collection = await this.collection('holiday-parks');
      const feature = collection.features.find((f) => contains(f.geometry, latlng));
      if (feature) return this.found(feature, 'holiday-parks');
    }
    return null;
  }

  collection(id) {
    if (!this.riskLocations.has(id)) {
      this.riskLocations.set(id, getJson(`/api/v1/${id}`).catch((error) => {
        this.riskLocations.delete(id);
        throw error;
      }));
    }
    return this.riskLocations.get(id);
  }

  async incidentAt(latlng, near, query) {
    const pixel = this.map.containerPointToLatLng(this.map.latLngToContainerPoint(latlng).add([PICK_PIXELS, -PICK_PIXELS]));
    const dLng = Math.abs(pixel.lng - latlng.lng);
    const dLat = Math.abs(pixel.lat - latlng.lat);
    const params = new URLSearchParams({ bbox: [latlng.lng - dLng, latlng.lat - dLat, latlng.lng + dLng,
      latlng.lat + dLat].map((v) => v.toFixed(6)).join(','), limit: '100' });
    const from = query.get('from');
    const to = query.get('to');
    if (from || to) params.set('datetime', `${from ? `${from}T00:00:00Z` : '..'}/${to ? `${to}T00:00:00Z` : '..'}`);
    const categories = query.getAll('category');
    const items = await getJson(`/ogc/collections/incidents/items?${params}`);
    return items.features.find((f) => (categories.length === 0 || categories.includes(f.properties.category))
      && near(f.geometry.coordinates[1], f.geometry.coordinates[0])) ?? null;
  }

  found(feature, layer) {
    const latlng = feature.geometry.type === 'Point'
      ? L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0])
      : L.geoJSON(feature).getBounds().getCenter();
    return { latlng, content: this.describe(feature, layer) };
  }

  describe(feature, layer) {
    const p = feature.properties;
    const rows = [];
    let title;
    switch (layer) {
      case 'incidents':
        title = this.config.categories.find((c) => c.code === p.category)?.label ?? p.category;
        rows.push(['Wanneer', dateTime(p.occurredAt)], ['Locatie', PRECISION[p.precision] ?? p.precision]);
        for (const [key, value] of Object.entries(p.attributes ?? {})) {
          rows.push([key.charAt(0).toUpperCase() + key.slice(1), String(value)]);
        }
        break;
      case 'hemp-sites':
        title = 'Hennepkwekerij';
        rows.push(['Gevonden', day(p.foundOn)], ['Ontmanteld', day(p.dismantledOn)],
          ['Planten', p.plantCount === null || p.plantCount === undefined ? 'onbekend' : formatInteger(p.plantCount)],
          ['Soort pand', HEMP_SITE_TYPES[p.siteType] ?? p.siteType], ['Brandgevaar', yesNo(p.fireHazard)],
          ['Interventie', p.intervention ?? '–'], ['Melder', p.source ?? '–']);
        break;
      case 'holiday-parks':
        title = p.name ?? 'Vakantiepark';
        rows.push(['Eenheden', p.units === null || p.units === undefined ? 'onbekend' : formatInteger(p.units)],
          ['Permanente bewoning', yesNo(p.permanentResidence)], ['Signalen van ondermijning', yesNo(p.subversionSignals)]);
        break;
      default:
        title = `Clubhuis ${p.club ?? ''}`.trim();
        rows.push(['Chapter', p.chapter ?? '–'], ['Status', p.status === 'active' ? 'actief' : 'gesloten'],
          ['Risicoklasse', p.riskClass ?? '–'], ['Civiel verbod', yesNo(p.civilBan)], ['Geopend', day(p.openedOn)],
          ['Gesloten', day(p.closedOn)]);
    }
    if (p.demo) rows.push(['Herkomst', 'demodata (verzonnen)']);
    const block = document.createElement('div');
    const heading = document.createElement('h2');
    heading.textContent = title;
    const list = document.createElement('dl');
    for (const [term, value] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    }
    block.append(heading, list);
    return block;
  }
}

const yesNo = (value) => (value === true ? 'ja' : value === false ? 'nee' : 'onbekend');
const day = (iso) => (iso ? formatDate(iso.substring(0, 10)) : '–');
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
const dateTime = (iso) => (iso.length > 10 ? dateTimeFormat.format(new Date(iso)) : formatDate(iso));

/** Whether a (multi)polygon contains the point: even-odd ray casting over every ring. */
export function contains(geometry, latlng) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > latlng.lat) !== (yj > latlng.lat) && latlng.lng < ((xj - xi) * (latlng.lat - yi)) / (yj - yi) + xi) {
          inside = !inside;
        }
      }
    }
    return inside;
  });
}
