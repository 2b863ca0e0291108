// The small map of an OGC API items page (/ogc/collections/{id}/items in a browser): the features of
// this page, fetched as GeoJSON with the browser's sign-in, on a plain background.
const element = document.getElementById('kaart');
const response = await fetch(element.dataset.features, { headers: { Accept: 'application/geo+json' } });
if (response.ok) {
  const map = L.map(element);
  const features = L.geoJSON(await response.json()).addTo(map);
  if (features.getBounds().isValid()) {
    map.fitBounds(features.getBounds(), { maxZoom: 15 });
  } else {
    map.setView([52.2, 6.1], 8);
  }
} else {
  element.textContent = `De kaart kon niet worden geladen (${response.status}).`;
}
