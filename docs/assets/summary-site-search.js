/* summary-site: the chunked search (Pagefind) in Material's header, for large sites.
 *
 * Loaded only when the `summary-site` plugin turned the chunked search on (it then switches Material's own
 * search off and runs Pagefind after the build). It draws Material's search markup and classes, so the box,
 * the overlay, the result list and both palettes look as they do with the built-in search, and behaves the
 * same: `/`, `s` or `f` focuses it, results come as you type, Esc closes, arrow keys move through results.
 * Facets (actor, place, source, year) narrow the results: Pagefind filters written on each article page.
 *
 * Nothing is fetched until the box is focused; then pagefind/pagefind.js (and, on a sharded site, the list of
 * the shards' bundles, merged into it) and, per query, only the index and fragment chunks it needs. The bundle
 * is found relative to this script (assets/ is beside pagefind/), so the site works under any sub-path and
 * from any static file server. Titles, excerpts and facet values come from articles: they are only ever set as
 * text; from an excerpt only Pagefind's <mark> is kept.
 */
(function () {
  "use strict";
  if (window.__summarySiteSearch) return;
  window.__summarySiteSearch = true;

  var script = document.currentScript;
  var root = new URL("../", script ? script.src : location.href);  // this file is <root>/assets/
  var PAGE = 10;
  var FACETS = [["actor", "Actor"], ["place", "Place"], ["source", "Source"], ["year", "Year"]];
  var MAX_OPTIONS = 40;
  var SVG = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"';
  var ICON_SEARCH = "<svg " + SVG + '><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 ' +
    "5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 " +
    '9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
  var ICON_BACK = "<svg " + SVG + '><path d="M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z"/></svg>';
  var ICON_CLOSE = "<svg " + SVG + '><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 ' +
    '13.41 17.59 19 19 17.59 13.41 12z"/></svg>';

  var pagefind = null;
  var ui = null;
  var state = { seq: 0, results: [], shown: 0, filters: {}, counts: {}, loading: 0 };

  function translations() {
    try { return JSON.parse(document.getElementById("__config").textContent).translations || {}; } catch (e) { return {}; }
  }
  var T = translations();
  function say(key, fallback, n) {
    var text = T[key] || fallback;
    return n === undefined ? text : text.replace("#", String(n));
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: root.pathname, excerptLength: 30 }))
          .then(function () { return shards(pf); })
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  // A sharded site (generator/sharded.py): one bundle per shard, listed in pagefind-shards/shards.json, merged
  // into the hub's, so one query searches them all (with the same facets). Its pages say so in a <meta>.
  function shards(pf) {
    if (!document.querySelector('meta[name="summary-site-shards"]')) return null;
    return fetch(new URL("pagefind-shards/shards.json", root).href)
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; })
      .then(function (names) {
        if (!Array.isArray(names)) return null;
        return Promise.all(names.filter(function (n) { return typeof n === "string" && /^[\w-]+$/.test(n); })
          .map(function (n) {
            return pf.mergeIndex(new URL("pagefind-shards/" + n + "/", root).pathname, { baseUrl: root.pathname });
          }));
      });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function build() {
    var header = document.querySelector(".md-header__inner");
    var toggle = document.getElementById("__search");
    if (!header || !toggle) return null;
    var existing = header.querySelector(".ss-search");
    if (existing) return ui;
    var button = el("label", "md-header__button md-icon ss-search-button");
    button.htmlFor = "__search";
    button.innerHTML = ICON_SEARCH;
    var box = el("div", "md-search ss-search");
    box.setAttribute("role", "dialog");
    var label = say("search.placeholder", "Search");
    box.innerHTML =
      '<label class="md-search__overlay" for="__search"></label>' +
      '<div class="md-search__inner" role="search">' +
      '<form class="md-search__form" name="search">' +
      '<input type="text" class="md-search__input" name="query" autocapitalize="off" autocorrect="off" ' +
      'autocomplete="off" spellcheck="false" required>' +
      '<label class="md-search__icon md-icon" for="__search">' + ICON_SEARCH + ICON_BACK + "</label>" +
      '<nav class="md-search__options"><button type="reset" class="md-search__icon md-icon" tabindex="-1">' +
      ICON_CLOSE + "</button></nav></form>" +
      '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
      '<div class="md-search-result ss-search-result">' +
      '<div class="ss-search-facets" hidden></div>' +
      '<div class="md-search-result__meta"></div>' +
      '<ol class="md-search-result__list" role="presentation"></ol>' +
      "</div></div></div></div>";
    var source = header.querySelector(".md-header__source");
    header.insertBefore(button, source);
    header.insertBefore(box, source);
    var input = box.querySelector("input");
    input.setAttribute("aria-label", label);
    input.placeholder = label;
    var reset = box.querySelector("button[type=reset]");
    reset.title = "Clear";
    reset.setAttribute("aria-label", "Clear");
    ui = {
      toggle: toggle, box: box, input: input, form: box.querySelector("form"),
      facets: box.querySelector(".ss-search-facets"), meta: box.querySelector(".md-search-result__meta"),
      list: box.querySelector(".md-search-result__list"), scroll: box.querySelector(".md-search__scrollwrap")
    };
    ui.meta.textContent = say("search.result.placeholder", "Type to start searching");
    wire(ui);
    return ui;
  }

  function setOpen(open) {
    if (ui.toggle.checked !== open) {
      ui.toggle.checked = open;
      ui.toggle.dispatchEvent(new Event("change"));
    }
  }

  function wire(u) {
    u.input.addEventListener("focus", function () { setOpen(true); load(); });
    u.toggle.addEventListener("change", function () {
      if (u.toggle.checked) {
        if (document.activeElement !== u.input) u.input.focus();
      } else if (u.box.contains(document.activeElement)) {
        document.activeElement.blur();
      }
    });
    u.input.addEventListener("input", function () { search(); });
    u.form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = u.list.querySelector("a");
      if (first) first.click();
    });
    u.form.addEventListener("reset", function () {
      state.filters = {};
      setTimeout(function () { search(); u.input.focus(); }, 0);
    });
    u.list.addEventListener("click", function (ev) {
      if (ev.target.closest && ev.target.closest("a")) setOpen(false);
    });
    u.scroll.addEventListener("scroll", function () {
      var s = u.scroll;
      if (s.scrollTop + s.clientHeight >= s.scrollHeight - 64) more(state.seq);
    });
  }

  function activeFilters() {
    var out = {};
    Object.keys(state.filters).forEach(function (k) { if (state.filters[k]) out[k] = state.filters[k]; });
    return out;
  }

  function search() {
    var seq = ++state.seq;
    var query = ui.input.value.trim();
    if (!query) {
      state.results = [];
      state.shown = 0;
      ui.list.textContent = "";
      ui.facets.hidden = true;
      ui.meta.textContent = say("search.result.placeholder", "Type to start searching");
      return Promise.resolve();
    }
    return load().then(function (pf) {
      return pf.debouncedSearch(query, { filters: activeFilters() }, 60).then(function (found) {
        if (!found || seq !== state.seq) return found;
        return pinned(pf, query).then(function (own) {
          if (!own.length) return found;
          var ids = {};
          own.forEach(function (r) { ids[r.id] = true; });
          found.results = own.concat(found.results.filter(function (r) { return !ids[r.id]; }));
          return found;
        });
      });
    }).then(function (found) {
      if (!found || seq !== state.seq) return;
      state.results = found.results;
      state.shown = 0;
      state.counts = {};
      ui.list.textContent = "";
      var n = found.results.length;
      ui.meta.textContent = n === 0 ? say("search.result.none", "No matching documents")
        : n === 1 ? say("search.result.one", "1 matching document")
        : say("search.result.other", "# matching documents", n.toLocaleString());
      ui.scroll.scrollTop = 0;
      facets();
      return more(seq);
    }, function (err) {
      if (seq !== state.seq) return;
      ui.meta.textContent = "Search is not available here (" + (err && err.message ? err.message : err) + ")";
    });
  }

  /* The same normalisation as generator/render/pages.py name_key: accents, punctuation and case gone. */
  function nameKey(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim().slice(0, 100);
  }

  /* Actor and place pages whose name or alias is the query (their `name` filter), most articles first:
   * shown before the other results. Only without facets chosen (those narrow to articles). */
  function pinned(pf, query) {
    var key = nameKey(query);
    if (!key || Object.keys(activeFilters()).length) return Promise.resolve([]);
    // the query itself, not null: a filter-only search reads every index chunk (10 MB at 10,000 articles),
    // the query's own chunks are already loaded by the main search
    return Promise.resolve(pf.search(query, { filters: { name: key }, sort: { articles: "desc" } }))
      .then(function (r) { return (r && r.results) || []; }, function () { return []; });
  }

  function more(seq) {
    if (seq !== state.seq || state.loading === seq || state.shown >= state.results.length) return Promise.resolve();
    state.loading = seq;  // one page at a time for this query; a newer query does not wait for it
    var slice = state.results.slice(state.shown, state.shown + PAGE);
    state.shown += slice.length;
    function done() { if (state.loading === seq) state.loading = 0; }
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (items) {
      done();
      if (seq !== state.seq) return;
      items.forEach(function (d) {
        var li = render(d);
        if (li) ui.list.appendChild(li);
        count(d.filters || {});
      });
      facets();
      var s = ui.scroll;  // fill the panel: Material loads more as you scroll
      if (s.scrollHeight <= s.clientHeight + 64) return more(seq);
    }, done);
  }

  function sameSite(url) {
    try {
      var u = new URL(url, location.href);
      return u.origin === location.origin ? u.href : null;
    } catch (e) { return null; }
  }

  function excerpt(html) {
    var p = el("p");
    var doc = new DOMParser().parseFromString("<body>" + (html || ""), "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") p.appendChild(el("mark", "", node.textContent));
      else p.appendChild(document.createTextNode(node.textContent));
    });
    return p;
  }

  function render(d) {
    var href = sameSite(d.url);
    if (!href) return null;
    var li = el("li", "md-search-result__item");
    var a = el("a", "md-search-result__link");
    a.href = href;
    a.tabIndex = -1;
    var article = el("article", "md-search-result__article md-search-result__article--document md-typeset");
    article.appendChild(el("div", "md-search-result__icon md-icon"));
    article.appendChild(el("h1", "", (d.meta && d.meta.title) || d.url));
    var f = d.filters || {};
    var facts = [].concat(f.source || [], f.year || []);
    if (facts.length) article.appendChild(el("p", "ss-search-result__facts", facts.join(" · ")));
    article.appendChild(excerpt(d.excerpt));
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function count(filters) {
    FACETS.forEach(function (f) {
      var key = f[0];
      var values = filters[key] || [];
      var c = state.counts[key] || (state.counts[key] = {});
      values.forEach(function (v) { c[v] = (c[v] || 0) + 1; });
    });
  }

  function facets() {
    var bar = ui.facets;
    bar.textContent = "";
    var any = false;
    FACETS.forEach(function (f) {
      var key = f[0];
      var chosen = state.filters[key];
      var counts = state.counts[key] || {};
      var values = Object.keys(counts).sort(function (a, b) {
        return counts[b] - counts[a] || (key === "year" ? (b < a ? -1 : 1) : a.localeCompare(b));
      }).slice(0, MAX_OPTIONS);
      if (chosen && values.indexOf(chosen) < 0) values.unshift(chosen);
      if (!values.length) return;
      any = true;
      var select = el("select", "ss-search-facet" + (chosen ? " ss-search-facet--active" : ""));
      select.name = key;
      select.setAttribute("aria-label", "Filter by " + f[1].toLowerCase());
      select.appendChild(new Option(f[1] + ": all", ""));
      values.forEach(function (v) {
        var label = counts[v] ? v + " (" + counts[v] + ")" : v;
        select.appendChild(new Option(label, v, false, v === chosen));
      });
      select.addEventListener("change", function () {
        state.filters[key] = select.value;
        search();
      });
      bar.appendChild(select);
    });
    bar.hidden = !any;
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function onKey(ev) {
    if (!ui || ev.metaKey || ev.ctrlKey || ev.altKey) return;
    if (!ui.toggle.checked) {
      if ((ev.key === "/" || ev.key === "s" || ev.key === "f") && !typing(ev.target)) {
        ev.preventDefault();
        ui.input.focus();
        ui.input.select();
      }
      return;
    }
    if (ev.key === "Escape") {
      ev.preventDefault();
      setOpen(false);
      return;
    }
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (ev.target && ev.target.tagName === "SELECT") return;
      var stops = [ui.input].concat([].slice.call(ui.list.querySelectorAll("a")));
      var i = stops.indexOf(document.activeElement);
      var next = stops[Math.max(0, Math.min(stops.length - 1, i + (ev.key === "ArrowDown" ? 1 : -1)))];
      if (next) {
        ev.preventDefault();
        next.focus();
      }
    }
  }

  function init() {
    if (!build()) return;
    setOpen(false);  // a new page (instant navigation): the search closes, the query stays
  }

  document.addEventListener("keydown", onKey, true);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
