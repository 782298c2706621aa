/* summary-site: draws the maps on the Places page and on each place page.
 *
 * The generator writes <div class="ss-map" data-places="[...]">: JSON of {id, name, lat, lon, n}.
 * Leaflet (vendored in assets/leaflet/, BSD-2-Clause) is loaded only on pages that have a map.
 * Under the markers, a base layer that needs no network: Natural Earth's 1:110m country outlines
 * (assets/world-atlas/, public domain) turned from TopoJSON into GeoJSON by topojson-client
 * (assets/topojson-client/, ISC), styled from CSS (both palettes). OpenStreetMap tiles are an online
 * extra drawn over it. Past CLUSTER_FROM places, markers that crowd are clustered
 * (assets/leaflet.markercluster/, MIT).
 * Place names come from articles: they are only ever set as text (textContent), never as HTML.
 * Works with Material's instant navigation: `document$` emits on every page change.
 */
(function () {
  "use strict";
  var base = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
  var CLUSTER_FROM = 40;
  var loaded = {};
  var world = null;

  function load(js, css) {
    if (!loaded[js]) {
      loaded[js] = new Promise(function (resolve, reject) {
        (css || []).forEach(function (href) {
          var link = document.createElement("link");
          link.rel = "stylesheet";
          link.href = base + href;
          document.head.appendChild(link);
        });
        var script = document.createElement("script");
        script.src = base + js;
        script.onload = function () { resolve(); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loaded[js];
  }

  function loadLeaflet() {
    if (window.L) return Promise.resolve(window.L);
    return load("leaflet/leaflet.js", ["leaflet/leaflet.css"]).then(function () { return window.L; });
  }

  /* Country outlines as GeoJSON, fetched and converted once per visit; null when they cannot load. */
  function loadWorld() {
    if (!world) {
      world = Promise.all([
        load("topojson-client/topojson-client.min.js"),
        fetch(base + "world-atlas/countries-110m.json").then(function (r) {
          if (!r.ok) throw new Error("world-atlas: " + r.status);
          return r.json();
        })
      ]).then(function (got) {
        var countries = window.topojson.feature(got[1], got[1].objects.countries);
        countries.features.forEach(unwrap);
        return countries;
      }).catch(function () { return null; });
    }
    return world;
  }

  /* Rings that cross the antimeridian (Fiji, Chukotka) go on past 180° instead of jumping back across the
   * whole map, which Leaflet would draw as a band around the world. */
  function unwrap(feature) {
    var g = feature.geometry;
    if (!g) return;
    var polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    polygons.forEach(function (rings) {
      rings.forEach(function (ring) {
        for (var i = 1; i < ring.length; i++) {
          var d = ring[i][0] - ring[i - 1][0];
          if (d > 180) ring[i][0] -= 360;
          else if (d < -180) ring[i][0] += 360;
        }
      });
    });
  }

  function loadClusters() {
    return load("leaflet.markercluster/leaflet.markercluster.js",
      ["leaflet.markercluster/MarkerCluster.css", "leaflet.markercluster/MarkerCluster.Default.css"]
    ).then(function () { return true; }, function () { return false; });
  }

  function label(place, link) {
    var box = document.createElement("span");
    var name = document.createElement(link ? "a" : "strong");
    name.textContent = place.name;
    if (link && /^[a-z0-9-]+$/.test(place.id)) name.href = place.id + "/";
    box.appendChild(name);
    if (place.n) box.appendChild(document.createTextNode(" · " + place.n + (place.n === 1 ? " article" : " articles")));
    return box;
  }

  function places(el) {
    var list;
    try { list = JSON.parse(el.dataset.places); } catch (err) { return []; }
    return list.filter(function (p) { return isFinite(p.lat) && isFinite(p.lon); });
  }

  function draw(L, el, outlines, clusters) {
    if (el.dataset.drawn) return;
    var list = places(el);
    if (!list.length) return;
    el.dataset.drawn = "1";
    var single = list.length === 1;
    var map = L.map(el, { scrollWheelZoom: false, worldCopyJump: true });
    if (outlines) {
      map.createPane("ss-base").style.zIndex = 150;  /* under the tiles (200) and the markers */
      L.geoJSON(outlines, {
        pane: "ss-base", interactive: false,
        style: { className: "ss-map__land", weight: 0.6, fillOpacity: 1 }
      }).addTo(map);
      el.classList.add("ss-map--outlined");
    }
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' +
        (outlines ? ' · outlines <a href="https://www.naturalearthdata.com/">Natural Earth</a>' : "")
    }).addTo(map);
    var group = clusters && list.length >= CLUSTER_FROM && L.markerClusterGroup
      ? L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false })
      : null;
    var points = list.map(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], {
        radius: single ? 9 : Math.min(6 + 2 * Math.log2(p.n || 1), 14),
        className: "ss-map__marker", weight: 2, fillOpacity: 0.6
      });
      marker.addTo(group || map);
      marker.bindTooltip(label(p, false));
      if (!single) marker.bindPopup(label(p, true));
      return [p.lat, p.lon];
    });
    if (group) group.addTo(map);
    if (single) {
      map.setView(points[0], parseInt(el.dataset.zoom, 10) || 8);
    } else {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 6 });
    }
  }

  /* The Explore page's network (an SVG drawn at build time): zoom buttons and dragging move its viewBox. */
  function panZoom(figure) {
    var svg = figure.querySelector("svg");
    var frame = figure.querySelector(".ss-net__frame");
    if (!svg || !frame || figure.dataset.ready) return;
    figure.dataset.ready = "1";
    var full = svg.viewBox.baseVal;
    var home = { x: full.x, y: full.y, w: full.width, h: full.height };
    var view = Object.assign({}, home);
    function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
    function zoom(f) {
      var cx = view.x + view.w / 2, cy = view.y + view.h / 2;
      view.w = Math.min(home.w * 2, Math.max(home.w / 8, view.w * f));
      view.h = view.w * home.h / home.w;
      view.x = cx - view.w / 2;
      view.y = cy - view.h / 2;
      apply();
    }
    var tools = document.createElement("div");
    tools.className = "ss-net__zoom";
    [["+", "Zoom in", function () { zoom(1 / 1.5); }], ["−", "Zoom out", function () { zoom(1.5); }],
     ["⟲", "Reset the view", function () { view = Object.assign({}, home); apply(); }]].forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b[0];
      button.title = b[1];
      button.setAttribute("aria-label", b[1]);
      button.addEventListener("click", b[2]);
      tools.appendChild(button);
    });
    frame.appendChild(tools);
    var drag = null;
    svg.addEventListener("pointerdown", function (ev) {
      if (ev.target.closest("a")) return;  /* a node: follow the link */
      drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, scale: view.w / svg.getBoundingClientRect().width };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      view.x = drag.vx - (ev.clientX - drag.x) * drag.scale;
      view.y = drag.vy - (ev.clientY - drag.y) * drag.scale;
      apply();
    });
    svg.addEventListener("pointerup", function () { drag = null; });
    svg.addEventListener("pointercancel", function () { drag = null; });
  }

  function init() {
    document.querySelectorAll("figure.ss-net[data-pan-zoom]").forEach(panZoom);
    var maps = document.querySelectorAll(".ss-map[data-places]");
    if (!maps.length) return;
    var crowded = Array.prototype.some.call(maps, function (el) { return places(el).length >= CLUSTER_FROM; });
    loadLeaflet().then(function (L) {
      return Promise.all([loadWorld(), crowded ? loadClusters() : false]).then(function (got) {
        maps.forEach(function (el) { draw(L, el, got[0], got[1]); });
      });
    }, function () { /* no map library: the list below the map is still there */ });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
