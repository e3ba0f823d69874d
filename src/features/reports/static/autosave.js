/*
 * Autosave of a report draft (progressive enhancement). Without JavaScript the form still saves
 * with its "Lưu nháp" button. With it, the form is posted in the background a moment after the
 * user stops typing, with the header `x-coso-autosave: 1` (the server answers JSON instead of a
 * redirect) and the same CSRF field as the plain form. The result is read out in the status line.
 * The form's hidden `lockVersion` (optimistic concurrency) takes the new version from each save's
 * answer, so the next autosave and the plain button send it; a 409 (someone else saved, or the report
 * was sent) stops autosaving and says so: nothing is overwritten and the typing stays in the form.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var status = form.querySelector('[data-autosave-status]');
  var version = form.querySelector('input[name="lockVersion"]');
  var timer = null;
  var busy = false;
  var again = false;
  var stopped = false;
  var submitting = false;
  /* The fields without the version, to tell whether anything changed since the last save. */
  var serialize = function () { var d = new FormData(form); d.delete('lockVersion'); return new URLSearchParams(d).toString(); };
  var last = serialize();
  var show = function (msg, bad) {
    if (!status || !msg) return;
    status.textContent = msg;
    status.className = bad ? 'error-message' : 'hint';
    status.hidden = false;
  };
  var save = function () {
    timer = null;
    if (stopped) return;
    var body = serialize();
    if (body === last) return;
    if (busy) { again = true; return; }
    busy = true;
    show(form.getAttribute('data-msg-saving'));
    fetch(form.action, {
      method: 'POST', body: body + (version ? '&lockVersion=' + encodeURIComponent(version.value) : ''), credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-coso-autosave': '1', accept: 'application/json' },
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, status: r.status, j: j }; });
    }).then(function (x) {
      if (x.ok) last = body;
      if (x.ok && version && x.j && typeof x.j.lockVersion === 'number') version.value = String(x.j.lockVersion);
      if (x.status === 409) { stopped = true; form.setAttribute('data-autosave-stopped', '1'); }
      show(x.j && x.j.message, !x.ok);
      if (x.ok) form.setAttribute('data-autosaved', x.j.savedAt || '1');
    }, function () {
      show(form.getAttribute('data-msg-offline'), true);
    }).then(function () {
      busy = false;
      /* "Lưu nháp" pressed during a save: send the form now, with the version that save returned. */
      if (submitting) { form.submit(); return; }
      if (again) { again = false; schedule(); }
    });
  };
  var schedule = function () {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 1500);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', function (e) {
    if (timer) clearTimeout(timer);
    timer = null;
    if (busy) { e.preventDefault(); submitting = true; }
  });
})();
