// Calls to the service API. The X-Requested-With header tells the service this is the viewer,
// so an expired session answers 401 without the browser's own password dialog.

export class ServiceError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** The service's refusal as an error carrying its problem+json detail (or the status text). */
async function refusal(response) {
  let detail = response.statusText;
  try {
    detail = (await response.json()).detail ?? detail;
  } catch {
    // not a problem+json body: keep the status text
  }
  return new ServiceError(response.status, detail);
}

export async function getJson(path) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/geo+json, application/json', 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (response.status === 401) {
    // the sign-in keeps the view: the login page hands the fragment on through its form
    window.location.assign(`/login.html${window.location.hash}`);
    throw new ServiceError(401, 'Niet ingelogd');
  }
  if (!response.ok) throw await refusal(response);
  return response.json();
}

/** The CSRF token the service set as a cookie; sent back with every state-changing call. */
export function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/**
 * Signs out through the form: it posts the masked CSRF token the service hands out at /csrf (the
 * cookie holds the raw token, which a form parameter may not carry).
 */
export async function signOut(form) {
  const csrf = await getJson('/csrf');
  form.elements[csrf.parameterName].value = csrf.token;
  form.submit();
}

/** POSTs JSON (with the CSRF token) and returns the JSON answer, e.g. a registered intervention. */
export async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(),
      'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await refusal(response);
  return response.json();
}

/** POSTs JSON (with the CSRF token) and returns the answer as a Blob, e.g. a PDF. */
export async function postForBlob(path, body) {
  return blobOf(await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken(), 'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify(body),
  }));
}

/** GETs a resource as a PDF (a profile, a pack) and returns it as a Blob with its file name. */
export async function getPdf(path) {
  return blobOf(await fetch(path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/pdf', 'X-Requested-With': 'XMLHttpRequest' },
  }));
}

/** Saves a Blob under its name, as a download. */
export function download({ blob, name }) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

async function blobOf(response) {
  if (!response.ok) throw await refusal(response);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'kaart';
  return { blob: await response.blob(), name };
}
