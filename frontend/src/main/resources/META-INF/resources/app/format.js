// Dutch number and date formats, and small SVG bar charts (no inline styles: the CSP forbids them).

const integer = new Intl.NumberFormat('nl-NL');
const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const dayMonthYear = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
const monthYear = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric' });

export const formatInteger = (value) => integer.format(value);
export const formatDecimal = (value) => decimal.format(value);
const pValue = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 });
/** A p-value as "= 0,042", or "< 0,001" where three decimals would show 0. */
export const formatP = (p) => (p < 0.001 ? '< 0,001' : `= ${pValue.format(p)}`);
export const formatChange = (now, before) =>
  before > 0 ? `${percent.format((100 * (now - before)) / before)}%` : 'n.v.t.';
export const formatDate = (iso) => dayMonthYear.format(new Date(`${iso}T00:00:00`));
export const formatMonth = (yearMonth) => monthYear.format(new Date(`${yearMonth}-01T00:00:00`));

/** "1 januari 2026 t/m 31 maart 2026" for the API's [from, to). */
export function formatPeriod(from, to) {
  if (!from && !to) return 'de hele periode';
  const last = to ? new Date(new Date(`${to}T00:00:00`).getTime() - 12 * 60 * 60 * 1000) : null;
  const end = last ? dayMonthYear.format(last) : 'nu';
  return `${from ? formatDate(from) : 'het begin'} t/m ${end}`;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * A bar chart of labelled values into {@code container}; null values (suppressed) are drawn as a
 * hatched stub. The chart carries a text alternative listing every value.
 */
export function barChart(container, bars, { title, labelEvery = 1 }) {
  container.replaceChildren();
  const width = 320;
  const height = 140;
  const bottom = 22; // room for the axis labels
  const top = 22; // room for the maximum
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const step = width / Math.max(1, bars.length);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'staafgrafiek' });
  chart.append(svg('title', {}, title));
  chart.append(svg('desc', {}, bars.map((b) => `${b.label}: ${b.value === null ? 'te weinig om te tonen'
    : formatInteger(b.value)}`).join('; ')));
  bars.forEach((bar, i) => {
    const x = i * step + 1;
    if (bar.value === null) {
      chart.append(svg('rect', { x, y: height - bottom - 4, width: step - 2, height: 4, class: 'onderdrukt' }));
    } else {
      const barHeight = ((height - bottom - top) * bar.value) / max;
      const rect = svg('rect', { x, y: height - bottom - barHeight, width: step - 2, height: barHeight, class: 'staaf' });
      rect.append(svg('title', {}, `${bar.label}: ${formatInteger(bar.value)}`));
      chart.append(rect);
    }
    if (i % labelEvery === 0) {
      chart.append(svg('text', { x: x + step / 2, y: height - 5, 'text-anchor': 'middle', class: 'as' }, bar.short ?? bar.label));
    }
  });
  chart.append(svg('text', { x: 2, y: 14, class: 'as' }, `max. ${formatInteger(max)}`));
  container.append(chart);
}
