// The site's script (every page): the Contents drawer on narrow screens, and search over every
// page with MiniSearch and the index built at build time (search-index.js). Both scripts are
// loaded on first use, by <script> tags, so search works from disk (file://) too.
(function () {
  'use strict';
  var body = document.body;
  var menu = document.querySelector('.topbar .menu');
  if (menu) {
    menu.addEventListener('click', function () {
      var open = body.classList.toggle('sidebar-open');
      menu.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
    document.querySelectorAll('#sidebar a').forEach(function (a) {
      a.addEventListener('click', function () {
        body.classList.remove('sidebar-open');
        menu.setAttribute('aria-expanded', 'false');
      });
    });
  }

  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  if (!input || !list) return;
  var engine = null;
  var loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function load() {
    if (!loading) {
      loading = loadScript('assets/minisearch.js')
        .then(function () { return loadScript('search-index.js'); })
        .then(function () {
          var data = window.DLTHEORY_SEARCH;
          engine = window.MiniSearch.loadJS(data.index, data.options);
        });
    }
    return loading;
  }

  function show(query) {
    list.textContent = '';
    if (!query.trim()) { list.hidden = true; return; }
    var hits = engine.search(query, { prefix: true, fuzzy: 0.15, combineWith: 'AND',
                                       boost: { section: 2, title: 1.5 } }).slice(0, 12);
    if (!hits.length) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'Nothing found for “' + query + '”';
      list.appendChild(none);
    }
    hits.forEach(function (hit) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = hit.href;
      a.textContent = hit.section;
      var where = document.createElement('span');
      where.className = 'where';
      where.textContent = hit.title;
      a.appendChild(where);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
  }

  input.addEventListener('focus', load);
  input.addEventListener('input', function () {
    var query = input.value;
    load().then(function () { if (input.value === query) show(query); },
                function (e) { list.hidden = false; list.textContent = e.message; });
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { list.hidden = true; input.blur(); }
    if (e.key === 'Enter') {
      var first = list.querySelector('a');
      if (first) window.location.href = first.href;
    }
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest('.search')) list.hidden = true;
  });
})();
