// The municipality drawer: figures per theme for the period and the one before, the monthly and
// yearly trend, and the waterbed check against the neighbours in plain Dutch.

import { getJson } from './api.js';
import { barChart, formatChange, formatDate, formatDecimal, formatInteger, formatMonth, formatP, formatPeriod }
  from './format.js';
import { isoDate } from './state.js';

const TOTAL = '__totaal__';
const SIGNIFICANT = 0.10; // the 90 % level of Wheeler and Ratcliffe's WDD test (docs/waterbedeffect.md)

export class MunicipalityPanel {
  /**
   * The municipalities a municipal account sees figures of (its own and its neighbours), or null
   * when the account sees every municipality.
   */
  static async scopeOf(user) {
    if (!user.municipality) return null;
    const own = await getJson(`/api/v1/municipalities/${user.municipality}`);
    return new Set([user.municipality, ...(own.properties.neighbours ?? [])]);
  }

  constructor({ config, municipalities, scope, wholeMonths, onClose }) {
    this.section = document.getElementById('gemeente');
    this.config = config;
    this.names = new Map(municipalities.features.map((f) => [f.id, f.properties.name]));
    this.scope = scope;
    this.wholeMonths = wholeMonths;
    this.code = null;
    this.statistics = [];
    const close = () => { this.close(); onClose(); document.getElementById('kaart').focus(); };
    document.getElementById('gemeente-sluiten').addEventListener('click', close);
    this.section.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });
    document.getElementById('misdrijfsoort').addEventListener('change', () => this.drawYears());
    document.getElementById('waterbed-formulier').addEventListener('submit', (event) => {
      event.preventDefault();
      this.checkWaterbed();
    });
    this.buildWaterbedForm();
  }

  buildWaterbedForm() {
    const themes = document.getElementById('waterbed-thema');
    for (const category of this.config.categories) themes.append(new Option(category.label, category.code));
    const date = document.getElementById('aanpak-datum');
    const today = new Date();
    // by default: an intervention six months ago, so that six whole months after it lie in the past
    const sixMonthsAgo = isoDate(new Date(today.getFullYear(), today.getMonth() - 6, 1));
    if (this.wholeMonths) {
      date.type = 'month'; // the service counts whole calendar months for this account
      date.value = sixMonthsAgo.substring(0, 7);
      document.querySelector('label[for=aanpak-datum]').textContent = 'Maand van de aanpak';
    } else {
      date.value = sixMonthsAgo;
    }
  }

  close() {
    this.code = null;
    this.section.hidden = true;
  }

  /** Opens (or refreshes) the drawer for a municipality with the view's filters. */
  async open(code, view, query, { focus = false } = {}) {
    const opening = this.code !== code;
    this.code = code;
    this.view = view;
    this.query = query;
    this.section.hidden = false;
    const name = this.names.get(code) ?? code;
    document.getElementById('gemeente-naam').textContent = name;
    if (focus) document.getElementById('gemeente-naam').focus();
    if (opening) {
      document.getElementById('waterbed').replaceChildren();
      const theme = view.categories[0] ?? 'woninginbraak';
      const themes = document.getElementById('waterbed-thema');
      if ([...themes.options].some((o) => o.value === theme)) themes.value = theme;
    }
    const content = document.getElementById('gemeente-inhoud');
    if (this.scope && !this.scope.has(code)) {
      content.hidden = true;
      document.getElementById('gemeente-periode').textContent = `Uw account ziet alleen cijfers van de eigen gemeente`
        + ` (${this.names.get(this.config.user.municipality) ?? this.config.user.municipality}) en de buurgemeenten;`
        + ` voor ${name} toont de kaart daarom geen cijfers.`;
      return;
    }
    content.hidden = false;
    const tbody = document.querySelector('#gemeente-cijfers tbody');
    try {
      const figures = await getJson(`/api/v1/municipalities/${code}/figures?${query}`);
      if (this.code !== code) return;
      tbody.replaceChildren(...figures.categories.map(tableRow));
      // non-analysts get counts rounded and small ones withheld (the service's disclosure policy): say so
      const rounding = this.config.countsRoundedTo
        ? `; aantallen afgerond op veelvouden van ${this.config.countsRoundedTo}, minder dan `
          + `${this.config.minimumCount} niet getoond` : '';
      // the rate's denominator: inhabitants on 1 January of the year nearest to the period (the service says which)
      const inhabitants = figures.population === null ? '; geen inwonertal geladen'
        : `; per 1.000 inwoners: ${formatInteger(figures.population)} inwoners op 1 januari ${figures.populationYear}`;
      document.getElementById('gemeente-periode').textContent = `${formatPeriod(figures.from, figures.to)}, `
        + `vergeleken met ${formatPeriod(figures.previousFrom, figures.from)}${rounding}${inhabitants}`;
      barChart(document.getElementById('maandgrafiek'), figures.months.map((m) => ({
        label: formatMonth(m.month), short: m.month.endsWith('-01') ? m.month.substring(0, 4) : '', value: m.count,
      })), { title: `Incidenten per maand in ${figures.name}` });
      this.drawTimeProfile(code, query, figures.name);
    } catch (error) {
      tbody.replaceChildren();
      document.getElementById('gemeente-periode').textContent = `De cijfers konden niet worden geladen: ${error.message}`;
      document.getElementById('maandgrafiek').replaceChildren();
    }
    await this.loadStatistics(code);
  }

  /** The weekday × hour heat table of the view's incidents (aoristic weights, docs/risicoanalyse-tijd-en-herhaling.md). */
  async drawTimeProfile(code, query, name) {
    const target = document.getElementById('tijdprofiel');
    target.textContent = 'Bezig met het tijdprofiel…';
    try {
      const profile = await getJson(`/api/v1/analysis/time-profile?area=${code}&${query}`);
      if (this.code !== code) return;
      target.replaceChildren(heatTable(profile, name));
    } catch (error) {
      target.textContent = `Het tijdprofiel kon niet worden geladen: ${error.message}`;
    }
  }

  async loadStatistics(code) {
    let failed = false;
    try {
      this.statistics = await getJson(`/api/v1/area-statistics?municipality=${code}`);
    } catch {
      this.statistics = [];
      failed = true;
    }
    const select = document.getElementById('misdrijfsoort');
    const previous = select.value;
    const kinds = [...new Set(this.statistics.map((s) => s.category))].sort();
    select.replaceChildren(option(TOTAL, 'Totaal van deze soorten'), ...kinds.map((kind) => option(kind, kind)));
    select.value = kinds.includes(previous) ? previous : TOTAL;
    this.drawYears(failed);
  }

  drawYears(failed = false) {
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
      chart.textContent = failed ? 'De geregistreerde misdrijven konden niet worden geladen.'
        : 'Er zijn geen geregistreerde misdrijven voor deze gemeente geladen.';
      return;
    }
    barChart(chart, years.map((year) => ({ label: year, short: `’${year.substring(2)}`, value: perYear.get(year) })),
      { title: 'Geregistreerde misdrijven per jaar', labelEvery: years.length > 8 ? 2 : 1 });
  }

  async checkWaterbed() {
    const target = document.getElementById('waterbed');
    const input = document.getElementById('aanpak-datum').value;
    if (!input) {
      target.textContent = 'Vul de datum van de aanpak in.';
      return;
    }
    const date = this.wholeMonths ? `${input}-01` : input;
    const window = document.getElementById('waterbed-venster').value;
    const themes = document.getElementById('waterbed-thema');
    const theme = { code: themes.value, label: themes.selectedOptions[0].textContent };
    target.textContent = 'Bezig met de waterbedcheck…';
    try {
      const params = new URLSearchParams({ target: this.code, category: theme.code, interventionDate: date, window });
      const result = await getJson(`/api/v1/analysis/displacement?${params}`);
      target.replaceChildren(waterbedSummary(result, theme, date, this.names.get(this.code) ?? this.code));
      target.scrollIntoView({ block: 'nearest' }); // the verdict, not the form, is what the user waits for
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
    row.count === null || row.previousCount === null ? '–' : formatChange(row.count, row.previousCount),
    row.ratePer1000 === null ? '–' : formatDecimal(row.ratePer1000)];
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 ? 'th' : 'td');
    if (i === 0) cell.scope = 'row';
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
const WEEKDAY_NAMES = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const hour = (h) => String(h).padStart(2, '0');

