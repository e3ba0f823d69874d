// Offline capture ("Ghi nhận ngoại tuyến"): entries are kept in IndexedDB (idb-keyval) and sent to
// the same /api/v1 routes as any client, each with its Idempotency-Key (made here, once) and the
// time it was captured. A retry never creates a second record; a 409 keeps the entry and shows both
// versions; an expired session asks to sign in. Nothing is ever removed without the officer's click.
import { createStore, del, get, set, values } from './idb-keyval.js';
import { dbName, markUnsynced } from './device.js';

const app = document.querySelector('[data-field-app]');
const M = JSON.parse(app.dataset.messages);
// Each officer's entries live in a database of their own: another user of the phone never sees or sends them.
const user = app.dataset.userId;
const store = createStore(dbName(user), 'entries');
const $ = (sel, root = app) => root.querySelector(sel);
const list = $('[data-field-list]');
const say = (text) => { $('[data-field-msg]').textContent = text; };

const pad = (n) => String(n).padStart(2, '0');
const ddmmyyyy = (d) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
const stamp = (iso) => { const d = new Date(iso); return `${ddmmyyyy(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`; };
const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join(''));

/** The form's fields as the API wants them: numbers, lists of lines, files; empty optional fields left out. */
function readForm(form) {
  const fields = {};
  for (const el of form.elements) {
    if (!el.name || !el.dataset.type) continue;
    const type = el.dataset.type;
    if (type === 'file') { if (el.files[0]) fields[el.name] = el.files[0]; continue; }
    const v = el.value.trim();
    if (v === '') continue;
    // The version of the chosen item as read online: the server refuses a stale one with 409 (both versions shown).
    const version = el.tagName === 'SELECT' ? el.options[el.selectedIndex]?.dataset.lockVersion : undefined;
    if (version !== undefined) fields.lockVersion = Number(version);
    fields[el.name] = type === 'int' ? Number(v) : type === 'lines' ? v.split('\n').map((s) => s.trim()).filter(Boolean) : v;
  }
  return fields;
}

/** A short line naming the entry: the form's title and the chosen item. */
function labelOf(form) {
  const sel = form.querySelector('select');
  return `${form.dataset.title}: ${sel ? sel.options[sel.selectedIndex].text : ''}`;
}

/**
 * Stores the form as an entry, then empties the form. Its controls are disabled until then: on a slow
 * phone the store can take a moment, and what the officer typed meanwhile would be wiped by the reset.
 */
async function capture(form) {
  const controls = [...form.elements].filter((el) => !el.disabled);
  for (const el of controls) el.disabled = true;
  try {
    await saveEntry(form);
  } finally {
    for (const el of controls) el.disabled = false;
  }
  await render();
  if (navigator.onLine) sync();
}

async function saveEntry(form) {
  const editing = form.dataset.editing;
  const old = editing ? await get(editing, store) : undefined;
  const entry = {
    id: old ? old.id : newKey(), kind: form.dataset.kind, user, pathTemplate: form.dataset.path, encoding: form.dataset.encoding,
    label: labelOf(form), fields: readForm(form), capturedAt: old ? old.capturedAt : new Date().toISOString(), state: 'pending',
  };
  await set(entry.id, entry, store);
  form.reset();
  delete form.dataset.editing;
  form.querySelector('[data-field-editing]').hidden = true;
  setToday();
  say(M.saved);
}

/** The request of an entry: path parameters filled from its fields, the rest as JSON or multipart. */
function requestOf(e) {
  const rest = { ...e.fields };
  const path = e.pathTemplate.replace(/\{(\w+)\}/g, (_, k) => { const v = rest[k]; delete rest[k]; return encodeURIComponent(v); });
  if (e.encoding === 'multipart') {
    const body = new FormData();
    for (const [k, v] of Object.entries(rest)) body.append(k, v);
    return { path, body };
  }
  return { path, body: JSON.stringify(rest), type: 'application/json' };
}

let syncing = false;
/** Sends every entry of this user still to send, oldest first; stops at a network error or an expired session. */
async function sync() {
  if (syncing) return;
  syncing = true;
  say(M.syncing);
  let sent = 0;
  try {
    const me = await fetch('/field/session', { cache: 'no-store', credentials: 'same-origin' });
    $('[data-field-signin]').hidden = me.status !== 401;
    if (!me.ok) { say(''); return; }
    const { id, csrf } = await me.json();
    // A page kept for another officer (signed in since): never send its entries as this one.
    if (id !== user) { $('[data-field-signin]').hidden = false; say(''); return; }
    const todo = (await values(store)).filter((e) => e.state === 'pending').sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
    for (const e of todo) {
      const { path, body, type } = requestOf(e);
      const headers = { 'Idempotency-Key': e.id, 'X-Captured-At': e.capturedAt, 'X-CSRF-Token': csrf, Accept: 'application/json' };
      if (type) headers['Content-Type'] = type;
      const res = await fetch(path, { method: 'POST', headers, body, credentials: 'same-origin' });
      if (res.status === 401) { $('[data-field-signin]').hidden = false; break; }
      const answer = await res.json().catch(() => ({}));
      if (res.ok) { Object.assign(e, { state: 'synced', syncedAt: new Date().toISOString(), result: answer }); sent++; }
      else if (res.status === 409 && answer.error && answer.error.current) Object.assign(e, { state: 'conflict', message: answer.error.message, current: answer.error.current });
      else if (res.status >= 400 && res.status < 500 && res.status !== 409 && res.status !== 429) Object.assign(e, { state: 'rejected', message: answer.error ? answer.error.message : String(res.status), problems: answer.error && answer.error.fields });
      else { e.message = answer.error ? answer.error.message : String(res.status); await set(e.id, e, store); break; }
      if (e.state === 'synced' && e.fields.file) e.fields.file = { name: e.fields.file.name, size: e.fields.file.size };
      await set(e.id, e, store);
    }
    say(M.syncedCount.replace('{n}', String(sent)));
  } catch {
    say(M.offline);
  } finally {
    syncing = false;
    await render();
  }
}

