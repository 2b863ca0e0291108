// The search box: municipalities and districts by name from what the viewer already holds (works
// offline), and addresses through the deployment's geocoder (a PDOK Locatieserver "free" endpoint),
// which the service offers only when the map has a basemap to show an address on.

const MAX_RESULTS = 6;

export class AreaSearch {
  constructor({ areas, geocoder, map, onArea }) {
    this.areas = [...areas.entries()].filter(([code]) => code !== 'all')
      .map(([code, area]) => ({ code, name: area.name, label: area.label }));
    this.geocoder = geocoder?.url ?? null;
    this.map = map;
    this.onArea = onArea;
    this.marker = null;
    this.form = document.getElementById('zoeken');
    this.input = document.getElementById('zoekterm');
    this.results = document.getElementById('zoek-uitkomst');
    document.getElementById('zoek-adres').hidden = !this.geocoder;
    document.getElementById('zoek-namen').replaceChildren(...this.areas.map((area) => new Option(area.name)));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.search(this.input.value.trim());
    });
  }

  async search(term) {
    this.results.replaceChildren();
    if (!term) return;
    const wanted = term.toLocaleLowerCase('nl');
    const exact = this.areas.find((area) => area.name.toLocaleLowerCase('nl') === wanted);
    if (exact) {
      this.choose(exact);
      return;
    }
    const matches = this.areas.filter((area) => area.name.toLocaleLowerCase('nl').includes(wanted)).slice(0, MAX_RESULTS)
      .map((area) => this.button(area.label, () => this.choose(area)));
    this.results.append(...matches);
    if (this.geocoder) {
      try {
        const addresses = await this.addresses(term);
        this.results.append(...addresses.map((address) => this.button(address.name, () => this.show(address))));
      } catch {
        this.results.append(item('De adreszoeker is nu niet bereikbaar.'));
      }
    }
    if (this.results.children.length === 0) {
      this.results.append(item(`Geen gemeente of district${this.geocoder ? ' of adres' : ''} gevonden voor “${term}”.`));
    }
  }

  choose(area) {
    this.results.replaceChildren(item(`Getoond: ${area.label}.`));
    this.input.value = area.name;
    this.onArea(area.code);
  }

  /** Addresses from the Locatieserver: its display name and its centroid ("POINT(lon lat)"). */
  async addresses(term) {
    const params = new URLSearchParams({ q: term, rows: String(MAX_RESULTS), fl: 'weergavenaam,centroide_ll',
      fq: 'type:(adres OR postcode OR weg OR woonplaats)' });
    const response = await fetch(`${this.geocoder}?${params}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(response.statusText);
    const answer = await response.json();
    return (answer.response?.docs ?? []).map((doc) => {
      const [lng, lat] = /POINT\(([-\d.]+) ([-\d.]+)\)/.exec(doc.centroide_ll ?? '')?.slice(1).map(Number) ?? [];
      return { name: doc.weergavenaam, lat, lng };
    }).filter((address) => Number.isFinite(address.lat) && Number.isFinite(address.lng));
  }

  show(address) {
    this.results.replaceChildren(item(`Getoond: ${address.name}.`));
    this.marker?.remove();
    this.marker = L.circleMarker([address.lat, address.lng], { radius: 8, color: '#1f4e79', weight: 3, fillOpacity: 0 })
      .bindTooltip(address.name).addTo(this.map);
    this.map.setView([address.lat, address.lng], 16);
  }

  button(label, action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', action);
    return item(button);
  }
}

function item(content) {
  const li = document.createElement('li');
  li.append(content);
  return li;
}