/**
 * Weekdays (rows, Monday first) × hours 00–23: the darker, the more incidents. A cell the service
 * withheld (too few, for accounts other than analysts) is hatched.
 */
export function heatTable(profile, name) {
  const values = profile.weights.flat().filter((v) => v !== null);
  const highest = Math.max(0, ...values);
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.className = 'uitleg';
  const spread = profile.spread === null ? '' : `; ${formatInteger(profile.spread)} zonder precies tijdstip zijn over hun`
    + ' tijdvak verdeeld';
  caption.textContent = `Incidenten per weekdag en uur in ${name} (${profile.incidents === null ? 'te weinig'
    : formatInteger(profile.incidents)} incidenten${spread})${profile.exact ? ''
    : '; afgerond, kleine aantallen niet getoond (gearceerd)'}`;
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (let h = 0; h < 24; h++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h % 3 === 0 ? hour(h) : '';
    th.title = `${hour(h)}:00–${hour(h + 1)}:00`;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  profile.weights.forEach((day, d) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = WEEKDAYS[d];
    tr.append(th);
    day.forEach((value, h) => {
      const td = document.createElement('td');
      const when = `${WEEKDAY_NAMES[d]} ${hour(h)}:00–${hour(h + 1)}:00`;
      if (value === null) {
        td.className = 'onbekend';
        td.title = `${when}: te weinig om te tonen`;
      } else {
        const share = highest > 0 ? value / highest : 0;
        td.style.background = `rgba(178, 24, 43, ${(0.05 + 0.95 * share).toFixed(3)})`;
        td.title = `${when}: ${formatDecimal(Number(value.toFixed(1)))}`;
      }
      td.dataset.waarde = value === null ? '' : String(value);
      tr.append(td);
    });
    tbody.append(tr);
  });
  table.append(caption, thead, tbody);
  return table;
}

