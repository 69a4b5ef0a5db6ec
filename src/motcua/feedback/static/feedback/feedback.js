// Feedback pages: the map (pick a place, show one place, show many) and the intake form's
// small helpers. Leaflet comes from the xstatic-leaflet package; tiles only when configured.
(function () {
  "use strict";

  function baseMap(el, zoom) {
    var lat = parseFloat(el.dataset.lat), lng = parseFloat(el.dataset.lng);
    var map = L.map(el, { scrollWheelZoom: false }).setView([lat, lng], zoom);
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { maxZoom: 19 }).addTo(map);
    } else {
      el.classList.add("fb-map--blank");
    }
    return map;
  }

  function readJSON(id) {
    var node = id && document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function pickMap(el) {
    var form = el.closest("form");
    var latInput = form.querySelector("[name=latitude]");
    var lngInput = form.querySelector("[name=longitude]");
    var status = form.querySelector("[data-pin-status]");
    var map = baseMap(el, 16);
    var marker = null;

    function place(lat, lng, fromUser) {
      lat = Math.round(lat * 1e6) / 1e6;
      lng = Math.round(lng * 1e6) / 1e6;
      if (marker) { marker.setLatLng([lat, lng]); } else {
        marker = L.marker([lat, lng], { draggable: true }).addTo(map);
        marker.on("dragend", function () {
          var p = marker.getLatLng(); place(p.lat, p.lng, true);
        });
      }
      latInput.value = lat; lngInput.value = lng;
      if (status) { status.textContent = status.dataset.placed + ": " + lat.toFixed(5) + ", " + lng.toFixed(5); }
      if (fromUser) { document.body.dispatchEvent(new CustomEvent("fb:located")); }
    }

    if (latInput.value && lngInput.value) {
      place(parseFloat(latInput.value), parseFloat(lngInput.value), false);
      map.setView([parseFloat(latInput.value), parseFloat(lngInput.value)], 17);
    }
    map.on("click", function (e) { place(e.latlng.lat, e.latlng.lng, true); });

    var centers = readJSON(el.dataset.centers) || {};
    var ward = form.querySelector("[name=unit]");
    if (ward) {
      ward.addEventListener("change", function () {
        var c = centers[ward.value];
        if (c && !marker) { map.setView(c, 16); }
      });
    }
    var locate = form.querySelector("[data-locate]");
    if (locate) {
      if (!navigator.geolocation) { locate.hidden = true; }
      locate.addEventListener("click", function () {
        navigator.geolocation.getCurrentPosition(function (pos) {
          place(pos.coords.latitude, pos.coords.longitude, true);
          map.setView([pos.coords.latitude, pos.coords.longitude], 17);
        });
      });
    }
    var clear = form.querySelector("[data-clear-pin]");
    if (clear) {
      clear.addEventListener("click", function () {
        if (marker) { map.removeLayer(marker); marker = null; }
        latInput.value = ""; lngInput.value = "";
        if (status) { status.textContent = status.dataset.none; }
      });
    }
    el.fbMap = map;
  }

  function singleMap(el) {
    var map = baseMap(el, 17);
    L.marker([parseFloat(el.dataset.lat), parseFloat(el.dataset.lng)]).addTo(map);
  }

  function pointsMap(el) {
    var points = readJSON(el.dataset.points) || [];
    var map = baseMap(el, 14);
    var bounds = [];
    points.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lng], {
        radius: 7, weight: 2, color: p.answered ? "#1e6b35" : "#a51d1d", fillOpacity: 0.6
      }).addTo(map);
      var link = document.createElement("a");
      link.href = "/phan-anh/" + encodeURIComponent(p.code) + "/";
      link.textContent = p.code + " — " + p.category;
      var box = document.createElement("div");
      box.appendChild(link);
      box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(p.status));
      marker.bindPopup(box);
      bounds.push([p.lat, p.lng]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 }); }
  }

  function initMaps(root) {
    if (typeof L === "undefined") { return; }
    root.querySelectorAll("[data-map]").forEach(function (el) {
      if (el.dataset.ready) { return; }
      el.dataset.ready = "1";
      var kind = el.dataset.map;
      if (kind === "pick") { pickMap(el); } else if (kind === "single") { singleMap(el); } else { pointsMap(el); }
    });
  }

  function applyCategory(code) {
    var select = document.getElementById("id_category");
    if (!select || select.value === code) { return; }
    select.value = code;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  document.addEventListener("DOMContentLoaded", function () { initMaps(document); });
  document.addEventListener("htmx:afterSwap", function (event) {
    initMaps(event.target);
    var auto = event.target.querySelector && event.target.querySelector("[data-suggest-auto]");
    var select = document.getElementById("id_category");
    if (auto && select && !select.value) { applyCategory(auto.dataset.suggestCode); }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-apply-category]");
    if (button) { applyCategory(button.dataset.applyCategory); }
  });
  // A second click on "Send" while the first is on its way sends nothing more (the server
  // also ignores a repeated submission of the same form).
  document.addEventListener("submit", function (event) {
    var button = event.target.querySelector("[data-submit-once]");
    if (!button) { return; }
    if (event.target.dataset.sent) { event.preventDefault(); return; }
    event.target.dataset.sent = "1";
    button.setAttribute("aria-disabled", "true");
    button.classList.add("is-busy");
  });
})();
