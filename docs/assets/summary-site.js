/* summary-site: draws the maps on the Places page and on each place page.
 *
 * The generator writes <div class="ss-map" data-places="[...]">: JSON of {id, name, lat, lon, n}.
 * Leaflet (vendored in assets/leaflet/, BSD-2-Clause) is loaded only on pages that have a map.
 * Place names come from articles: they are only ever set as text (textContent), never as HTML.
 * Works with Material's instant navigation: `document$` emits on every page change.
 */
(function () {
  "use strict";
  var base = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
  var loading = null;

  function loadLeaflet() {
    if (window.L) return Promise.resolve(window.L);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = base + "leaflet/leaflet.css";
        document.head.appendChild(css);
        var js = document.createElement("script");
        js.src = base + "leaflet/leaflet.js";
        js.onload = function () { resolve(window.L); };
        js.onerror = reject;
        document.head.appendChild(js);
      });
    }
    return loading;
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

  function draw(L, el) {
    if (el.dataset.drawn) return;
    var places;
    try { places = JSON.parse(el.dataset.places); } catch (err) { return; }
    places = places.filter(function (p) { return isFinite(p.lat) && isFinite(p.lon); });
    if (!places.length) return;
    el.dataset.drawn = "1";
    var single = places.length === 1;
    var map = L.map(el, { scrollWheelZoom: false, worldCopyJump: true });
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    }).addTo(map);
    var points = places.map(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], {
        radius: single ? 9 : Math.min(6 + 2 * Math.log2(p.n || 1), 14),
        color: "#3f51b5", weight: 2, fillColor: "#5c6bc0", fillOpacity: 0.6
      }).addTo(map);
      marker.bindTooltip(label(p, false));
      if (!single) marker.bindPopup(label(p, true));
      return [p.lat, p.lon];
    });
    if (single) {
      map.setView(points[0], parseInt(el.dataset.zoom, 10) || 8);
    } else {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 6 });
    }
  }

  function init() {
    var maps = document.querySelectorAll(".ss-map[data-places]");
    if (!maps.length) return;
    loadLeaflet().then(function (L) {
      maps.forEach(function (el) { draw(L, el); });
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