function option(value, label) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = label;
  return element;
}

/** "2026-01-01..2026-06-30" → "1 januari 2026 t/m 30 juni 2026". */
const studyPeriod = (text) => text.split('..').map((day) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(day) : day))
  .join(' t/m ');

const significant = (wdd) => wdd && wdd.p !== null && wdd.p !== undefined && wdd.p < SIGNIFICANT;

/**
 * The verdict in plain Dutch, one rule throughout: a change counts only when its test is significant
 * at 90 %; otherwise the text says it may be chance. The target's own change decides whether there
 * was a success to displace; the neighbours' change (relative to the rest of the district) decides
 * between displacement, spreading of the benefit, or no sign of either.
 */
export function verdict(result, place) {
  const local = result.localWdd;
  const buffer = result.bufferWdd;
  if (result.successMeasure === null || local?.z === null || buffer?.z === null) {
    return ['Niet te beoordelen',
      'Er zijn te weinig incidenten (in deze gemeente, de buurgemeenten of de rest van het district) om de perioden'
      + ' vóór en na de aanpak te vergelijken.'];
  }
  const targetFell = significant(local) && local.estimate < 0;
  const bufferRose = significant(buffer) && buffer.estimate > 0;
  const bufferFell = significant(buffer) && buffer.estimate < 0;
  if (!targetFell) {
    return ['Geen duidelijk effect van de aanpak',
      `Na de aanpak daalde het aantal in ${place} niet duidelijk meer dan in de rest van het district; het verschil`
      + ' kan toeval zijn. Of iets naar de buurgemeenten verschoof, is dan niet te zeggen.'
      + (bufferRose ? ' Wel steeg het in de buurgemeenten duidelijk meer dan in de rest van het district.' : '')];
  }
  if (bufferRose) {
    return ['Waarschijnlijk een waterbedeffect',
      `Na de aanpak daalde het aantal in ${place} duidelijk, maar in de buurgemeenten steeg het meer dan in de rest`
      + ' van het district. Dat verschil is te groot om toeval te zijn: het probleem lijkt deels verschoven.'];
  }
  if (bufferFell) {
    return ['Geen waterbedeffect: de buurgemeenten profiteerden mee',
      `Na de aanpak daalde het aantal in ${place} duidelijk, en in de buurgemeenten daalde het ook, meer dan in de`
      + ' rest van het district.'];
  }
  return ['Geen aanwijzing voor een waterbedeffect',
    `Na de aanpak daalde het aantal in ${place} duidelijk. In de buurgemeenten veranderde het niet meer dan toeval`
    + ' kan verklaren.'];
}

