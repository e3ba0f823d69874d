/*
 * Autosave of a report draft (progressive enhancement). Without JavaScript the form still saves
 * with its "Lưu nháp" button. With it, the form is posted in the background a moment after the
 * user stops typing, with the header `x-coso-autosave: 1` (the server answers JSON instead of a
 * redirect) and the same CSRF field as the plain form. The result is read out in the status line.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var status = form.querySelector('[data-autosave-status]');
  var timer = null;
  var busy = false;
  var again = false;
  var serialize = function () { return new URLSearchParams(new FormData(form)).toString(); };
  var last = serialize();
  var show = function (msg, bad) {
    if (!status || !msg) return;
    status.textContent = msg;
    status.className = bad ? 'error-message' : 'hint';
    status.hidden = false;
  };
  var save = function () {
    timer = null;
    var body = serialize();
    if (body === last) return;
    if (busy) { again = true; return; }
    busy = true;
    show(form.getAttribute('data-msg-saving'));
    fetch(form.action, {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-coso-autosave': '1', accept: 'application/json' },
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, j: j }; });
    }).then(function (x) {
      if (x.ok) last = body;
      show(x.j && x.j.message, !x.ok);
      if (x.ok) form.setAttribute('data-autosaved', x.j.savedAt || '1');
    }, function () {
      show(form.getAttribute('data-msg-offline'), true);
    }).then(function () {
      busy = false;
      if (again) { again = false; schedule(); }
    });
  };
  var schedule = function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 1500);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', function () { if (timer) clearTimeout(timer); timer = null; });
})();
