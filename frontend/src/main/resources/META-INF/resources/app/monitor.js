// The strategy monitor: per theme the indicator of the area chosen in the filters against its
// baseline year and the strategy's target, and the profile, hemp figures and unit-wide pack as PDF.

import { download, getJson, getPdf } from './api.js';
import { barChart, formatInteger } from './format.js';

const change = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1,
  signDisplay: 'exceptZero' });
const formatChange = (value) => (value === null || value === undefined ? '–' : `${change.format(value)}%`);
/** A year's count: '–' for a year the source does not hold, 'klein' for one withheld from this account. */
const formatCount = (point) => {
  if (!point.held) return '–';
  return point.count === null ? 'klein' : formatInteger(point.count);
};

export class StrategyMonitor {
  /**
   * @param area the viewer's chosen area: 'all', a district code or a municipality code
   * @param scope the municipalities a municipal account sees, or null for every one
   */
  constructor({ config, scope, area }) {
    this.config = config;
    this.scope = scope;
    this.area = area;
    this.section = document.getElementById('monitor-sectie');
    const role = config.user.role;
    if (role === 'ADMIN') return; // figures drawn from incidents are none of an administrator's business
    this.section.hidden = false;
    document.getElementById('monitor-tonen').addEventListener('click', () => this.show());
    document.getElementById('profiel-pdf').addEventListener('click', () => this.pdf(
      `/api/v1/profiles/${this.areaCode()}`, 'Het profiel'));
    document.getElementById('hennep-pdf').addEventListener('click', () => this.pdf(
      `/api/v1/hemp-figures?area=${this.areaCode()}`, 'De hennepcijfers'));
    const pack = document.getElementById('eenheid-pdf');
    pack.hidden = !(role === 'BBG' || role === 'ANALYST');
    pack.addEventListener('click', () => this.pdf('/api/v1/briefings/unit', 'Het BBG-pakket'));
  }

  /** The area as the monitor names it; a municipal account sees no unit or district whole, so its own municipality. */
  areaCode() {
    const area = this.area();
    if (this.scope) return /^GM/.test(area) && this.scope.has(area) ? area : this.config.user.municipality;
    return area === 'all' ? 'unit' : area;
  }

  async show() {
    const result = document.getElementById('monitor-uitkomst');
    const source = document.getElementById('monitor-bron').value;
    result.replaceChildren(document.createTextNode('De monitor wordt berekend…'));
    try {
      const report = await getJson(`/api/v1/monitor?area=${this.areaCode()}&source=${source}`);
      result.replaceChildren(this.table(report));
      const first = report.indicators.find((indicator) => indicator.target !== null) ?? report.indicators[0];
      if (first) {
        const chart = document.createElement('div');
        chart.className = 'grafiek';
        barChart(chart, first.series.map((point) => ({ label: String(point.year), short: `'${String(point.year)
          .substring(2)}`, value: point.count })), { title: `${first.label}, ${report.areaName}, per jaar` });
        const caption = document.createElement('p');
        caption.className = 'uitleg';
        caption.textContent = `${first.label} per jaar, ${first.baselineYear}–${first.year}.`;
        result.append(caption, chart);
      }
    } catch (error) {
      result.textContent = `De monitor kon niet worden berekend: ${error.message}`;
    }
  }

  table(report) {
    const table = document.createElement('table');
    table.className = 'cijfers monitor';
    table.createCaption().textContent = `${report.strategy}: ${report.areaName}`;
    const head = table.createTHead().insertRow();
    for (const title of ['Indicator', 'Basis → nu', 'Verschil', 'Doel en stand']) {
      const cell = document.createElement('th');
      cell.scope = 'col';
      cell.textContent = title;
      head.append(cell);
    }
    const body = table.createTBody();
    for (const indicator of report.indicators) {
      const row = body.insertRow();
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = indicator.label;
      row.append(name);
      const series = indicator.series;
      row.insertCell().textContent = `${indicator.baselineYear}: ${formatCount(series[0])} → `
        + `${indicator.year}: ${formatCount(series[series.length - 1])}`;
      row.insertCell().textContent = formatChange(indicator.changePercent);
      const state = row.insertCell();
      const target = indicator.target === null ? 'geen doel'
        : `doel ${formatChange(indicator.target)} in ${indicator.targetYear}`;
      const standing = indicator.onTrack === null ? (indicator.complete ? '' : ', reeks onvolledig')
        : (indicator.onTrack ? ': op koers' : ': niet op koers');
      state.textContent = target + standing;
      if (indicator.onTrack !== null) state.className = indicator.onTrack ? 'op-koers' : 'niet-op-koers';
      if (!indicator.complete) state.title = 'Niet elk jaar van de reeks is volledig in de gegevens.';
    }
    return table;
  }

  async pdf(path, what) {
    const result = document.getElementById('monitor-pdf-uitkomst');
    result.textContent = `${what} wordt gemaakt…`;
    try {
      const file = await getPdf(path);
      download(file);
      result.textContent = `${what} is gemaakt: ${file.name}`;
    } catch (error) {
      result.textContent = `${what} kon niet worden gemaakt: ${error.message}`;
    }
  }
}
