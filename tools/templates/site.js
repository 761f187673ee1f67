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
  var RELEVANT = 0.15; // results scoring under this share of the best one are not shown

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

  // Under each result, a line of its text around the first word that matched, the matches marked.
  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
  // words starting with one of `terms` (with stem: its first letters, "vanish" for "vanishing")
  function wordsRegExp(terms, stem) {
    var words = terms.filter(Boolean).map(function (t) {
      return stem && t.length > 5 ? t.slice(0, Math.max(5, t.length - 3)) : t;
    }).sort(function (a, b) { return b.length - a.length; }).map(escapeRegExp);
    return words.length ? new RegExp('(^|[^\\p{L}\\p{N}])((?:' + words.join('|') + ')[\\p{L}\\p{N}]*)', 'giu') : null;
  }
  // The words to mark on the page a result leads to (read there by the script below).
  function remember(a) {
    try { sessionStorage.setItem('dltheory-marks', a.getAttribute('data-marks') || '[]'); } catch (e) { /* no storage */ }
  }
  // The first of: the matched words (or their stems), `also` (the words of the text a synonym stands
  // for: "Glorot" for a search for Xavier) that occurs in `text`, as a global regular expression.
  function matcher(text, terms, also) {
    var tiers = [[terms, true], [also || [], false]];
    for (var i = 0; i < tiers.length; i++) {
      var re = wordsRegExp(tiers[i][0], tiers[i][1]);
      if (re && re.test(text)) { re.lastIndex = 0; return re; }
    }
    return null;
  }
  // Appends `text` to `node`, the matches of `re` in <mark>.
  function appendMarked(node, text, re) {
    var last = 0;
    if (re) {
      re.lastIndex = 0;
      for (var m = re.exec(text); m; m = re.exec(text)) {
        var from = m.index + m[1].length;
        node.appendChild(document.createTextNode(text.slice(last, from)));
        var mark = document.createElement('mark');
        mark.textContent = m[2];
        node.appendChild(mark);
        last = from + m[2].length;
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    node.appendChild(document.createTextNode(text.slice(last)));
  }
  // A line of the section's text around the first match, the matches marked.
  function snippet(text, terms, also) {
    var span = document.createElement('span');
    span.className = 'snippet';
    if (!text) return span;
    var re = matcher(text, terms, also);
    var first = re ? re.exec(text) : null;
    var at = first ? first.index + first[1].length : 0;
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + 140);
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(' ', end) > at ? text.lastIndexOf(' ', end) : end;
    if (start > 0) span.appendChild(document.createTextNode('…'));
    appendMarked(span, text.slice(start, end), re);
    if (end < text.length) span.appendChild(document.createTextNode('…'));
    return span;
  }

  function show(query) {
    list.textContent = '';
    if (!query.trim()) { list.hidden = true; return; }
    // the chapter's title is not searched (a word of it would list every section of the chapter);
    // code weighs less than prose, and a result far below the best (a Setup cell's imports) is left out
    var hits = engine.search(query, { prefix: true, fuzzy: 0.15, combineWith: 'AND',
                                       boost: { section: 3, aliases: 3, text: 1, keywords: 1, code: 0.2 } });
    var best = hits.length ? hits[0].score : 0;
    hits = hits.filter(function (h) { return h.score >= RELEVANT * best; }).slice(0, 12);
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
      var title = document.createElement('span');
      title.className = 'section';
      var terms = (hit.terms || []).concat(hit.queryTerms || []);
      appendMarked(title, hit.section, matcher(hit.section, terms));
      a.setAttribute('data-marks', JSON.stringify(terms.concat(hit.seen || [])));
      a.addEventListener('click', function () { remember(a); });
      a.appendChild(title);
      var where = document.createElement('span');
      where.className = 'where';
      where.textContent = hit.parent && hit.parent !== hit.section ? hit.title + ' › ' + hit.parent : hit.title;
      a.appendChild(where);
      a.appendChild(snippet(hit.prose, terms, hit.seen));
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
      if (first) { remember(first); window.location.href = first.href; }
    }
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest('.search')) list.hidden = true;
  });
})();

// Display formulas that fit their column: MathJax 2 breaks long lines, but not a formula with an
// equation number (\tag), which then ran past the column and had its number cut off. Once MathJax
// is done, every display wider than its box is scaled down to fit (to 3/4 of its size at most;
// MathJax sets formulas about 1.27 times the text's size, so that is still the text's size). One
// still too wide scrolls sideways inside its box, and its number stays pinned at the right edge.
// Done again when the window changes width. <html data-math-fitted> says it has run.
(function () {
  'use strict';
  var MIN_SCALE = 0.75;
  function fit() {
    document.querySelectorAll('article .MJXc-display').forEach(function (box) {
      var frame = box.querySelector('.MathJax_CHTML');
      if (!frame) return;
      if (!frame.hasAttribute('data-size')) frame.setAttribute('data-size', parseFloat(frame.style.fontSize) || 100);
      var size = parseFloat(frame.getAttribute('data-size'));
      frame.style.fontSize = size + '%';
      box.classList.remove('math-scroll');
      var scale = 1;
      for (var i = 0; i < 3 && box.scrollWidth > box.clientWidth + 0.5 && scale > MIN_SCALE; i++) {
        scale = Math.max(MIN_SCALE, scale * (box.clientWidth - 1) / box.scrollWidth);
        frame.style.fontSize = (size * scale).toFixed(2) + '%';
      }
      if (box.scrollWidth > box.clientWidth + 0.5) box.classList.add('math-scroll');
    });
    document.documentElement.setAttribute('data-math-fitted', '');
  }
  var hub = window.MathJax && window.MathJax.Hub;
  if (!hub || !hub.Register) return;
  hub.Register.StartupHook('End', function () {
    fit();
    hub.Register.MessageHook('End Process', fit);
    var timer = null;
    var width = window.innerWidth;
    window.addEventListener('resize', function () {
      if (window.innerWidth === width) return;
      width = window.innerWidth;
      clearTimeout(timer);
      timer = setTimeout(fit, 150);
    });
  });
})();