function waterbedSummary(result, theme, date, place) {
  const block = document.createElement('div');
  block.className = 'waterbed';
  const [headline, explanation] = verdict(result, place);
  const heading = document.createElement('p');
  heading.className = 'oordeel';
  heading.textContent = headline;
  const text = document.createElement('p');
  text.textContent = explanation;
  const context = document.createElement('p');
  context.className = 'uitleg';
  context.textContent = `${theme.label}, aanpak op ${formatDate(date)}: ${studyPeriod(result.periods.after)} vergeleken`
    + ` met ${studyPeriod(result.periods.before)}.`;
  const counts = document.createElement('dl');
  const add = (list, term, value) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  };
  const count = (value) => (value === null || value === undefined ? 'te weinig' : formatInteger(value));
  add(counts, place, `${count(result.target.before)} vóór, ${count(result.target.after)} na`);
  add(counts, 'Buurgemeenten', `${count(result.buffer.before)} vóór, ${count(result.buffer.after)} na`);
  add(counts, 'Rest van het district', `${count(result.control.before)} vóór, ${count(result.control.after)} na`);

  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Details voor analisten';
  const measures = document.createElement('dl');
  const value = (v, digits = 2) => (v === null || v === undefined ? 'niet bepaald' : formatDecimal(Number(v.toFixed(digits))));
  const test = (wdd) => (wdd?.z === null || wdd?.z === undefined ? 'niet bepaald'
    : `${value(wdd.estimate, 1)} (90%-interval ${value(wdd.ci90[0], 1)} tot ${value(wdd.ci90[1], 1)}; z = ${value(wdd.z)}; `
      + `p ${formatP(wdd.p)})`);
  add(measures, 'Succesmaat (SM)', value(result.successMeasure, 4));
  add(measures, 'Buffermaat (BDM)', value(result.bufferDisplacementMeasure, 4));
  add(measures, 'Gewogen verplaatsingsquotiënt (WDQ)', result.wdq === null
    ? 'niet bepaald: alleen als de gemeente zelf verbeterde' : value(result.wdq));
  add(measures, 'Totaal netto-effect (TNE)', value(result.totalNetEffect, 1));
  add(measures, 'WDD, gemeente en buren samen', test(result.wdd));
  add(measures, 'WDD, alleen de gemeente', test(result.localWdd));
  add(measures, 'WDD, alleen de buurgemeenten', test(result.bufferWdd));
  const method = document.createElement('p');
  method.className = 'uitleg';
  method.textContent = 'Controlegebied: de rest van het district. Significant betekent hier: p kleiner dan 0,10'
    + ' (90%-interval zonder 0), volgens de toets van Wheeler en Ratcliffe (2018).';
  details.append(summary, measures, method);
  block.append(heading, text, context, counts, details);
  return block;
}
