// The login form posts a CSRF token; the service hands it out at /csrf. The form's action carries
// the page's fragment, so that after signing in the browser returns to the view a shared link asked
// for (a redirect without a fragment keeps the one of the request).
const form = document.getElementById('inlogformulier');
const params = new URLSearchParams(window.location.search);
document.getElementById('fout').hidden = !params.has('fout');
document.getElementById('uitgelogd').hidden = !params.has('uitgelogd');
if (window.location.hash) {
  form.action = `/login${window.location.hash}`;
}

const response = await fetch('/csrf', { credentials: 'same-origin' });
if (response.ok) {
  const csrf = await response.json();
  form.elements[csrf.parameterName].value = csrf.token;
}
