// Search-as-you-type (an enhancement: the GET form works without it). WAI-ARIA combobox; titles set as text.
(function () {
  var lang = document.documentElement.lang || 'en';
  var inputs = document.querySelectorAll('input[data-suggest]');
  Array.prototype.forEach.call(inputs, function (input) {
    var box = document.getElementById(input.getAttribute('data-suggest'));
    if (!box || !window.fetch) return;
    var list = document.createElement('ul');
    var status = document.createElement('p');
    list.id = box.id + '-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', box.getAttribute('data-label') || '');
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');
    box.appendChild(list);
    input.parentNode.appendChild(status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    var timer, pending, active = -1, items = [];

    function close() {
      box.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    function select(index) {
      items.forEach(function (li, i) { li.setAttribute('aria-selected', String(i === index)); });
      active = index;
      if (index >= 0) input.setAttribute('aria-activedescendant', items[index].id);
      else input.removeAttribute('aria-activedescendant');
    }
    function show(data) {
      list.textContent = '';
      items = data.items.map(function (item, i) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        a.href = new URL(item.url, location.href).pathname;
        a.textContent = item.title;
        a.tabIndex = -1;
        li.appendChild(a);
        list.appendChild(li);
        return li;
      });
      status.textContent = (box.getAttribute('data-label') || '') + ': ' + data.items.length;
      if (items.length) { box.hidden = false; input.setAttribute('aria-expanded', 'true'); select(-1); } else close();
    }
    function suggest() {
      var q = input.value.trim();
      if (q.length < 2) return close();
      if (pending) pending.abort();
      pending = new AbortController();
      fetch('/api/v1/search?limit=6&prefix=1&lang=' + lang + '&q=' + encodeURIComponent(q), { signal: pending.signal })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(show, function () {});
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(suggest, 200); });
    input.addEventListener('keydown', function (event) {
      // Escape closes the suggestions and keeps what was typed (a search box would clear it).
      if (event.key === 'Escape') { event.preventDefault(); close(); return; }
      if (box.hidden || !items.length) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        var next = active + (event.key === 'ArrowDown' ? 1 : -1);
        select(next < -1 ? items.length - 1 : next >= items.length ? -1 : next);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        location.href = items[active].firstChild.href;
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  });
})();

// Ctrl+Enter (or Cmd+Enter) in a form's field presses the form's button that declares that shortcut
// with aria-keyshortcuts (the translation editor's "Save and next"); without this script, Tab and Enter do.
document.addEventListener('keydown', function (event) {
  var form = event.target && event.target.form;
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || !form) return;
  var button = form.querySelector('button[aria-keyshortcuts="Control+Enter"]');
  if (!button) return;
  event.preventDefault();
  button.click();
});
