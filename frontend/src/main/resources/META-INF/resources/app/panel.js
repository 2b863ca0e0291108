// The municipality panel: figures per theme for the period and the one before, the monthly and
// yearly trend, and the waterbed check against the neighbours with its Dutch interpretation.

import { getJson } from './api.js';
import { barChart, formatChange, formatDecimal, formatInteger, formatMonth, formatPeriod } from './format.js';

const TOTAL = '__totaal__';

export class MunicipalityPanel {
  constructor(onClose) {
    this.section = document.getElementById('gemeente');
    this.code = null;
    this.statistics = [];
    document.getElementById('gemeente-sluiten').addEventListener('click', () => { this.close(); onClose(); });
    document.getElementById('misdrijfsoort').addEventListener('change', () => this.drawYears());
    document.getElementById('waterbed-controleren').addEventListener('click', () => this.checkWaterbed());
  }

  close() {
    this.code = null;
    this.section.hidden = true;
  }

  /** Opens (or refreshes) the panel for a municipality with the view's filters. */
  async open(code, view, query) {
    this.code = code;
    this.view = view;
    this.query = query;
    this.section.hidden = false;
    document.getElementById('waterbed').replaceChildren();
    const tbody = document.querySelector('#gemeente-cijfers tbody');
    tbody.replaceChildren();
    try {
      const figures = await getJson(`/api/v1/municipalities/${code}/figures?${query}`);
      if (this.code !== code) return;
      this.figures = figures;
      document.getElementById('gemeente-naam').textContent = figures.name;
      document.getElementById('gemeente-periode').textContent =
        `${formatPeriod(figures.from, figures.to)}, vergeleken met ${formatPeriod(figures.previousFrom, figures.from)}`;
      for (const row of figures.categories) {
        tbody.append(tableRow(row));
      }
      barChart(document.getElementById('maandgrafiek'), figures.months.map((m) => ({
        label: formatMonth(m.month), short: m.month.endsWith('-01') ? m.month.substring(0, 4) : '', value: m.count,
      })), { title: `Incidenten per maand in ${figures.name}` });
    } catch (error) {
      document.getElementById('gemeente-naam').textContent = code;
      document.getElementById('gemeente-periode').textContent = error.status === 403
        ? 'Uw account ziet alleen cijfers van de eigen gemeente en de buurgemeenten.'
        : `De cijfers konden niet worden geladen: ${error.message}`;
      document.getElementById('maandgrafiek').replaceChildren();
    }
    await this.loadStatistics(code);
  }

  async loadStatistics(code) {
    try {
      this.statistics = await getJson(`/api/v1/area-statistics?municipality=${code}`);
    } catch {
      this.statistics = [];
    }
    const select = document.getElementById('misdrijfsoort');
    const previous = select.value;
    const kinds = [...new Set(this.statistics.map((s) => s.category))].sort();
    select.replaceChildren(option(TOTAL, 'Totaal van deze soorten'), ...kinds.map((kind) => option(kind, kind)));
    select.value = kinds.includes(previous) ? previous : TOTAL;
    this.drawYears();
  }

  drawYears() {
    const chart = document.getElementById('jaargrafiek');
    const kind = document.getElementById('misdrijfsoort').value;
    const perYear = new Map();
    for (const statistic of this.statistics) {
      if (kind !== TOTAL && statistic.category !== kind) continue;
      const sum = perYear.get(statistic.period) ?? 0;
      // a suppressed count makes the year's total unknown
      perYear.set(statistic.period, sum === null || statistic.count === null ? null : sum + statistic.count);
    }
    const years = [...perYear.keys()].sort();
    if (years.length === 0) {
      chart.textContent = 'Geen geregistreerde misdrijven geladen voor deze gemeente.';
      return;
    }
    barChart(chart, years.map((year) => ({ label: year, short: `’${year.substring(2)}`, value: perYear.get(year) })),
      { title: 'Geregistreerde misdrijven per jaar' });
  }

  async checkWaterbed() {
    const target = document.getElementById('waterbed');
    const { from, to } = Object.fromEntries(this.query);
    if (!from || !to) {
      target.textContent = 'Kies een periode (niet “Alles”): de check vergelijkt die met de periode ervoor.';
      return;
    }
    const category = this.view.categories[0] ?? 'woninginbraak';
    const days = Math.round((Date.parse(`${to}T00:00:00`) - Date.parse(`${from}T00:00:00`)) / 86_400_000);
    target.textContent = 'Bezig met de waterbedcheck…';
    try {
      const result = await getJson(`/api/v1/analysis/displacement?target=${this.code}&category=${category}`
        + `&interventionDate=${from}&window=P${days}D`);
      target.replaceChildren(waterbedSummary(result, category));
    } catch (error) {
      target.textContent = error.status === 403
        ? 'Uw account mag de waterbedcheck voor deze gemeente niet uitvoeren.'
        : `De waterbedcheck kon niet worden uitgevoerd: ${error.message}`;
    }
  }
}

function tableRow(row) {
  const tr = document.createElement('tr');
  const cells = [row.label,
    row.count === null ? 'te weinig' : formatInteger(row.count),
    row.previousCount === null ? 'te weinig' : formatInteger(row.previousCount),
    row.count === null || row.previousCount === null ? '–' : formatChange(row.count, row.previousCount)];
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 ? 'th' : 'td');
    if (i === 0) cell.scope = 'row';
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

function option(value, label) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = label;
  return element;
}

function waterbedSummary(result, category) {
  const block = document.createElement('div');
  block.className = 'waterbed';
  const text = document.createElement('p');
  text.textContent = result.interpretation.nl;
  const list = document.createElement('dl');
  const add = (term, value) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  };
  add('Thema', category);
  add(`${result.target.description}`, `${formatInteger(result.target.before)} → ${formatInteger(result.target.after)}`);
  add(`Buurgemeenten`, `${formatInteger(result.buffer.before)} → ${formatInteger(result.buffer.after)}`);
  add('WDQ', result.wdq === null ? `niet bepaald: ${result.notDefined?.wdq ?? ''}` : formatDecimal(result.wdq));
  block.append(text, list);
  return block;
}