const show = (v) => (v === undefined || v === null ? '—' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? (v.name || '') : String(v));

/** A field as the form shows it: its label, and for a choice the chosen option's text. */
function asShown(kind, name, v) {
  const el = document.querySelector(`form[data-kind="${kind}"] [name="${name}"]`);
  const label = el && el.labels && el.labels[0] ? el.labels[0].textContent : name;
  const option = el && el.tagName === 'SELECT' && v !== undefined ? [...el.options].find((o) => o.value === v) : undefined;
  return [label, option ? option.text : show(v)];
}

/** Both versions side by side: each field of the entry, and the server's current record (its state first). */
function versions(e) {
  const table = document.createElement('table');
  table.className = 'field-versions';
  const rows = [['', M.yours, M.server], [M.status, '', show(e.current.statusLabel || e.current.status)]];
  for (const [k, v] of Object.entries(e.fields)) {
    const [label, mine] = asShown(e.kind, k, v);
    const theirs = k in e.current ? e.current[k] : e.current.id === v ? v : undefined;
    rows.push([label, mine, asShown(e.kind, k, theirs)[1]]);
  }
  rows.forEach((r, i) => {
    const tr = table.insertRow();
    r.forEach((text) => { const cell = document.createElement(i === 0 ? 'th' : 'td'); cell.textContent = text; tr.appendChild(cell); });
  });
  return table;
}

function button(text, onClick, secondary) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = secondary ? 'button secondary' : 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** Puts the entry back into its form to be corrected; saving replaces it (same key) and sends it again. */
function edit(e) {
  const form = document.querySelector(`form[data-kind="${e.kind}"]`);
  if (!form) return;
  for (const el of form.elements) {
    if (!el.name || !el.dataset.type || el.dataset.type === 'file' || el.type === 'hidden') continue;
    const v = e.fields[el.name];
    el.value = v === undefined ? '' : Array.isArray(v) ? v.join('\n') : String(v);
  }
  form.dataset.editing = e.id;
  form.querySelector('[data-field-editing]').hidden = false;
  form.closest('details').open = true;
  form.scrollIntoView();
}

function item(e) {
  const li = document.createElement('li');
  li.className = `field-entry field-${e.state}`;
  li.dataset.entry = e.id;
  const head = document.createElement('p');
  const tag = document.createElement('strong');
  tag.className = `tag ${e.state === 'synced' ? 'green' : 'red'}`;
  tag.textContent = M[`state.${e.state}`];
  head.append(tag, ` ${e.label}`);
  const when = document.createElement('p');
  when.className = 'muted';
  when.textContent = `${M.capturedAt} ${stamp(e.capturedAt)}${e.syncedAt ? ` · ${M.syncedAt} ${stamp(e.syncedAt)}` : ''}${e.fields.file ? ` · ${M.photo}: ${show(e.fields.file)}` : ''}`;
  li.append(head, when);
  if (e.message && e.state !== 'synced') li.append(Object.assign(document.createElement('p'), { className: 'error-message', textContent: e.message }));
  if (e.problems) li.append(Object.assign(document.createElement('p'), { className: 'error-message', textContent: Object.values(e.problems).join(' · ') }));
  if (e.state === 'conflict') li.append(versions(e));
  if (e.state === 'conflict' || e.state === 'rejected') {
    const row = document.createElement('div');
    row.className = 'actions';
    row.append(button(M.edit, () => edit(e)), button(M.discard, async () => { if (confirm(M.discardConfirm)) { await del(e.id, store); await render(); } }, true));
    li.append(row);
  }
  return li;
}

async function render() {
  const all = (await values(store)).sort((a, b) => b.capturedAt.localeCompare(a.capturedAt));
  markUnsynced(user, all.some((e) => e.state !== 'synced'));
  list.replaceChildren(...(all.length ? all.map(item) : [Object.assign(document.createElement('li'), { textContent: M.empty })]));
}

function setToday() {
  const today = ddmmyyyy(new Date());
  for (const el of app.querySelectorAll('[data-type="date"]')) if (!el.value) el.value = today;
}

function showNet() { $('[data-field-net]').textContent = navigator.onLine ? M.online : M.offline; }

document.querySelector('[data-field-nojs]').hidden = true;
app.hidden = false;
setToday();
showNet();
for (const form of app.querySelectorAll('form[data-kind]')) form.addEventListener('submit', (ev) => { ev.preventDefault(); capture(form); });
$('[data-field-sync]').addEventListener('click', () => sync());
$('[data-field-clear]').addEventListener('click', async () => {
  for (const e of await values(store)) if (e.state === 'synced') await del(e.id, store);
  await render();
});
window.addEventListener('online', () => { showNet(); sync(); });
window.addEventListener('offline', showNet);
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/field/sw.js', { scope: '/field' }).catch(() => {});
render().then(() => { if (navigator.onLine) sync(); });
