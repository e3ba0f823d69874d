// The sign-out check page: counts the officer's entries not yet sent, and on "sign out anyway"
// removes them and the kept pages from this device before the sign-out goes to the server.
import { createStore, values } from './idb-keyval.js';
import { dbName, forget } from './device.js';

const box = document.querySelector('[data-signout]');
const userId = box.dataset.userId;
const form = box.querySelector('form');

values(createStore(dbName(userId), 'entries')).then((all) => {
  const n = all.filter((e) => e.state !== 'synced').length;
  box.querySelector('[data-signout-count]').textContent = box.dataset.countText.replace('{n}', String(n));
});
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  await forget(userId);
  form.submit();
});
