// The view — layers, filters, area, map position, open municipality — and its URL form, so that a
// view can be shared: everything lives in the fragment (#...), which never reaches a server log.

const DAY = 24 * 60 * 60 * 1000;

export const PRESETS = ['4w', 'maand', 'kwartaal', 'jaar', 'alles', 'eigen'];

/**
 * The period choices of an account. Accounts that see aggregates only (every role but ANALYST) get
 * whole calendar months: the service refuses other periods for them (DESIGN.md, disclosure control).
 */
export function presetsFor(wholeMonths) {
  return wholeMonths
    ? [['maand', 'Vorige maand'], ['kwartaal', 'Vorig kwartaal'], ['jaar', 'Laatste 12 volle maanden'],
      ['alles', 'Alles'], ['eigen', 'Eigen maanden']]
    : [['4w', 'Laatste 4 weken'], ['maand', 'Vorige maand'], ['kwartaal', 'Vorig kwartaal'], ['jaar', 'Laatste 12 maanden'],
      ['alles', 'Alles'], ['eigen', 'Eigen periode']];
}

export function defaultView() {
  return {
    layers: ['municipalities'],
    opacity: {},
    categories: [],
    preset: 'jaar',
    from: null,
    to: null,
    area: 'all',
    measure: 'count',
    centre: null,
    zoom: null,
    municipality: null,
  };
}

export function readView(hash) {
  const view = defaultView();
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.has('lagen')) view.layers = params.get('lagen').split(',').filter(Boolean);
  if (params.has('dekking')) {
    for (const pair of params.get('dekking').split(',')) {
      const [id, value] = pair.split(':');
      const opacity = Number(value);
      if (id && opacity >= 0 && opacity <= 1) view.opacity[id] = opacity;
    }
  }
  if (params.has('themas')) view.categories = params.get('themas').split(',').filter(Boolean);
  if (PRESETS.includes(params.get('periode'))) view.preset = params.get('periode');
  if (isDate(params.get('van'))) view.from = params.get('van');
  if (isDate(params.get('tot'))) view.to = params.get('tot');
  if (params.has('gebied')) view.area = params.get('gebied');
  if (['count', 'rate', 'change'].includes(params.get('maat'))) view.measure = params.get('maat');
  const centre = (params.get('midden') ?? '').split(',').map(Number);
  if (centre.length === 2 && centre.every(Number.isFinite)) view.centre = centre;
  // whole zoom levels only: the service draws tiles for integer zooms (older links may carry 12.5)
  const zoom = Math.round(Number(params.get('zoom')));
  if (params.has('zoom') && Number.isFinite(zoom)) view.zoom = zoom;
  if (/^GM\d{4}$/.test(params.get('gemeente') ?? '')) view.municipality = params.get('gemeente');
  return view;
}

export function writeView(view) {
  const params = new URLSearchParams();
  params.set('lagen', view.layers.join(','));
  const opacity = Object.entries(view.opacity).map(([id, value]) => `${id}:${value}`);
  if (opacity.length) params.set('dekking', opacity.join(','));
  if (view.categories.length) params.set('themas', view.categories.join(','));
  params.set('periode', view.preset);
  if (view.preset === 'eigen') {
    if (view.from) params.set('van', view.from);
    if (view.to) params.set('tot', view.to);
  }
  if (view.area !== 'all') params.set('gebied', view.area);
  params.set('maat', view.measure);
  if (view.centre) params.set('midden', view.centre.map((v) => v.toFixed(5)).join(','));
  if (view.zoom !== null) params.set('zoom', String(view.zoom));
  if (view.municipality) params.set('gemeente', view.municipality);
  return `#${params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':')}`;
}

function isDate(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value ?? '') && !Number.isNaN(Date.parse(value));
}

export function isoDate(date) {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * The period of the view as the API takes it: from inclusive, to exclusive (YYYY-MM-DD), or nulls
 * for all time. "Tot en met" in the form is inclusive, so the API's end is the day after. With
 * {@code wholeMonths} every period is widened to whole calendar months (the first of a month to the
 * first of a later month).
 */
export function period(view, wholeMonths, today = new Date()) {
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  const monthStart = new Date(today.getFullYear(), today.getMonth(), 1);
  switch (view.preset) {
    case '4w':
    case 'maand':
      return wholeMonths || view.preset === 'maand'
        ? { from: isoDate(new Date(today.getFullYear(), today.getMonth() - 1, 1)), to: isoDate(monthStart) }
        : { from: isoDate(new Date(tomorrow.getTime() - 28 * DAY)), to: isoDate(tomorrow) };
    case 'kwartaal': {
      const quarterStart = new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3, 1);
      const previous = new Date(quarterStart.getFullYear(), quarterStart.getMonth() - 3, 1);
      return { from: isoDate(previous), to: isoDate(quarterStart) };
    }
    case 'jaar':
      return wholeMonths
        ? { from: isoDate(new Date(today.getFullYear() - 1, today.getMonth(), 1)), to: isoDate(monthStart) }
        : { from: isoDate(new Date(tomorrow.getFullYear() - 1, tomorrow.getMonth(), tomorrow.getDate())),
          to: isoDate(tomorrow) };
    case 'eigen': {
      const start = view.from ? new Date(`${view.from}T00:00:00`) : null;
      const end = view.to ? new Date(`${view.to}T00:00:00`) : null;
      if (wholeMonths) {
        return { from: start ? isoDate(new Date(start.getFullYear(), start.getMonth(), 1)) : null,
          to: end ? isoDate(new Date(end.getFullYear(), end.getMonth() + 1, 1)) : null };
      }
      return { from: view.from, to: end ? isoDate(new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1)) : null };
    }
    default:
      return { from: null, to: null };
  }
}

/** The last day of the month of an ISO date, as an ISO date ("tot en met" of a month input). */
export function lastDayOfMonth(iso) {
  const date = new Date(`${iso}T00:00:00`);
  return isoDate(new Date(date.getFullYear(), date.getMonth() + 1, 0));
}

/** The filters as query parameters of tiles, TileJSON and analyses. */
export function filterQuery(view, wholeMonths) {
  const params = new URLSearchParams();
  for (const category of view.categories) params.append('category', category);
  const { from, to } = period(view, wholeMonths);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params;
}
