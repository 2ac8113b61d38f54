// The report's interactive map and sortable tables. The page works and
// shows every map without this script; it only adds search, filters,
// highlighting, pan and zoom. It reads the network from the JSON element
// #verkosto-data and loads nothing.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("verkosto-data").textContent);
  var text = data.text;

  function el(tag, attrs, content) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (content !== undefined) e.textContent = content;
    return e;
  }
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function setup(box) {
    var svg = box.querySelector("svg");
    if (!svg) return null;
    var actors = svg.querySelectorAll("[data-actor]");
    var ties = svg.querySelectorAll("[data-tie]");
    var labels = svg.querySelectorAll("[data-label]");
    var partners = {};
    ties.forEach(function (t) {
      var ends = t.getAttribute("data-tie").split("|");
      (partners[ends[0]] = partners[ends[0]] || []).push(ends[1]);
      (partners[ends[1]] = partners[ends[1]] || []).push(ends[0]);
    });

    var controls = el("div", { class: "controls" });
    var search = el("input", { type: "search", placeholder: text.search, "aria-label": text.search });
    var kinds = el("select", { "aria-label": text.all_kinds });
    var regions = el("select", { "aria-label": text.all_regions });
    var engagements = el("select", { "aria-label": text.all_engagements });
    [[kinds, text.all_kinds, data.kinds], [regions, text.all_regions, data.regions],
     [engagements, text.all_engagements, data.engagements]].forEach(function (s) {
      s[0].appendChild(el("option", { value: "" }, s[1]));
      s[2].forEach(function (o) { s[0].appendChild(el("option", { value: o[0] }, o[1])); });
    });
    var reset = el("button", { type: "button" }, "×");
    [search, kinds, regions, engagements, reset].forEach(function (c) { controls.appendChild(c); });
    var info = el("div", { class: "info", "aria-live": "polite" }, text.help);
    box.insertBefore(controls, svg);
    box.insertBefore(info, svg);

    function clear() {
      svg.querySelectorAll(".dim, .hl").forEach(function (e) { e.classList.remove("dim", "hl"); });
    }
    function highlight(id) {
      clear();
      var keep = {};
      keep[id] = true;
      (partners[id] || []).forEach(function (p) { keep[p] = true; });
      actors.forEach(function (a) {
        var aid = a.getAttribute("data-actor");
        a.classList.add(aid === id ? "hl" : keep[aid] ? "partner" : "dim");
      });
      labels.forEach(function (l) { if (!keep[l.getAttribute("data-label")]) l.classList.add("dim"); });
      ties.forEach(function (t) {
        var ends = t.getAttribute("data-tie").split("|");
        t.classList.add(ends[0] === id || ends[1] === id ? "hl" : "dim");
      });
      var a = data.actors[id];
      info.textContent = "";
      if (a) {
        info.appendChild(el("strong", {}, a.name));
        info.appendChild(document.createTextNode(" — " + a.kind + (a.region ? ", " + a.region : "")));
        var list = el("ul");
        a.figures.forEach(function (f) { list.appendChild(el("li", {}, f[0] + ": " + f[1])); });
        list.appendChild(el("li", {}, text.partners + ": " + (partners[id] || []).map(function (p) {
          return data.actors[p] ? data.actors[p].name : p;
        }).join(", ")));
        info.appendChild(list);
      }
      box.setAttribute("data-highlighted", id);
    }
    function find(query) {
      var q = fold(query.trim());
      if (!q) { clear(); info.textContent = text.help; return; }
      var best = null;
      actors.forEach(function (a) {
        var id = a.getAttribute("data-actor");
        var name = fold(data.actors[id] ? data.actors[id].name : id);
        if (best === null && (name.indexOf(q) === 0 || fold(id) === q)) best = id;
      });
      actors.forEach(function (a) {
        var id = a.getAttribute("data-actor");
        var name = fold(data.actors[id] ? data.actors[id].name : id);
        if (best === null && name.indexOf(q) >= 0) best = id;
      });
      if (best !== null) highlight(best);
    }
    function filter() {
      var k = kinds.value, r = regions.value, e = engagements.value;
      var shown = {};
      actors.forEach(function (a) {
        var id = a.getAttribute("data-actor");
        var d = data.actors[id] || {};
        var ok = (!k || d.kind_key === k) && (!r || d.region === r) && (!e || (d.engagements || []).indexOf(e) >= 0);
        shown[id] = ok;
        a.classList.toggle("off", !ok);
      });
      labels.forEach(function (l) { l.classList.toggle("off", !shown[l.getAttribute("data-label")]); });
      ties.forEach(function (t) {
        var ends = t.getAttribute("data-tie").split("|");
        t.classList.toggle("off", shown[ends[0]] === false || shown[ends[1]] === false);
      });
    }
    search.addEventListener("input", function () { find(search.value); });
    [kinds, regions, engagements].forEach(function (s) { s.addEventListener("change", filter); });
    reset.addEventListener("click", function () {
      search.value = ""; kinds.value = ""; regions.value = ""; engagements.value = "";
      clear(); filter(); info.textContent = text.help; view(original);
    });
    actors.forEach(function (a) {
      a.style.cursor = "pointer";
      a.addEventListener("click", function () { highlight(a.getAttribute("data-actor")); });
    });

    // Pan and zoom through the viewBox.
    var vb = svg.viewBox.baseVal;
    var original = [vb.x, vb.y, vb.width, vb.height];
    function view(v) { svg.setAttribute("viewBox", v.join(" ")); }
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var r = svg.getBoundingClientRect();
      var f = ev.deltaY < 0 ? 0.85 : 1 / 0.85;
      var px = vb.x + (ev.clientX - r.left) / r.width * vb.width;
      var py = vb.y + (ev.clientY - r.top) / r.height * vb.height;
      view([px - (px - vb.x) * f, py - (py - vb.y) * f, vb.width * f, vb.height * f]);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (ev) { drag = [ev.clientX, ev.clientY, vb.x, vb.y]; });
    window.addEventListener("pointerup", function () { drag = null; });
    svg.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var r = svg.getBoundingClientRect();
      view([drag[2] - (ev.clientX - drag[0]) / r.width * vb.width,
            drag[3] - (ev.clientY - drag[1]) / r.height * vb.height, vb.width, vb.height]);
    });
    return { find: find, search: search };
  }

  var maps = [];
  document.querySelectorAll(".map").forEach(function (box) {
    var m = setup(box);
    if (m) maps.push(m);
  });
  // #search=NAME searches the first map, so a search can be linked.
  var match = /[#&]search=([^&]*)/.exec(window.location.hash);
  if (match && maps.length) {
    // A malformed link (#search=%E0%A4%A) searches for its text as written.
    var wanted;
    try {
      wanted = decodeURIComponent(match[1]);
    } catch (e) {
      wanted = match[1];
    }
    maps[0].search.value = wanted;
    maps[0].find(wanted);
  }

  // Sortable tables: click a heading; numbers sort by their value.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, column) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var up = th.getAttribute("data-up") !== "1";
        th.setAttribute("data-up", up ? "1" : "0");
        function key(row) {
          var c = row.cells[column];
          var v = c.getAttribute("data-sort");
          return v !== null ? parseFloat(v) : c.textContent.toLowerCase();
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
