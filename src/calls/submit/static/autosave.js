// Autosave of a call submission's draft (progressive enhancement: without it, "Save draft" does the
// same). A few seconds after the last change, the form's text fields are posted to the autosave
// endpoint with the version the page holds; the answer gives the new version, or a 409 with a named
// message when the draft was saved elsewhere meanwhile, after which autosave stops (never overwrites).
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) return;
  var status = form.querySelector('.autosave-status');
  var DELAY_MS = 3000;
  var timer = null;
  var busy = false;
  var again = false;
  var stopped = false;
  // A submit pressed while an autosave is on its way waits for it (and its new version), then goes.
  var held = null;

  function say(text) {
    if (status) status.textContent = text;
  }

  function payload() {
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') data.append(name, value);
    });
    return data;
  }

  function setVersion(version) {
    document.querySelectorAll('input[name="version"]').forEach(function (input) {
      input.value = String(version);
    });
  }

  function save() {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    fetch(form.getAttribute('data-autosave'), {
      method: 'POST',
      body: payload(),
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
      .then(function (response) {
        return response.json().then(
          function (body) { return { ok: response.ok, status: response.status, body: body }; },
          function () { return { ok: false, status: response.status, body: {} }; },
        );
      })
      .then(function (result) {
        if (result.ok) {
          setVersion(result.body.version);
          say(status ? status.getAttribute('data-saved') : '');
        } else {
          if (result.status === 409) stopped = true;
          say(result.body.message || (status ? status.getAttribute('data-failed') : ''));
        }
      })
      .catch(function () {
        say(status ? status.getAttribute('data-failed') : '');
      })
      .then(function () {
        busy = false;
        if (held) {
          var submitter = held;
          held = null;
          stopped = true;
          if (form.requestSubmit) form.requestSubmit(submitter);
          else form.submit();
          return;
        }
        if (again) {
          again = false;
          schedule();
        }
      });
  }

  function schedule() {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  // A real submit takes over: no autosave may race it with the same version.
  form.addEventListener('submit', function (event) {
    clearTimeout(timer);
    if (busy && !stopped) {
      event.preventDefault();
      held = event.submitter || null;
      return;
    }
    stopped = true;
  });
})();
