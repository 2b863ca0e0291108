// The login form posts a CSRF token; the service hands it out at /csrf.
const form = document.getElementById('inlogformulier');
const params = new URLSearchParams(window.location.search);
document.getElementById('fout').hidden = !params.has('fout');
document.getElementById('uitgelogd').hidden = !params.has('uitgelogd');

const response = await fetch('/csrf', { credentials: 'same-origin' });
if (response.ok) {
  const csrf = await response.json();
  form.elements[csrf.parameterName].value = csrf.token;
}
