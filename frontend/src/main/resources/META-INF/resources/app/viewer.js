import { csrfToken, getJson } from './api.js';

// One colour per district, from the colour-blind-safe Okabe–Ito palette.
const DISTRICT_COLOURS = {
  VR04: '#E69F00', // IJsselland
  VR05: '#56B4E9', // Twente
  VR06: '#009E73', // Noord- en Oost-Gelderland
  VR07: '#CC79A7', // Gelderland-Midden
  VR08: '#0072B2', // Gelderland-Zuid
};
const ROLE_NAMES = { ANALYST: 'analist', MUNICIPALITY: 'gemeente', BBG: 'BBG', ADMIN: 'beheerder' };
const numberFormat = new Intl.NumberFormat('nl-NL');

const map = L.map('kaart', { zoomSnap: 0.25, keyboard: true }).setView([52.25, 6.1], 9);

function showError(message) {
  const element = document.getElementById('melding');
  element.textContent = message;
  element.hidden = false;
}

function showUser(user) {
  const role = ROLE_NAMES[user.role] ?? user.role;
  document.getElementById('gebruiker').textContent = `${user.username} (${role})`;
  document.querySelector('#uitloggen input[name=_csrf]').value = csrfToken();
}

function addBasemap(basemap) {
  if (!basemap.url) {
    return; // offline deployment: the municipalities alone
  }
  L.tileLayer(basemap.url, { attribution: basemap.attribution, maxZoom: 19 }).addTo(map);
}

function styleOf(feature) {
  return {
    className: 'gemeente',
    color: '#333333',
    weight: 1,
    fillColor: DISTRICT_COLOURS[feature.properties.districtCode] ?? '#999999',
    fillOpacity: 0.45,
  };
}

function addMunicipalities(collection) {
  const withGeometry = collection.features.filter((f) => f.geometry);
  const layer = L.geoJSON(withGeometry, {
    style: styleOf,
    onEachFeature: (feature, path) => {
      path.bindTooltip(feature.properties.name, { sticky: true, direction: 'top' });
      path.on('mouseover', () => path.setStyle({ weight: 3, fillOpacity: 0.65 }));
      path.on('mouseout', () => layer.resetStyle(path));
    },
  }).addTo(map);
  if (withGeometry.length > 0) {
    map.fitBounds(layer.getBounds(), { padding: [8, 8] });
  }
  return withGeometry.length;
}

function fillLegend(districts) {
  const legend = document.getElementById('legenda');
  for (const district of districts.features) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `kleur kleur-${district.properties.code}`;
    item.append(swatch, ` ${district.properties.name} (${numberFormat.format(district.properties.municipalities.length)})`);
    legend.append(item);
  }
}

async function start() {
  try {
    const config = await getJson('/api/v1/viewer-config');
    showUser(config.user);
    addBasemap(config.basemap);
    const [municipalities, districts] = await Promise.all([
      getJson('/api/v1/municipalities'),
      getJson('/api/v1/districts'),
    ]);
    const drawn = addMunicipalities(municipalities);
    fillLegend(districts);
    document.getElementById('samenvatting').textContent =
      `${numberFormat.format(drawn)} gemeenten in ${numberFormat.format(districts.features.length)} districten`;
    if (drawn === 0) {
      showError('Er zijn geen gemeentegrenzen geladen. Vraag de beheerder een grenzenbestand van CBS/PDOK te laden.');
    }
  } catch (error) {
    if (error.status !== 401) {
      showError(`De kaart kon niet worden geladen: ${error.message}`);
    }
  }
}

start();