// A copy button on every code cell: copies the cell's source (not its outputs) to the clipboard,
// with the Clipboard API where the page may use it and a hidden text area otherwise (a page opened
// from disk in some browsers). No script from elsewhere.
(function () {
  'use strict';
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallback(text); });
    }
    return Promise.resolve(fallback(text));
  }
  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.top = '-1000px';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (!ok) throw new Error('copy refused');
  }
  document.querySelectorAll('article .jp-CodeCell .jp-InputArea-editor').forEach(function (editor) {
    var pre = editor.querySelector('pre');
    if (!pre) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy the code of this cell');
    button.addEventListener('click', function () {
      var source = pre.textContent.replace(/\n$/, '');
      copyText(source).then(function () { button.textContent = 'Copied'; },
                            function () { button.textContent = 'Select and copy'; })
        .then(function () { setTimeout(function () { button.textContent = 'Copy'; }, 1500); });
    });
    editor.appendChild(button);
  });
})();

// On the page a search result leads to, the words found are marked (<mark class="search-hit">) in the
// article's text, once MathJax is done (its formulas are left alone), until the next search.
(function () {
  'use strict';
  var words;
  try {
    words = JSON.parse(sessionStorage.getItem('dltheory-marks') || 'null');
    sessionStorage.removeItem('dltheory-marks');
  } catch (e) { words = null; }
  var article = document.querySelector('article');
  if (!words || !words.length || !article) return;
  var list = words.filter(function (w) { return w && w.length > 1; }).map(function (t) {
    return (t.length > 5 ? t.slice(0, Math.max(5, t.length - 3)) : t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  if (!list.length) return;
  var re = new RegExp('(^|[^\\p{L}\\p{N}])((?:' + list.join('|') + ')[\\p{L}\\p{N}]*)', 'giu');
  function mark() {
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentElement.closest('script, style, mark, .MathJax, .MathJax_CHTML, .MJXc-display, .MathJax_Preview, .MJX_Assistive_MathML')
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    var count = 0;
    nodes.forEach(function (node) {
      if (count > 300) return;
      re.lastIndex = 0;
      var text = node.data;
      var m = re.exec(text);
      if (!m) return;
      var frag = document.createDocumentFragment();
      var last = 0;
      for (; m; m = re.exec(text)) {
        var from = m.index + m[1].length;
        frag.appendChild(document.createTextNode(text.slice(last, from)));
        var el = document.createElement('mark');
        el.className = 'search-hit';
        el.textContent = m[2];
        frag.appendChild(el);
        last = from + m[2].length;
        count++;
      }
      frag.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(frag, node);
    });
  }
  var hub = window.MathJax && window.MathJax.Hub;
  if (hub && hub.Register) hub.Register.StartupHook('End', mark); else mark();
})();

// Explore figures (tools/explore_frames.py): the chart of an Explore cell was drawn by bin/site at a
// grid of its sliders' values; each slider (an <input type=range> over the grid's positions) swaps
// the image, its alt text and the line naming the frame shown. Works from disk and without a kernel.
(function () {
  'use strict';
  document.querySelectorAll('figure.explore').forEach(function (figure) {
    var holder = figure.querySelector('script.explore-data');
    var img = figure.querySelector('img.explore-image');
    var controls = figure.querySelector('.explore-controls');
    if (!holder || !img || !controls) return;
    var data;
    try { data = JSON.parse(holder.textContent); } catch (e) { return; }
    var inputs = Array.prototype.slice.call(controls.querySelectorAll('input[type=range][data-slider]'));
    var shown = figure.querySelector('.explore-shown');
    var loaded = {};
    function frameAt() {
      var at = 0;
      inputs.forEach(function (input, s) { at = at * data.sliders[s].size + Number(input.value); });
      return at;
    }
    function preload(k) {  // the frames one step away, so that the next move shows at once over HTTP
      if (k < 0 || k >= data.frames.length || loaded[k]) return;
      loaded[k] = true;
      new Image().src = data.frames[k].src;
    }
    function show() {
      var k = frameAt();
      var frame = data.frames[k];
      inputs.forEach(function (input, s) {
        var slider = data.sliders[s];
        var label = slider.labels[Number(input.value)];
        input.setAttribute('aria-valuetext', slider.name + ' = ' + label);
        var out = controls.querySelector('output[for="' + input.id + '"]');
        if (out) out.textContent = label;
      });
      if (img.getAttribute('src') !== frame.src) img.src = frame.src;
      img.alt = frame.alt;
      if (shown) shown.textContent = frame.title ? 'Shown: ' + frame.title : '';
      figure.setAttribute('data-frame', String(k));
      var stride = 1;
      for (var s = inputs.length - 1; s >= 0; s--) {
        preload(k - stride);
        preload(k + stride);
        stride *= data.sliders[s].size;
      }
    }
    inputs.forEach(function (input) {
      input.addEventListener('input', show);
      input.addEventListener('change', show);
    });
    controls.hidden = false;
    loaded[frameAt()] = true;
    figure.setAttribute('data-frame', String(frameAt()));
    figure.addEventListener('focusin', function once() {
      figure.removeEventListener('focusin', once);
      show();
    });
  });
})();

// Charts readable on a phone (issue 34): a chart is drawn 720 px wide, so in a 361 px column its
// text is about 5 px. A tap, a click, or Enter/Space on it opens it in a viewer over the page:
// the SVG at its drawn size at least (on a phone it scrolls sideways, its text at its own size),
// as large as the window allows up to twice that, its caption under it. Escape, the × button, or a
// click beside the image closes it, and the focus returns to the chart. A <dialog> made here: no
// script from elsewhere, so it works from disk (file://) too. <html data-chart-zoom> says it ran.
(function () {
  'use strict';
  var figures = document.querySelectorAll('article figure.chart');
  if (!figures.length || typeof HTMLDialogElement !== 'function') return;
  var MAX_SCALE = 2;
  var dialog = document.createElement('dialog');
  dialog.className = 'chart-viewer';
  dialog.setAttribute('aria-label', 'Enlarged figure');
  dialog.innerHTML = '<div class="viewer-bar"><span class="viewer-title"></span>'
    + '<button type="button" class="viewer-close" aria-label="Close the enlarged figure">×</button></div>'
    + '<div class="viewer-frame"></div><p class="viewer-caption"></p>';
  document.body.appendChild(dialog);
  var title = dialog.querySelector('.viewer-title');
  var frame = dialog.querySelector('.viewer-frame');
  var image = null; // made on opening, removed on closing: no image without a source on the page
  var caption = dialog.querySelector('.viewer-caption');
  var opener = null;

  function size() {
    var w = +image.getAttribute('data-width') || image.naturalWidth || 720;
    var h = +image.getAttribute('data-height') || image.naturalHeight || 440;
    var fit = Math.min((frame.clientWidth - 2) / w, (frame.clientHeight - 2) / h);
    var scale = Math.max(1, Math.min(MAX_SCALE, fit));
    image.style.width = Math.round(w * scale) + 'px';
    image.style.height = Math.round(h * scale) + 'px';
  }
  function open(figure, button) {
    var img = figure.querySelector('img');
    image = document.createElement('img');
    frame.appendChild(image);
    var source = figure.querySelector('source[type="image/svg+xml"]');
    image.src = source ? source.getAttribute('srcset') : img.getAttribute('src');
    image.alt = img.alt;
    image.setAttribute('data-width', img.getAttribute('width') || '');
    image.setAttribute('data-height', img.getAttribute('height') || '');
    var cap = figure.querySelector('figcaption');
    var number = figure.querySelector('.figure-number');
    title.textContent = number ? number.textContent.replace(/\.$/, '') : 'Figure';
    // the caption without its number, which the viewer's title bar shows
    caption.textContent = cap ? cap.textContent.replace(number ? number.textContent : '', '').trim() : '';
    opener = button;
    dialog.showModal();
    document.body.classList.add('viewer-open');
    size();
    frame.scrollLeft = 0;
    frame.scrollTop = 0;
    dialog.querySelector('.viewer-close').focus();
  }
  function close() { if (dialog.open) dialog.close(); }
  dialog.addEventListener('close', function () {
    document.body.classList.remove('viewer-open');
    frame.textContent = '';
    image = null;
    if (opener) opener.focus();
  });
  dialog.querySelector('.viewer-close').addEventListener('click', close);
  // a click on the backdrop or beside the image (not on the image, which a phone scrolls)
  dialog.addEventListener('click', function (e) {
    if (e.target === dialog || e.target === frame) close();
  });
  window.addEventListener('resize', function () { if (dialog.open && image) size(); });

  figures.forEach(function (figure) {
    var picture = figure.querySelector('picture') || figure.querySelector('img');
    if (!picture) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'chart-zoom';
    var number = figure.querySelector('.figure-number');
    button.setAttribute('aria-label', 'Enlarge ' + (number ? number.textContent.replace(/\.$/, '') : 'the figure'));
    button.setAttribute('aria-haspopup', 'dialog');
    picture.parentNode.insertBefore(button, picture);
    button.appendChild(picture);
    button.addEventListener('click', function () { open(figure, button); });
  });
  document.documentElement.setAttribute('data-chart-zoom', '');
})();
