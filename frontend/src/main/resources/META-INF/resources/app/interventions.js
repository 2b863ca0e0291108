// Interventions: the map layer of the register, the list of a municipality's interventions with
// their waterbed check in plain Dutch, the form to register one (the whole municipality or an area
// drawn on the map), and the alerts the checks raise.

import { getJson, postJson } from './api.js';
import { formatDate } from './format.js';
import { verdict } from './panel.js';

const WINDOWS = { P3M: '3 maanden', P6M: '6 maanden', P12M: '12 maanden' };

const $ = (id) => document.getElementById(id);

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class Interventions {
  constructor({ map, config, municipalities }) {
    this.map = map;
    this.config = config;
    this.centres = new Map(municipalities.features.filter((f) => f.geometry)
      .map((f) => [f.id, L.geoJSON(f).getBounds().getCenter()]));
    this.layer = L.layerGroup();
    this.all = [];
    this.types = [];
    this.code = null;
    this.drawing = null; // the vertices while an area is drawn
    this.drawn = null; // the finished area, [lng, lat] pairs
    this.sketch = null;
    const role = config.user.role;
    this.mayRegister = role === 'ANALYST' || role === 'MUNICIPALITY';
    $('laag-interventies').addEventListener('change', (event) => this.show(event.target.checked));
    $('interventie-formulier').addEventListener('submit', (event) => {
      event.preventDefault();
      this.register();
    });
    $('interventie-tekenen').addEventListener('click', () => this.startDrawing());
    $('interventie-klaar').addEventListener('click', () => this.finishDrawing());
    for (const radio of document.querySelectorAll('input[name=interventie-doel]')) {
      radio.addEventListener('change', () => this.targetChanged());
    }
    map.on('click', (event) => {
      if (!this.drawing) return;
      this.drawing.push(event.latlng);
      this.drawSketch();
    });
  }

  async load() {
    const themes = $('interventie-thema');
    for (const category of this.config.categories) themes.append(new Option(category.label, category.code));
    $('interventie-datum').max = new Date().toISOString().substring(0, 10);
    if (this.mayRegister) {
      this.types = await getJson('/api/v1/interventions/types');
      for (const type of this.types) $('interventie-soort').append(new Option(type.label, type.code));
    }
    await this.reload();
    this.show($('laag-interventies').checked);
  }

  /** The register and the alerts again, e.g. after a registration. */
  async reload() {
    try {
      this.all = await getJson('/api/v1/interventions');
    } catch {
      this.all = [];
    }
    this.drawLayer();
    await this.showAlerts();
  }

  show(on) {
    if (on) this.layer.addTo(this.map); else this.layer.remove();
  }

  drawLayer() {
    this.layer.clearLayers();
    for (const intervention of this.all) {
      const shape = intervention.geometry
        ? L.geoJSON(intervention.geometry, { style: { className: 'interventie-gebied', color: '#7a0177', weight: 2 } })
        : L.circleMarker(this.centres.get(intervention.municipality) ?? [52.25, 6.1],
          { className: 'interventie-punt', radius: 8, color: '#7a0177', fillColor: '#c51b8a', fillOpacity: 0.9 });
      shape.bindTooltip(`${intervention.typeLabel}, ${formatDate(intervention.date)} (${intervention.municipalityName})`);
      this.layer.addLayer(shape);
    }
  }

  async showAlerts() {
    const list = $('signalen');
    let alerts = [];
    try {
      alerts = await getJson('/api/v1/alerts');
    } catch (error) {
      list.replaceChildren(element('li', null, `De signalen konden niet worden geladen: ${error.message}`));
      return;
    }
    // one line per intervention: its longest window with an alert says the most
    const byIntervention = new Map();
    for (const alert of alerts) byIntervention.set(alert.interventionId, alert);
    if (byIntervention.size === 0) {
      list.replaceChildren(element('li', 'uitleg', 'Geen interventie met een aanwijzing voor een waterbedeffect.'));
      return;
    }
    list.replaceChildren(...[...byIntervention.values()].map((alert) => {
      const item = element('li', 'signaal');
      const theme = this.config.categories.find((c) => c.code === alert.category)?.label ?? alert.category;
      item.append(element('strong', null, `${alert.municipalityName}: ${alert.typeLabel}`),
        element('span', null, ` op ${formatDate(alert.date)} — ${theme.toLowerCase()} lijkt naar de buurgemeenten`
          + ` verschoven (${WINDOWS[alert.window] ?? alert.window} vóór en na${alert.complete ? '' : ', nog niet compleet'}).`));
      return item;
    }));
  }

  /** The municipality panel's part: its interventions and, when the account may, the form. */
  renderFor(code) {
    this.code = code;
    const own = this.all.filter((intervention) => intervention.municipality === code);
    const list = $('interventies');
    list.replaceChildren(...(own.length === 0
      ? [element('li', 'uitleg', 'Er zijn voor deze gemeente geen interventies geregistreerd.')]
      : own.map((intervention) => this.item(intervention))));
    const user = this.config.user;
    const may = this.mayRegister && (user.role === 'ANALYST' || user.municipality === code);
    $('interventie-formulier').hidden = !may;
    $('interventie-uitkomst').textContent = '';
  }

  item(intervention) {
    const item = element('li', 'interventie');
    const place = intervention.target === 'area' ? 'het getekende gebied' : intervention.municipalityName;
    const themes = intervention.categories
      .map((code) => this.config.categories.find((c) => c.code === code)?.label ?? code).join(', ');
    item.append(element('strong', null, `${intervention.typeLabel}, ${formatDate(intervention.date)}`),
      element('div', 'uitleg', `${themes}${intervention.target === 'area' ? ' · getekend gebied' : ''}`
        + `${intervention.description ? ` · ${intervention.description}` : ''}`));
    const checks = element('ul', 'waterbed-vensters');
    for (const check of intervention.waterbed) {
      const line = element('li');
      const label = `${WINDOWS[check.window] ?? check.window} vóór en na`
        + (intervention.categories.length > 1 ? ` (${check.periods?.category ?? ''})` : '');
      if (check.refused) {
        line.textContent = `${label}: niet beschikbaar voor uw account. ${check.refused}`;
      } else {
        const [headline] = verdict(check, place);
        const pending = check.complete ? '' : ` Nog niet compleet: de periode na de aanpak loopt tot`
          + ` ${formatDate(check.completeOn)}.`;
        line.append(element('span', 'venster', `${label}: `), element('strong', null, headline), pending);
      }
      checks.append(line);
    }
    item.append(checks);
    return item;
  }

  targetChanged() {
    const drawn = document.querySelector('input[name=interventie-doel]:checked').value === 'gebied';
    $('interventie-tekenen').hidden = !drawn;
    if (!drawn) this.clearSketch();
  }

  startDrawing() {
    this.clearSketch();
    this.drawing = [];
    $('interventie-klaar').hidden = false;
    $('interventie-uitkomst').textContent = 'Klik op de kaart de hoeken van het gebied aan en kies dan “Gebied klaar”.';
  }

  finishDrawing() {
    if (!this.drawing || this.drawing.length < 3) {
      $('interventie-uitkomst').textContent = 'Een gebied heeft minstens drie hoeken.';
      return;
    }
    const ring = this.drawing.map((p) => [Number(p.lng.toFixed(6)), Number(p.lat.toFixed(6))]);
    this.drawn = [...ring, ring[0]];
    this.drawing = null;
    $('interventie-klaar').hidden = true;
    $('interventie-uitkomst').textContent = `Gebied getekend met ${ring.length} hoeken.`;
  }

  drawSketch() {
    this.sketch?.remove();
    this.sketch = L.polygon(this.drawing, { color: '#7a0177', dashArray: '4 4' }).addTo(this.map);
  }

  clearSketch() {
    this.sketch?.remove();
    this.sketch = null;
    this.drawing = null;
    this.drawn = null;
    $('interventie-klaar').hidden = true;
  }

  async register() {
    const out = $('interventie-uitkomst');
    const drawn = document.querySelector('input[name=interventie-doel]:checked').value === 'gebied';
    const body = {
      type: $('interventie-soort').value,
      date: $('interventie-datum').value,
      categories: [$('interventie-thema').value],
      description: $('interventie-omschrijving').value.trim() || null,
    };
    if (drawn) {
      if (!this.drawn) {
        out.textContent = 'Teken eerst het gebied op de kaart.';
        return;
      }
      body.geometry = { type: 'Polygon', coordinates: [this.drawn] };
    } else {
      body.municipality = this.code;
    }
    out.textContent = 'Bezig met registreren…';
    try {
      const registered = await postJson('/api/v1/interventions', body);
      this.clearSketch();
      $('interventie-omschrijving').value = '';
      await this.reload();
      this.renderFor(this.code);
      // the new intervention (first: newest first) and its check, not the form
      $('interventies').firstElementChild?.scrollIntoView({ block: 'start' });
      $('interventie-uitkomst').textContent = `Geregistreerd: ${registered.typeLabel} op`
        + ` ${formatDate(registered.date)}. De waterbedcheck staat hierboven.`;
    } catch (error) {
      out.textContent = error.status === 403
        ? `Uw account mag hier geen interventie registreren: ${error.message}`
        : `De interventie kon niet worden geregistreerd: ${error.message}`;
    }
  }
}
