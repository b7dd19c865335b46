/**
 * The explorer's page script: reads its configuration (the data, the words,
 * the first view) from a JSON script element, wires the form controls that
 * explorerHtml wrote, and draws with plotly.js in the page. No kernel round
 * trip and nothing from the network. One global function,
 * `dvExplorerStart(id)`, defined once per page; each explorer element calls
 * it with its own id, so a notebook or a report can hold several.
 *
 * After every redraw the root element fires `dv-explorer-drawn` with
 * `detail.ms`, the time from the control change to the redrawn figure with
 * its numbers (the bench and the browser tests wait for it), and, of that,
 * `detail.figureMs` (plotly done) and `detail.statsMs` (table and titles
 * filled; 0 when no statistics had to be waited for).
 *
 * The fragment form (`#view=...`) is viewToFragment's (view.ts), written
 * here again for the page; tests/explorer/browser.test.ts checks that the
 * two agree.
 */
export const PAGE_APP_JS = String.raw`
function dvExplorerStart(rootId) {
  'use strict';
  var root = document.getElementById(rootId);
  if (!root || root.__dvStarted) return;
  root.__dvStarted = true;
  var cfg = JSON.parse(document.getElementById(rootId + '-config').textContent);
  var D = cfg.data, WORDS = cfg.words, T = cfg.theme, lang = cfg.lang;
  var W = WORDS[lang];
  var Plotly = window.Plotly;
  var $ = function (s) { return document.getElementById(rootId + '-' + s); };
  var vars = {}, cats = {}, gIndex = {};
  D.variables.forEach(function (v) { vars[v.id] = v; });
  D.categories.forEach(function (c) { cats[c.id] = c; });
  D.groups.forEach(function (g, k) { gIndex[g] = k; });
  var statsCache = {};
  var figure = $('figure');
  var drawCount = 0;
  var fill = function (s, a, b, c) { return String(s).replace('{0}', a).replace('{1}', b).replace('{2}', c); };
  var esc = function (s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); };
  /* as formatR and formatP of lib/analysis/evaluateFindings: no leading zero, a decimal comma in Dutch */
  var decimal = function (s) { return lang === 'nl' ? s.replace('.', ',') : s; };
  var fmtR = function (v) {
    if (v === null || !isFinite(v)) return '-';
    var s = Math.abs(v).toFixed(2).replace(/^0(?=\.)/, '');
    return decimal((v < 0 && Number(s) !== 0 ? '-' : '') + s);
  };
  var fmtP = function (p) { return decimal(p === null || !isFinite(p) ? '-' : p < 0.001 ? '< .001' : p.toFixed(3).replace(/^0(?=\.)/, '')); };
  var fmtNum = function (v, d) { return v === null ? W.unknown : decimal(v.toFixed(d)); };
  /* no wider than the column the explorer sits in (the report's 1140 px, a notebook's output), down to 520 px; below that it scrolls */
  var fitWidth = function (w) { var avail = figure.clientWidth; return avail > 0 ? Math.max(Math.min(w, 520), Math.min(w, Math.floor(avail))) : w; };
  var label = function (id) { return vars[id] ? vars[id].label[lang] : cats[id] ? cats[id].label[lang] : id; };
  var short = function (s, n) { return s.length > n ? s.slice(0, n - 1) + '\u2026' : s; };

  /* views: the same form as view.ts */
  var enc = encodeURIComponent;
  function normalise(v) {
    var o = { mode: v.mode, orderBy: v.orderBy, panels: (v.panels || []).filter(function (p) { return p !== v.orderBy; }) };
    if (v.colour) o.colour = v.colour;
    if (v.focus) o.focus = v.focus;
    if (v.dropped && v.dropped.length) o.dropped = v.dropped.slice();
    if (v.compare && v.compare.length) o.compare = v.compare.slice();
    if (v.split) o.split = v.split;
    return o;
  }
  function toFragment(v0) {
    var v = normalise(v0), list = function (xs) { return xs.map(enc).join(','); };
    var parts = ['view=' + v.mode, 'order=' + enc(v.orderBy)];
    if (v.panels.length) parts.push('panels=' + list(v.panels));
    if (v.colour) parts.push('colour=' + enc(v.colour));
    if (v.focus) parts.push('focus=' + enc(v.focus));
    if (v.dropped) parts.push('drop=' + list(v.dropped));
    if (v.compare) parts.push('compare=' + list(v.compare));
    if (v.split) parts.push('split=' + enc(v.split));
    return '#' + parts.join('&');
  }
  function fromFragment(text) {
    var m = {}, unlist = function (s) { return s === '' ? [] : s.split(',').map(decodeURIComponent); };
    text.replace(/^#/, '').split('&').forEach(function (part) {
      if (!part) return;
      var eq = part.indexOf('=');
      m[eq < 0 ? part : part.slice(0, eq)] = eq < 0 ? '' : part.slice(eq + 1);
    });
    if (!m.view || !m.order) throw new Error('view= and order= are needed');
    var v = { mode: m.view, orderBy: decodeURIComponent(m.order), panels: m.panels ? unlist(m.panels) : [] };
    if (m.colour) v.colour = decodeURIComponent(m.colour);
    if (m.focus) v.focus = decodeURIComponent(m.focus);
    if (m.drop) v.dropped = unlist(m.drop);
    if (m.compare) v.compare = unlist(m.compare);
    if (m.split) v.split = decodeURIComponent(m.split);
    return check(v);
  }
  function check(v) {
    var bad = [];
    if (['patterns', 'portrait', 'compare'].indexOf(v.mode) < 0) bad.push('view=' + v.mode);
    if (!vars[v.orderBy]) bad.push('order=' + v.orderBy);
    v.panels.forEach(function (p) { if (!vars[p]) bad.push('panels: ' + p); });
    if (v.colour && !vars[v.colour] && !cats[v.colour]) bad.push('colour=' + v.colour);
    if (v.focus && gIndex[v.focus] === undefined) bad.push('focus=' + v.focus);
    (v.dropped || []).concat(v.compare || []).forEach(function (g) { if (gIndex[g] === undefined) bad.push(g); });
    if (v.split && !D.splits.some(function (s) { return s.id === v.split; })) bad.push('split=' + v.split);
    if (bad.length) throw new Error(bad.join(', '));
    return normalise(v);
  }

  var state = normalise(cfg.view);
  if (cfg.hash && /^#view=/.test(location.hash)) {
    try { state = fromFragment(location.hash); } catch (e) { $('status').textContent = fill(W.badFragment, e.message); }
  }

  /* controls */
  var mode = $('mode'), saved = $('saved'), order = $('order'), colour = $('colour'), search = $('search');
  var groupSel = $('group'), splitSel = $('split'), compareSel = $('compare');
  function panelBoxes() { return Array.prototype.slice.call(root.querySelectorAll('input[name="' + rootId + '-panel"]')); }
  function sync() {
    mode.value = state.mode;
    order.value = state.orderBy;
    colour.value = state.colour || '';
    panelBoxes().forEach(function (b) { b.checked = state.panels.indexOf(b.value) >= 0; b.disabled = b.value === state.orderBy; });
    var match = '';
    D.savedViews.forEach(function (s) { if (toFragment(s.view) === toFragment({ mode: 'patterns', orderBy: state.orderBy, panels: state.panels, colour: state.colour })) match = s.id; });
    saved.value = state.mode === 'patterns' ? match : '';
    if (state.focus) groupSel.value = state.focus;
    if (splitSel) splitSel.value = state.split || '';
    Array.prototype.forEach.call(compareSel.options, function (o) { o.selected = (state.compare || []).indexOf(o.value) >= 0; });
    ['patterns', 'portrait', 'compare'].forEach(function (m) { $('controls-' + m).hidden = state.mode !== m; });
    $('controls-focus').hidden = state.mode === 'compare';
    $('drop').disabled = !state.focus || state.mode !== 'patterns';
    $('clear').disabled = !state.focus;
    var list = $('dropped');
    list.innerHTML = '';
    (state.dropped || []).forEach(function (g) {
      var li = document.createElement('li'), b = document.createElement('button');
      b.type = 'button';
      b.textContent = g + ' \u00d7';
      b.setAttribute('aria-label', W.restore + ': ' + g);
      b.setAttribute('data-group', g);
      b.addEventListener('click', function (ev) { var t0 = performance.now(); state.dropped = state.dropped.filter(function (x) { return x !== g; }); render(t0); });
      li.appendChild(b);
      list.appendChild(li);
    });
    $('dropped-none').hidden = !!(state.dropped && state.dropped.length);
    $('restore').disabled = !(state.dropped && state.dropped.length);
    var frag = toFragment(state);
    $('link').setAttribute('href', frag);
    if (cfg.hash && location.hash !== frag) history.replaceState(null, '', frag);
  }
  function change(f) { return function (ev) { var t0 = performance.now(); f(ev); render(t0); }; }
  mode.addEventListener('change', change(function () {
    state.mode = mode.value;
    if (state.mode === 'portrait' && !state.focus) state.focus = D.groups[0];
    if (state.mode === 'compare' && !(state.compare && state.compare.length >= 2)) state.compare = D.groups.slice(0, 2);
  }));
  saved.addEventListener('change', change(function () {
    D.savedViews.forEach(function (s) {
      if (s.id === saved.value) { var keep = { focus: state.focus, dropped: state.dropped }; state = normalise(s.view); if (keep.focus) state.focus = keep.focus; if (keep.dropped) state.dropped = keep.dropped; }
    });
  }));
  order.addEventListener('change', change(function () { state.orderBy = order.value; state.panels = state.panels.filter(function (p) { return p !== order.value; }); }));
  colour.addEventListener('change', change(function () { if (colour.value) state.colour = colour.value; else delete state.colour; }));
  panelBoxes().forEach(function (b) {
    b.addEventListener('change', change(function () { state.panels = panelBoxes().filter(function (x) { return x.checked && x.value !== state.orderBy; }).map(function (x) { return x.value; }); }));
  });
  function focusOn(g) { if (gIndex[g] !== undefined) state.focus = g; }
  function searched(ev) {
    var t0 = performance.now(), g = search.value.trim();
    if (ev.type === 'keydown') { if (ev.key !== 'Enter') return; ev.preventDefault(); }
    if (gIndex[g] === undefined || state.focus === g) return;
    focusOn(g);
    render(t0);
  }
  search.addEventListener('change', searched);
  search.addEventListener('keydown', searched);
  $('clear').addEventListener('click', change(function () { if (state.mode !== 'portrait') delete state.focus; }));
  $('drop').addEventListener('click', change(function () {
    if (!state.focus) return;
    var d = (state.dropped || []).slice();
    if (d.indexOf(state.focus) < 0 && D.groups.length - d.length > 3) d.push(state.focus);
    state.dropped = d.sort(function (a, b) { return gIndex[a] - gIndex[b]; });
    delete state.focus;
  }));
  $('restore').addEventListener('click', change(function () { delete state.dropped; }));
  groupSel.addEventListener('change', change(function () { state.focus = groupSel.value; }));
  if (splitSel) splitSel.addEventListener('change', change(function () { if (splitSel.value) state.split = splitSel.value; else delete state.split; }));
  compareSel.addEventListener('change', change(function () {
    state.compare = Array.prototype.filter.call(compareSel.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
  }));
  $('lang').addEventListener('change', change(function () {
    lang = $('lang').value;
    W = WORDS[lang];
    root.setAttribute('lang', lang);
    Array.prototype.forEach.call(root.querySelectorAll('[data-' + lang + ']'), function (el) {
      var t = el.getAttribute('data-' + lang);
      if (el.tagName === 'INPUT') el.setAttribute('placeholder', t); else el.textContent = t;
    });
  }));

  /* statistics: on the kept groups in the data's order (as panelStats.ts), cached per ordering, variable and dropped set */
  function statsKey(id) { return state.orderBy + '\u0000' + id + '\u0000' + (state.dropped || []).join('\u0000'); }
  function statsInput(id) {
    var drop = {}; (state.dropped || []).forEach(function (g) { drop[g] = true; });
    var x = [], y = [], xv = vars[state.orderBy].values, yv = vars[id].values;
    for (var k = 0; k < D.groups.length; k++) if (!drop[D.groups[k]]) { x.push(xv[k]); y.push(yv[k]); }
    return { key: statsKey(id), x: x, y: y, options: { seed: D.seed + '/' + state.orderBy + '/' + id, iterations: D.permutations, asymptoticAbove: D.asymptoticAbove } };
  }
  function stats(id) {
    var key = statsKey(id);
    if (!statsCache[key]) { var j = statsInput(id); statsCache[key] = dvExplorerStats.panelStats(j.x, j.y, j.options); }
    return statsCache[key];
  }
  /* A worker computes the permutation tests while plotly draws; without workers (a page that forbids them) they are computed before drawing. */
  var worker = null, waiting = {}, jobSeq = 0;
  try {
    var source = document.getElementById(rootId + '-worker').textContent;
    worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    worker.onmessage = function (e) {
      e.data.out.forEach(function (o) { statsCache[o.key] = o.s; });
      var done = waiting[e.data.id];
      delete waiting[e.data.id];
      if (done) done();
    };
    worker.onerror = function () {
      worker = null;
      Object.keys(waiting).forEach(function (k) { var done = waiting[k]; delete waiting[k]; done(); });
    };
  } catch (e) { worker = null; }
  function computeInWorker(ids) {
    var jobs = ids.map(statsInput);
    return new Promise(function (resolve) {
      var id = ++jobSeq;
      waiting[id] = function () {
        jobs.forEach(function (j) { if (!statsCache[j.key]) statsCache[j.key] = dvExplorerStats.panelStats(j.x, j.y, j.options); });
        resolve();
      };
      if (worker) worker.postMessage({ id: id, jobs: jobs }); else waiting[id]();
    });
  }
  function statsLine(s) {
    return s ? 'r = ' + fmtR(s.r) + ' \u00b7 \u03c1 = ' + fmtR(s.rho) + ' \u00b7 p ' + (s.p !== null && s.p < 0.001 ? '' : '= ') + fmtP(s.p) : '\u2026';
  }
  /* the panel titles, in HTML above the figure at the panels' places; a panel's statistics line is filled in by fillTitles */
  var titleBox = $('titles');
  function showTitles(f) {
    titleBox.innerHTML = '';
    titleBox.hidden = !f.titles;
    if (!f.titles) return;
    titleBox.style.width = f.layout.width + 'px';
    f.titles.forEach(function (t) {
      var v = vars[t.id], div = document.createElement('div'), b = document.createElement('b'), line = document.createElement(t.k === 0 ? 'i' : 'span');
      div.className = 'dv-explorer-title' + (t.k === 0 ? ' dv-explorer-ordering' : '');
      div.setAttribute('data-variable', t.id);
      div.style.left = t.left.toFixed(1) + 'px';
      div.style.width = t.width.toFixed(1) + 'px';
      b.textContent = short(v.label[lang], 34);
      b.title = v.label[lang];
      line.textContent = t.k === 0 ? W.ordering : '';
      div.appendChild(b);
      div.appendChild(document.createElement('br'));
      div.appendChild(line);
      titleBox.appendChild(div);
    });
    fillTitles(f);
  }
  function fillTitles(f) {
    var lines = titleBox.querySelectorAll('.dv-explorer-title span');
    f.table.forEach(function (row, i) { if (lines[i]) lines[i].textContent = statsLine(row.s); });
  }

  function colours(keep) {
    var c = state.colour;
    if (!c) return { color: T.bar };
    if (cats[c]) {
      var codes = cats[c].codes;
      return { color: keep.map(function (k) { return codes[k] < 0 ? T.missing : T.palette[codes[k] % T.palette.length]; }), legend: cats[c].levels.map(function (l, i) { return [l, T.palette[i % T.palette.length]]; }) };
    }
    var v = vars[c].values, known = keep.map(function (k) { return v[k]; }).filter(function (x) { return x !== null; });
    var lo = known.length ? Math.min.apply(null, known) : 0, hi = known.length ? Math.max.apply(null, known) : 1, top = hi > lo ? hi : lo + 1;
    /* the colours themselves, not a plotly colour axis: its colour bar is a third of the drawing time; the scale is shown in HTML (showLegend) */
    return { color: keep.map(function (k) { return ramp(((v[k] === null ? lo : v[k]) - lo) / (top - lo)); }), ramp: { title: label(c), lo: lo, hi: hi } };
  }
  var rampRgb = T.purples.map(function (s) { var h = s[1]; return [s[0], parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)]; });
  /* the colour at t in [0, 1] of the purple scale, interpolated in RGB as plotly interpolates a colorscale */
  function ramp(t) {
    t = Math.max(0, Math.min(1, t));
    for (var i = 1; i < rampRgb.length; i++) {
      if (t <= rampRgb[i][0] || i === rampRgb.length - 1) {
        var a = rampRgb[i - 1], b = rampRgb[i], f = b[0] > a[0] ? (t - a[0]) / (b[0] - a[0]) : 0;
        return 'rgb(' + Math.round(a[1] + f * (b[1] - a[1])) + ',' + Math.round(a[2] + f * (b[2] - a[2])) + ',' + Math.round(a[3] + f * (b[3] - a[3])) + ')';
      }
    }
  }

  function patternsFigure() {
    var drop = {}; (state.dropped || []).forEach(function (g) { drop[g] = true; });
    var keep = [], k;
    for (k = 0; k < D.groups.length; k++) if (!drop[D.groups[k]]) keep.push(k);
    var ov = vars[state.orderBy].values;
    keep.sort(function (a, b) {
      var va = ov[a], vb = ov[b];
      if (va === null && vb === null) return D.groups[a].localeCompare(D.groups[b]);
      if (va === null) return 1;
      if (vb === null) return -1;
      return vb - va || D.groups[a].localeCompare(D.groups[b]);
    });
    var names = keep.map(function (j) { return D.groups[j]; });
    var n = names.length, rows = n <= 100;
    var ids = [state.orderBy].concat(state.panels);
    var col = n > D.denseAbove ? { color: T.bar } : colours(keep);
    var width = fitWidth(Math.max(720, Math.min(1400, 260 * ids.length + 200)));
    var height = rows ? Math.max(330, 80 + n * (n <= 10 ? 30 : 18)) : 430;
    /* the panel titles (and their r, rho and p) are HTML above the figure (showTitles), not plotly annotations: fewer SVG texts to draw, and the numbers are filled in when the worker has them without drawing again */
    var margin = { l: rows ? 150 : 60, r: 30, t: rows ? 10 : 24, b: 60 };
    var layout = {
      width: width, height: height, margin: margin,
      font: { family: T.fontFamily, size: 12, color: T.text }, paper_bgcolor: '#fff', plot_bgcolor: '#fff', showlegend: false, bargap: 0.2,
      hovermode: 'closest',
    };
    var data = [], gap = 0.04, span = (1 - gap * (ids.length - 1)) / ids.length, plotWidth = width - margin.l - margin.r;
    var focusAt = state.focus ? names.indexOf(state.focus) : -1;
    var table = [], titles = [];
    /* the permutation tests (exact up to 10 groups, Monte Carlo up to 200) go to the worker while plotly draws; the t p above 200 is computed here (times: docs/benchmarks.md, Explorer) */
    var defer = !!worker && n <= D.asymptoticAbove;
    ids.forEach(function (id, k) {
      var xa = k === 0 ? 'x' : 'x' + (k + 1), ya = k === 0 ? 'y' : 'y' + (k + 1);
      var v = vars[id], values = keep.map(function (j) { return v.values[j]; });
      var domain = [k * (span + gap), k * (span + gap) + span];
      var marker = { color: col.color, line: { color: '#fff', width: 0.5 } };
      var s = k === 0 ? null : defer ? statsCache[statsKey(id)] || null : stats(id);
      if (k > 0) table.push({ id: id, s: s, k: k });
      titles.push({ id: id, k: k, left: margin.l + domain[0] * plotWidth, width: span * plotWidth });
      var hover = '<b>%{customdata}</b><br>' + esc(short(v.label[lang], 40)) + ': %{' + (rows ? 'x' : 'y') + ':.2f}<extra></extra>';
      if (rows) {
        layout[k === 0 ? 'xaxis' : 'xaxis' + (k + 1)] = { domain: domain, anchor: ya, range: v.range, autorange: false, fixedrange: true, gridcolor: T.grid, zeroline: false, tickfont: { size: 11 } };
        var ya0 = { anchor: xa, type: 'category', categoryorder: 'array', categoryarray: names, range: [n - 0.5, -0.5], autorange: false, fixedrange: true, showgrid: false, ticks: '', tickfont: { size: n > 40 ? 10 : 12 }, showticklabels: k === 0 };
        /* the names beside the first panel only; the other panels get no ticks at all (plotly would lay out n hidden labels each) */
        if (k > 0) { ya0.tickmode = 'array'; ya0.tickvals = []; } else if (n > 10) { ya0.tickmode = 'array'; ya0.tickvals = names; }
        layout[k === 0 ? 'yaxis' : 'yaxis' + (k + 1)] = ya0;
        data.push({ type: 'bar', orientation: 'h', y: names, x: values, customdata: names, xaxis: xa, yaxis: ya, marker: marker, hovertemplate: hover, name: id });
        data.push({ type: 'scatter', mode: 'lines', y: names, x: values, xaxis: xa, yaxis: ya, line: { color: T.lightBlue, width: 2 }, hoverinfo: 'skip', connectgaps: false });
        if (focusAt >= 0) data.push({ type: 'scatter', mode: 'markers', y: [names[focusAt]], x: [values[focusAt] === null ? v.range[0] : values[focusAt]], customdata: [names[focusAt]], xaxis: xa, yaxis: ya, marker: { symbol: 'circle-open', size: 16, color: T.accent, line: { width: 3, color: T.accent } }, hovertemplate: hover, name: 'focus' });
      } else {
        layout[k === 0 ? 'xaxis' : 'xaxis' + (k + 1)] = { domain: domain, anchor: ya, range: [0, n + 1], autorange: false, showgrid: false, zeroline: false, tickfont: { size: 11 }, title: { text: W.rank, font: { size: 11 } } };
        layout[k === 0 ? 'yaxis' : 'yaxis' + (k + 1)] = { anchor: xa, range: v.range, autorange: false, fixedrange: true, gridcolor: T.grid, zeroline: false, tickfont: { size: 11 } };
        if (n <= D.denseAbove) {
          data.push({ type: 'scatter', mode: 'markers', x0: 1, dx: 1, y: values, customdata: names, xaxis: xa, yaxis: ya, marker: { color: col.color, size: n > 300 ? 3.5 : 4.5, opacity: 0.7 }, hovertemplate: hover, name: id });
        } else {
          /* thousands of dots: their density over rank x value (one image per panel; SVG dots would take seconds to draw) */
          var bx = 100, by = 40, lo = v.range[0], span2 = (v.range[1] - lo) || 1, z = [], q2, r2;
          for (r2 = 0; r2 < by; r2++) { z.push(new Array(bx)); for (q2 = 0; q2 < bx; q2++) z[r2][q2] = 0; }
          for (q2 = 0; q2 < n; q2++) {
            if (values[q2] === null) continue;
            var cx = Math.min(bx - 1, Math.floor((q2 * bx) / n)), cy = Math.min(by - 1, Math.max(0, Math.floor(((values[q2] - lo) / span2) * by)));
            z[cy][cx]++;
          }
          for (r2 = 0; r2 < by; r2++) for (q2 = 0; q2 < bx; q2++) if (z[r2][q2] === 0) z[r2][q2] = null;
          data.push({ type: 'heatmap', x0: (n / bx + 1) / 2, dx: n / bx, y0: lo + span2 / by / 2, dy: span2 / by, z: z, xaxis: xa, yaxis: ya, colorscale: T.density, showscale: false, zsmooth: false, hovertemplate: W.rank + ' %{x:.0f}, %{y:.2f}: %{z}<extra></extra>', name: id });
        }
        var size = Math.max(1, Math.round(n / 40)), rx = [], ry = [];
        for (var st = 0; st < n; st += size) {
          var sum = 0, cnt = 0;
          for (var q = st; q < Math.min(n, st + size); q++) if (values[q] !== null) { sum += values[q]; cnt++; }
          rx.push(Math.round((st + 1 + Math.min(n, st + size)) / 2));
          ry.push(cnt ? sum / cnt : null);
        }
        data.push({ type: 'scatter', mode: 'lines', x: rx, y: ry, xaxis: xa, yaxis: ya, line: { color: T.lightBlue, width: 3 }, hoverinfo: 'skip', connectgaps: false, name: 'running mean' });
        if (focusAt >= 0) data.push({ type: 'scatter', mode: 'markers+text', x: [focusAt + 1], y: [values[focusAt] === null ? v.range[0] : values[focusAt]], text: [k === 0 ? esc(names[focusAt]) : ''], textposition: 'top center', customdata: [names[focusAt]], xaxis: xa, yaxis: ya, marker: { symbol: 'circle-open', size: 16, color: T.accent, line: { width: 3, color: T.accent } }, textfont: { color: T.accent, size: 12 }, hovertemplate: hover, name: 'focus', cliponaxis: false });
      }
    });
    return { data: data, layout: layout, table: table, titles: titles, n: n, legend: n > D.denseAbove ? null : col.legend || null, ramp: n > D.denseAbove ? null : col.ramp || null, note: !rows && n > D.denseAbove ? fill(W.dense, n) : '' };
  }

  function bandsFigure(series) {
    var labels = D.portrait.labels.map(function (l) { return l[lang]; });
    var data = [];
    series.forEach(function (s) {
      var base = [], width = [], means = [], hover = [];
      s.cells.forEach(function (c, i) {
        var ok = c && c[1] !== null && c[2] !== null;
        base.push(ok ? Math.max(1, c[1]) : null);
        width.push(ok ? Math.min(5, c[2]) - Math.max(1, c[1]) : null);
        means.push(c ? c[0] : null);
        hover.push('<b>' + esc(s.name) + '</b><br>' + esc(labels[i]) + '<br>' + (c ? fmtNum(c[0], 2) + (ok ? ' [' + fmtNum(c[1], 2) + ' \u2013 ' + fmtNum(c[2], 2) + ']' : '') + '<br>n = ' + c[3] : W.unknown));
      });
      data.push({ type: 'bar', orientation: 'h', name: s.name, y: labels, x: width, base: base, offsetgroup: s.name, marker: { color: s.color, opacity: 0.85, line: { width: 0 } }, hovertext: hover, hoverinfo: 'text' });
      data.push({ type: 'scatter', mode: 'markers', name: s.name, y: labels, x: means, offsetgroup: s.name, showlegend: false, marker: { symbol: 'diamond', size: 11, color: '#fff', line: { color: s.color, width: 2 } }, hovertext: hover, hoverinfo: 'text', cliponaxis: false });
    });
    var rowPx = Math.max(44, 16 * series.length + 16);
    return { data: data, layout: {
      width: fitWidth(900), height: 140 + labels.length * rowPx, margin: { l: 230, r: 30, t: 40, b: 90 }, barmode: 'group', scattermode: 'group', bargap: 0.3, bargroupgap: 0.05,
      font: { family: T.fontFamily, size: 12, color: T.text }, paper_bgcolor: '#fff', plot_bgcolor: '#fff', showlegend: true,
      legend: { orientation: 'h', x: 0, y: -0.12, yanchor: 'top' },
      xaxis: { range: [1, 5], autorange: false, fixedrange: true, dtick: 1, gridcolor: T.grid, title: { text: W.score } },
      yaxis: { type: 'category', categoryorder: 'array', categoryarray: labels, autorange: 'reversed', fixedrange: true, showgrid: false },
    } };
  }

  function portraitFigure() {
    var g = gIndex[state.focus], notShown = [];
    var series = [{ name: state.focus + (state.split ? ' (' + W.all + ')' : ''), cells: D.portrait.bands[g], color: T.band }];
    if (state.split) {
      var sp = D.splits.filter(function (s) { return s.id === state.split; })[0];
      sp.levels.forEach(function (l, i) {
        var c = sp.cells[g][i];
        if (c) series.push({ name: l.label[lang], cells: c, color: T.palette[i % T.palette.length] });
        else notShown.push(l.label[lang]);
      });
    }
    var f = bandsFigure(series);
    f.note = notShown.length ? fill(W.notShown, notShown.join(', '), D.minComplete) : '';
    return f;
  }

  function compareFigure() {
    var f = bandsFigure(state.compare.map(function (g, i) { return { name: g, cells: D.portrait.bands[gIndex[g]], color: T.palette[i % T.palette.length] }; }));
    f.note = '';
    return f;
  }

  function showStats(f) {
    var body = $('stats').tBodies[0];
    body.innerHTML = '';
    $('stats').hidden = state.mode !== 'patterns';
    $('caution').hidden = state.mode !== 'patterns';
    if (state.mode !== 'patterns') return;
    f.table.forEach(function (row) {
      var s = row.s, tr = document.createElement('tr'), wait = '\u2026';
      tr.setAttribute('data-variable', row.id);
      /* a row whose numbers the worker is still computing shows "..." and has no data-n/r/rho/p yet */
      if (s) {
        tr.setAttribute('data-n', String(s.n));
        tr.setAttribute('data-r', String(s.r));
        tr.setAttribute('data-rho', String(s.rho));
        tr.setAttribute('data-p', String(s.p));
      }
      [label(row.id)].concat(s ? [String(s.n), fmtR(s.r), fmtR(s.rho), fmtP(s.p), s.pMethod ? W.methods[s.pMethod] : '-'] : [wait, wait, wait, wait, wait]).forEach(function (t, i) {
        var td = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) td.setAttribute('scope', 'row');
        td.textContent = t;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    var n = f.table.length && f.table[0].s ? f.table[0].s.n : f.n;
    var method = n <= 10 ? 'exact' : n > D.asymptoticAbove ? 't' : 'monte-carlo';
    $('caution').textContent = (n >= 3 ? fill(W.caution, n, fmtR(D.critical.oneSided[n]), fmtR(D.critical.twoSided[n])) : fill(W.tooFew, n)) + ' ' + D.methodRules[method][lang];
  }

  var whole = function (v) { return Math.round(v) === v ? 0 : 2; };
  function showLegend(f) {
    var el = $('legend');
    el.innerHTML = '';
    if (f.ramp) {
      var r = document.createElement('span');
      r.className = 'dv-explorer-swatch';
      r.innerHTML = esc(f.ramp.title) + ': ' + esc(fmtNum(f.ramp.lo, whole(f.ramp.lo))) + ' <i class="dv-explorer-ramp" style="background:linear-gradient(to right,' + T.purples.map(function (s) { return s[1] + ' ' + (100 * s[0]) + '%'; }).join(',') + ')"></i> ' + esc(fmtNum(f.ramp.hi, whole(f.ramp.hi)));
      el.appendChild(r);
    }
    if (!f.legend) return;
    f.legend.forEach(function (l) {
      var s = document.createElement('span');
      s.className = 'dv-explorer-swatch';
      s.innerHTML = '<i style="background:' + l[1] + '"></i>' + esc(l[0]);
      el.appendChild(s);
    });
  }

  var PLOT_CONFIG = { responsive: false, displaylogo: false, modeBarButtonsToRemove: ['select2d', 'lasso2d'] };
  var pending = null, renderSeq = 0;
  function render(t0) {
    var seq = ++renderSeq;
    var f = state.mode === 'patterns' ? patternsFigure() : state.mode === 'portrait' ? portraitFigure() : compareFigure();
    var missing = (f.table || []).filter(function (row) { return !row.s; });
    var computed = missing.length ? computeInWorker(missing.map(function (row) { return row.id; })) : Promise.resolve();
    var figureMs = null, statsMs = missing.length ? null : 0;
    /* the configuration only with the first drawing: Plotly.react given a configuration copies plotly's whole default configuration twice to compare them (docs/benchmarks.md, Explorer) */
    var done = Promise.resolve(drawCount === 0 && !figure._fullLayout ? Plotly.react(figure, f.data, f.layout, PLOT_CONFIG) : Plotly.react(figure, f.data, f.layout)).then(function () { figureMs = performance.now() - t0; });
    /* the page's own HTML after plotly's drawing: plotly measures its texts, and each measurement would lay out the changed controls, titles and table again */
    sync();
    showLegend(f);
    showTitles(f);
    $('note').textContent = f.note || '';
    $('count').textContent = state.mode === 'patterns' ? fill(W.groupsShown, f.n, D.groups.length) : '';
    showStats(f);
    /* the worker's numbers go into the table and the titles (HTML): the figure is not drawn again */
    var filled = computed.then(function () {
      if (seq !== renderSeq || !missing.length) return;
      missing.forEach(function (row) { row.s = statsCache[statsKey(row.id)]; });
      fillTitles(f);
      showStats(f);
      statsMs = performance.now() - t0;
    });
    pending = Promise.all([done, filled]).then(function () {
      if (seq !== renderSeq) return;
      drawCount++;
      var ms = performance.now() - t0;
      root.setAttribute('data-drawn', String(drawCount));
      root.dispatchEvent(new CustomEvent('dv-explorer-drawn', { detail: { ms: ms, figureMs: figureMs, statsMs: statsMs, count: drawCount } }));
    });
    return pending;
  }

  root.querySelector('.dv-explorer-static').hidden = true;
  root.querySelector('.dv-explorer-app').hidden = false;
  render(performance.now()).then(function () {
    figure.on('plotly_click', function (ev) {
      var t0 = performance.now();
      var p = ev && ev.points && ev.points[0];
      var g = p && (Array.isArray(p.customdata) ? p.customdata[0] : p.customdata);
      if (state.mode !== 'patterns' || typeof g !== 'string' || gIndex[g] === undefined) return;
      if (state.focus === g) delete state.focus; else state.focus = g;
      render(t0);
    });
  });
}
`;
