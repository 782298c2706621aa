/* summary-site: sort, filter and page through the index tables (Articles, Actors, Places, Quotes).
 *
 * Progressive enhancement of <div class="ss-table" data-src="../downloads/table/X" data-chunks="K"
 * data-total="N" data-page="50"><table>…</table></div>, written by generator/render/indexes.py: without
 * this script the page shows its first rows as a plain table. With it, the table gets a filter box, a
 * select for each column marked data-filter, sort buttons in the headings and pages of data-page rows.
 * Rows beyond the page's own come from the JSON chunks X-0.json … X-(K-1).json, in the page's order: the
 * first chunk at once, the next ones as the reader pages on, all of them only to sort or filter.
 * Column headings say how to read the JSON: data-key (field), data-type (text | num | date), data-link
 * (field with the linked page's id; the link pattern is taken from the first row's own link), data-anchor
 * (field with a paragraph number), data-labels (display names of coded values).
 * Values come from articles: they are only ever set as text (textContent), links only from our pattern.
 */
(function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  var collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

  function readableDate(iso) {
    var m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso || "");
    if (!m || +m[2] < 1 || +m[2] > 12) return iso ? String(iso).slice(0, 10) : "undated";
    return (m[3] ? +m[3] + " " : "") + MONTHS[+m[2] - 1] + " " + m[1];
  }

  var NONE = "\u2205";  // the filter value of an empty cell ("" is "all")
  function key(value) {
    var s = value === null || value === undefined ? "" : String(value);
    return s === "" ? NONE : s;
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function parse(json) {
    try { return JSON.parse(json || "null") || {}; } catch (e) { return {}; }
  }

  function columns(table) {
    return [].map.call(table.tHead.rows[0].cells, function (th, i) {
      return {
        i: i, th: th, key: th.dataset.key, type: th.dataset.type || "text", link: th.dataset.link || "",
        anchor: th.dataset.anchor || "", filter: th.hasAttribute("data-filter"), labels: parse(th.dataset.labels),
        name: th.textContent.trim(), template: null
      };
    });
  }

  /* The link pattern of a column from the first row that has one: the href around the row's id. */
  function templates(cols, trs) {
    cols.forEach(function (c) {
      if (!c.link) return;
      for (var r = 0; r < trs.length; r++) {
        var td = trs[r].cells[c.i];
        var a = td && td.querySelector("a[href]");
        var id = td && td.dataset.id;
        if (!a || !id) continue;
        var href = a.getAttribute("href").split("#")[0];
        var at = href.lastIndexOf(id);
        if (at >= 0) { c.template = [href.slice(0, at), href.slice(at + id.length)]; return; }
      }
    });
  }

  function display(c, value) {
    if (c.type === "date") return readableDate(value);
    if (value === null || value === undefined || value === "") return c.link === "speaker_id" ? "not named" : "—";
    if (Array.isArray(value)) return value.join("; ");
    return Object.prototype.hasOwnProperty.call(c.labels, value) ? c.labels[value] : String(value);
  }

  function fromDom(cols, tr) {
    var cells = cols.map(function (c) {
      var td = tr.cells[c.i];
      var a = td.querySelector("a[href]");
      var sort = td.hasAttribute("data-sort") ? td.dataset.sort : td.textContent.trim();
      return { text: td.textContent.trim(), value: sort, href: a ? a.getAttribute("href") : "" };
    });
    return finish(cells);
  }

  function fromJson(cols, row) {
    var cells = cols.map(function (c) {
      var value = row[c.key];
      var href = "";
      var id = c.link ? row[c.link] : null;
      if (id && c.template && /^[\w.-]+$/.test(String(id))) {
        href = c.template[0] + id + c.template[1];
        if (c.anchor && row[c.anchor]) href += "#p" + parseInt(row[c.anchor], 10);
      }
      if (c.type === "num" && Array.isArray(value)) value = value.length;
      return { text: display(c, value), value: value === null || value === undefined ? "" : value, href: href };
    });
    return finish(cells);
  }

  function finish(cells) {
    return { cells: cells, haystack: cells.map(function (x) { return x.text; }).join(" \u0001 ").toLowerCase() };
  }

  function compare(c) {
    if (c.type === "num") {
      return function (a, b) { return (parseFloat(a.cells[c.i].value) || 0) - (parseFloat(b.cells[c.i].value) || 0); };
    }
    if (c.type === "date") {  // ISO strings sort as dates; undated last either way (handled in sortRows)
      return function (a, b) {
        var x = String(a.cells[c.i].value), y = String(b.cells[c.i].value);
        return x < y ? -1 : x > y ? 1 : 0;
      };
    }
    return function (a, b) { return collator.compare(a.cells[c.i].text, b.cells[c.i].text); };
  }

  function enhance(box) {
    if (box.dataset.enhanced) return;
    var table = box.querySelector("table");
    if (!table || !table.tHead || !table.tBodies.length) return;
    box.dataset.enhanced = "1";
    var cols = columns(table);
    var trs = [].slice.call(table.tBodies[0].rows);
    templates(cols, trs);
    var pageSize = parseInt(box.dataset.page, 10) || 50;
    var total = parseInt(box.dataset.total, 10) || trs.length;
    var sorted = cols.filter(function (c) { return /ascending|descending/.test(c.th.getAttribute("aria-sort") || ""); })[0];
    var chunks = parseInt(box.dataset.chunks, 10) || 0;
    var state = {
      rows: trs.map(function (tr) { return fromDom(cols, tr); }), text: "", filters: {}, page: 0,
      sort: sorted ? sorted.i : -1, dir: sorted && sorted.th.getAttribute("aria-sort") === "descending" ? -1 : 1,
      complete: trs.length >= total || !chunks || !box.dataset.src, failed: false, json: [], loaded: 0
    };
    var initial = { sort: state.sort, dir: state.dir };
    var pending = null;

    /* The page's own order, unfiltered: the rows needed are the first (page + 1) * pageSize. */
    function defaultView() {
      return !state.text && state.sort === initial.sort && state.dir === initial.dir &&
        !Object.keys(state.filters).some(function (k) { return state.filters[k]; });
    }

    /* Load chunks in order until `want` rows are there (Infinity: all of them). */
    function ensure(want) {
      if (state.complete || state.failed || state.json.length >= want) return Promise.resolve();
      if (!pending) {
        var url = new URL(box.dataset.src + "-" + state.loaded + ".json", location.href).href;
        pending = fetch(url).then(function (res) {
          if (!res.ok) throw new Error(res.status);
          return res.json();
        }).then(function (data) {
          if (!Array.isArray(data)) throw new Error("not a list");
          data.forEach(function (row) { state.json.push(fromJson(cols, row)); });
          state.loaded += 1;
          if (state.json.length >= state.rows.length) state.rows = state.json;
          if (state.loaded >= chunks) { state.complete = true; state.rows = state.json; }
        }).catch(function () {
          state.failed = true;  // keep the rows there are
        }).then(function () { pending = null; });
      }
      return pending.then(function () { return ensure(want); });
    }

    /* Load what `want` needs, then redraw; data-busy is on the box meanwhile. */
    var busy = 0;
    function fill(want) {
      busy += 1;
      box.dataset.busy = "1";
      return ensure(want).then(function () {
        busy -= 1;
        if (!busy) delete box.dataset.busy;
        options();
        render();
      });
    }

    function update() {
      var want = defaultView() ? (state.page + 1) * pageSize : Infinity;
      if (state.complete || state.failed || state.rows.length >= want) { render(); return; }
      render(true);
      fill(want);
    }

    var tools = el("div", "ss-table__tools");
    var search = el("input", "ss-table__filter md-typeset");
    search.type = "search";
    search.placeholder = "Filter these rows…";
    search.setAttribute("aria-label", "Filter the table");
    tools.appendChild(search);
    var selects = [];
    cols.forEach(function (c) {
      if (!c.filter) return;
      var select = el("select", "ss-table__select");
      select.setAttribute("aria-label", "Filter by " + c.name.toLowerCase());
      select.dataset.col = c.i;
      tools.appendChild(select);
      selects.push([c, select]);
      select.addEventListener("change", function () {
        state.filters[c.i] = select.value;
        state.page = 0;
        update();
      });
      select.addEventListener("focus", function () {  // every value, not only those of the rows loaded
        if (!state.complete) fill(Infinity);
      });
    });
    var count = el("span", "ss-table__count");
    count.setAttribute("aria-live", "polite");
    tools.appendChild(count);
    var wrap = box.querySelector(".md-typeset__scrollwrap") || table;
    box.insertBefore(tools, box.firstChild);

    var pager = el("nav", "ss-table__pager");
    pager.setAttribute("aria-label", "Pages of the table");
    var prev = el("button", "md-button ss-table__prev", "← Previous");
    var where = el("span", "ss-table__where");
    var next = el("button", "md-button ss-table__next", "Next →");
    prev.type = next.type = "button";
    pager.appendChild(prev);
    pager.appendChild(where);
    pager.appendChild(next);
    wrap.parentNode.insertBefore(pager, wrap.nextSibling);
    prev.addEventListener("click", function () { state.page -= 1; update(); });
    next.addEventListener("click", function () { state.page += 1; update(); box.scrollIntoView({ block: "start" }); });

    cols.forEach(function (c) {
      var button = el("button", "ss-table__sort", c.name);
      button.type = "button";
      button.title = "Sort by " + c.name.toLowerCase();
      c.th.textContent = "";
      c.th.appendChild(button);
      if (!c.th.hasAttribute("aria-sort")) c.th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        if (state.sort === c.i) state.dir = -state.dir;
        else { state.sort = c.i; state.dir = c.type === "text" ? 1 : -1; }
        state.page = 0;
        update();
      });
    });

    var timer = 0;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.text = search.value.trim().toLowerCase(); state.page = 0; update(); }, 120);
    });

    function options() {
      selects.forEach(function (pair) {
        var c = pair[0], select = pair[1], counts = {};
        state.rows.forEach(function (r) {
          var v = key(r.cells[c.i].value);
          counts[v] = (counts[v] || 0) + 1;
        });
        var chosen = state.filters[c.i] || "";
        select.textContent = "";
        select.appendChild(new Option(c.name + ": all", ""));
        Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || collator.compare(a, b); })
          .slice(0, 200).forEach(function (v) {
            var label = v === NONE ? "none given" : display(c, v);
            select.appendChild(new Option(label + " (" + counts[v] + ")", v, false, v === chosen));
          });
      });
    }

    function visible() {
      var rows = state.rows.filter(function (r) {
        for (var k in state.filters) {
          if (state.filters[k] && key(r.cells[k].value) !== state.filters[k]) return false;
        }
        return !state.text || r.haystack.indexOf(state.text) >= 0;
      });
      if (state.sort >= 0) {
        var c = cols[state.sort], cmp = compare(c), dir = state.dir;
        rows = rows.map(function (r, i) { return [r, i]; }).sort(function (a, b) {
          if (c.type === "date") {  // undated last in both directions
            var ea = !a[0].cells[c.i].value, eb = !b[0].cells[c.i].value;
            if (ea !== eb) return ea ? 1 : -1;
          }
          return dir * cmp(a[0], b[0]) || a[1] - b[1];
        }).map(function (x) { return x[0]; });
      }
      return rows;
    }

    function render(loading) {
      var rows = visible();
      var partial = !state.complete && !state.failed;
      var size = partial && defaultView() ? Math.max(total, rows.length) : rows.length;
      var pages = Math.max(1, Math.ceil(size / pageSize));
      state.page = Math.max(0, Math.min(state.page, pages - 1));
      var from = state.page * pageSize;
      if (!loading) {
        var body = document.createElement("tbody");
        rows.slice(from, from + pageSize).forEach(function (r) {
          var tr = document.createElement("tr");
          r.cells.forEach(function (cell) {
            var td = document.createElement("td");
            if (cell.href) {
              var a = el("a", "", cell.text);
              a.href = cell.href;
              td.appendChild(a);
            } else {
              td.textContent = cell.text;
            }
            tr.appendChild(td);
          });
          body.appendChild(tr);
        });
        table.replaceChild(body, table.tBodies[0]);
      }
      cols.forEach(function (c) {
        c.th.setAttribute("aria-sort", c.i !== state.sort ? "none" : state.dir > 0 ? "ascending" : "descending");
      });
      var of = partial ? total : state.rows.length;
      count.textContent = (size === 0 ? "No rows match" :
        "Rows " + (from + 1).toLocaleString() + "–" + Math.min(from + pageSize, size).toLocaleString() +
        " of " + size.toLocaleString() + (size < of ? " (of " + of.toLocaleString() + ")" : "")) +
        (loading ? " · loading…" : partial && !defaultView() ? " · loading all " + total.toLocaleString() + "…" : "") +
        (state.failed ? " · the rest of the list could not be loaded (see the downloads)" : "");
      where.textContent = "Page " + (state.page + 1) + " of " + pages;
      prev.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
      pager.hidden = pages === 1;
    }

    options();
    render();
    fill(1);  // the first chunk, for the selects and the next pages
  }

  function init() {
    document.querySelectorAll(".ss-table").forEach(enhance);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
