/* sigact dashboard. Plain JavaScript, no build step.
 *
 * SECURITY: every value that comes from the database (report text, notes, actor names, URLs...) is
 * untrusted. It is put on the page only with textContent / createTextNode / element properties,
 * never with innerHTML. Links are made only for http(s) URLs. The server's Content-Security-Policy
 * forbids inline scripts as a second line of defence.
 */
(function () {
  "use strict";

  var TYPE_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4"
  };
  var TYPE_CLASSES = {
    "Battles": "t-battles",
    "Explosions/Remote violence": "t-explosions",
    "Violence against civilians": "t-vac",
    "Protests": "t-protests",
    "Riots": "t-riots",
    "Strategic developments": "t-strategic"
  };
  var OTHER_COLOUR = "#7f7f7f";
  var PAGE = 50;

  var state = {
    offset: 0,
    total: 0,
    facets: null,
    token: sessionStorage.getItem("sigact-token") || "",
    role: null,
    current: null,
    fittedToEvents: false
  };

  // -- DOM helpers (text only) -----------------------------------------------------------------
  function $(id) { return document.getElementById(id); }

  /** Create an element; string children become text nodes, never markup. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) { return; }
        if (k === "class") { node.className = v; }
        else if (k === "text") { node.textContent = String(v); }
        else if (k.slice(0, 2) === "on") { node.addEventListener(k.slice(2), v); }
        else { node.setAttribute(k, String(v)); }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function safeUrl(url) {
    if (!url) { return null; }
    try {
      var u = new URL(String(url), window.location.href);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }

  function colour(type) { return TYPE_COLOURS[type] || OTHER_COLOUR; }

  function fmt(n) { return (n === null || n === undefined) ? "" : Number(n).toLocaleString("en"); }

  // -- API ---------------------------------------------------------------------------------------
  function api(path, options) {
    options = options || {};
    var headers = { "Accept": "application/json" };
    if (state.token) { headers["Authorization"] = "Bearer " + state.token; }
    if (options.body !== undefined) { headers["Content-Type"] = "application/json"; }
    return fetch(path, {
      method: options.method || "GET",
      headers: headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) {
          var err = new Error((data && data.detail ? JSON.stringify(data.detail) : r.statusText) + " (" + r.status + ")");
          err.status = r.status;
          throw err;
        }
        return data;
      });
    });
  }

  function filterParams() {
    var p = new URLSearchParams();
    function add(name, value) { if (value) { p.append(name, value); } }
    add("date_from", $("f-date-from").value);
    add("date_to", $("f-date-to").value);
    add("country", $("f-country").value);
    add("admin1", $("f-admin1").value);
    add("actor", $("f-actor").value.trim());
    add("tag", $("f-tag").value.trim());
    add("status", $("f-status").value);
    var boxes = $("f-event-types").querySelectorAll("input[type=checkbox]");
    var checked = [];
    boxes.forEach(function (b) { if (b.checked) { checked.push(b.value); } });
    if (checked.length && checked.length < boxes.length) {
      checked.forEach(function (v) { p.append("event_type", v); });
    }
    return p;
  }

  // -- map ---------------------------------------------------------------------------------------
  var map = L.map("map", { zoomControl: true, minZoom: 3, maxZoom: 14 })
    .setView([15, 0], 5);
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  var outlines = L.geoJSON(null, {
    style: { color: "#666", weight: 0.8, fill: true, fillColor: "#f4f1ea", fillOpacity: 1 },
    interactive: false
  }).addTo(map);
  var clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 45,
    iconCreateFunction: clusterIcon
  });
  map.addLayer(clusters);
  var outlinesFitted = false;

  function clusterIcon(cluster) {
    var counts = {};
    cluster.getAllChildMarkers().forEach(function (m) {
      counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
    });
    var top = null;
    Object.keys(counts).forEach(function (k) { if (top === null || counts[k] > counts[top]) { top = k; } });
    var n = cluster.getChildCount();
    var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 44 : 52;
    var inner = el("div", { "class": "cluster-inner " + (TYPE_CLASSES[top] || "t-other") }, el("span", { text: fmt(n) }));
    return L.divIcon({ html: inner, className: "event-cluster", iconSize: L.point(size, size) });
  }

  function tooltipFor(p) {
    return el("div", { "class": "tip" },
      el("strong", { text: p.event_type || "" }), el("br"),
      (p.event_date || "") + " · " + (p.location || p.admin1 || ""), el("br"),
      p.actor1 || "");
  }

  function loadOutlines() {
    return api("/api/boundaries/admin1.geojson").then(function (gj) {
      outlines.addData(gj);
      if (!outlinesFitted) { map.fitBounds(outlines.getBounds(), { animate: false }); outlinesFitted = true; }
    }).catch(function () { /* the map still works without outlines */ });
  }

  function loadMap(params) {
    var p = new URLSearchParams(params);
    p.set("limit", "5000");
    return api("/api/events.geojson?" + p.toString()).then(function (gj) {
      clusters.clearLayers();
      var markers = gj.features.map(function (f) {
        var c = f.geometry.coordinates;
        var m = L.circleMarker([c[1], c[0]], {
          radius: 6, weight: 1, color: "#222", fillColor: colour(f.properties.event_type), fillOpacity: 0.85,
          eventType: f.properties.event_type
        });
        m.bindTooltip(tooltipFor(f.properties));
        m.on("click", function () { openEvent(f.properties.id); });
        return m;
      });
      clusters.addLayers(markers);
      if (!state.fittedToEvents && markers.length) {
        state.fittedToEvents = true;
        map.fitBounds(clusters.getBounds(), { padding: [30, 30], maxZoom: 8, animate: false });
      }
      $("map-note").textContent = gj.features.length >= 5000
        ? "Map shows the 5,000 most recent located events; narrow the filters to see all." : "";
    });
  }

  function addLegend() {
    var legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      var box = el("div", { "class": "legend" });
      Object.keys(TYPE_COLOURS).forEach(function (t) {
        box.appendChild(el("div", null, el("span", { "class": "swatch " + TYPE_CLASSES[t] }), " " + t));
      });
      return box;
    };
    legend.addTo(map);
  }

  function loadConfig() {
    return api("/api/config").then(function (cfg) {
      if (cfg.tile_url) {
        L.tileLayer(cfg.tile_url, { attribution: cfg.tile_attribution || "", maxZoom: 18 }).addTo(map);
        outlines.setStyle({ fillOpacity: 0 });
      }
    }).catch(function () {});
  }

  // -- timeline ----------------------------------------------------------------------------------
  var SVGNS = "http://www.w3.org/2000/svg";
  var timeline = { items: [], x0: 0, width: 0, brushStart: null, brushRect: null, interval: "month" };

  function svgEl(tag, attrs) {
    var n = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    return n;
  }

  function loadTimeline(params) {
    // The timeline shows the whole range for the other filters, so a brush can be redrawn.
    var p = new URLSearchParams(params);
    p.delete("date_from"); p.delete("date_to");
    return api("/api/stats/summary?" + p.toString()).then(function (s) {
      var span = (s.date_min && s.date_max) ? (Date.parse(s.date_max) - Date.parse(s.date_min)) / 864e5 : 0;
      timeline.interval = span > 3 * 365 ? "month" : span > 120 ? "week" : "day";
      p.set("interval", timeline.interval);
      return api("/api/stats/timeline?" + p.toString());
    }).then(function (data) {
      timeline.items = data.items;
      drawTimeline();
    });
  }

  function drawTimeline() {
    var svg = $("timeline");
    clear(svg);
    var items = timeline.items;
    var w = svg.clientWidth || 800, h = svg.clientHeight || 120, pad = 28;
    timeline.x0 = pad; timeline.width = w - pad - 8;
    if (!items.length) {
      var t = svgEl("text", { x: w / 2, y: h / 2, "text-anchor": "middle", "class": "axis" });
      t.textContent = "No events";
      svg.appendChild(t);
      return;
    }
    var max = Math.max.apply(null, items.map(function (d) { return d.events; })) || 1;
    var bw = timeline.width / items.length;
    var from = $("f-date-from").value, to = $("f-date-to").value;
    items.forEach(function (d, i) {
      var bh = (h - 22) * d.events / max;
      var inRange = (!from || periodEnd(d.period) >= from) && (!to || d.period <= to);
      var r = svgEl("rect", {
        x: timeline.x0 + i * bw, y: h - 16 - bh, width: Math.max(bw - 1, 0.5), height: bh,
        "class": inRange ? "bar" : "bar out"
      });
      var title = svgEl("title");
      title.textContent = d.period + ": " + fmt(d.events) + " events, " + fmt(d.fatalities) + " fatalities";
      r.appendChild(title);
      svg.appendChild(r);
    });
    var maxLabel = svgEl("text", { x: 2, y: 12, "class": "axis" });
    maxLabel.textContent = fmt(max);
    svg.appendChild(maxLabel);
    var step = Math.max(1, Math.ceil(items.length / 8));
    for (var i = 0; i < items.length; i += step) {
      var lab = svgEl("text", { x: timeline.x0 + i * bw, y: h - 3, "class": "axis" });
      lab.textContent = timeline.interval === "month" ? items[i].period.slice(0, 7) : items[i].period;
      svg.appendChild(lab);
    }
  }

  function periodEnd(period) {
    var d = new Date(period + "T00:00:00Z");
    if (timeline.interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    else if (timeline.interval === "week") { d.setUTCDate(d.getUTCDate() + 6); }
    return d.toISOString().slice(0, 10);
  }

  function indexAt(clientX) {
    var svg = $("timeline"), box = svg.getBoundingClientRect();
    var x = clientX - box.left - timeline.x0;
    var i = Math.floor(x / (timeline.width / timeline.items.length));
    return Math.max(0, Math.min(timeline.items.length - 1, i));
  }

  function setupBrush() {
    var svg = $("timeline");
    svg.addEventListener("mousedown", function (e) {
      if (!timeline.items.length) { return; }
      timeline.brushStart = indexAt(e.clientX);
      e.preventDefault();
    });
    svg.addEventListener("mousemove", function (e) {
      if (timeline.brushStart === null) { return; }
      var a = timeline.brushStart, b = indexAt(e.clientX), bw = timeline.width / timeline.items.length;
      if (!timeline.brushRect) {
        timeline.brushRect = svgEl("rect", { "class": "brush", y: 0, height: svg.clientHeight - 16 });
        svg.appendChild(timeline.brushRect);
      }
      timeline.brushRect.setAttribute("x", timeline.x0 + Math.min(a, b) * bw);
      timeline.brushRect.setAttribute("width", (Math.abs(b - a) + 1) * bw);
    });
    window.addEventListener("mouseup", function (e) {
      if (timeline.brushStart === null) { return; }
      var a = timeline.brushStart, b = indexAt(e.clientX);
      timeline.brushStart = null; timeline.brushRect = null;
      var lo = Math.min(a, b), hi = Math.max(a, b);
      $("f-date-from").value = timeline.items[lo].period;
      $("f-date-to").value = periodEnd(timeline.items[hi].period);
      refresh();
    });
    svg.addEventListener("dblclick", function () {
      $("f-date-from").value = ""; $("f-date-to").value = "";
      refresh();
    });
  }

  // -- events table ------------------------------------------------------------------------------
  function typeCell(type) {
    return el("td", null, el("span", { "class": "swatch " + (TYPE_CLASSES[type] || "t-other") }), " " + (type || ""));
  }

  function loadTable(params) {
    var p = new URLSearchParams(params);
    p.set("limit", String(PAGE)); p.set("offset", String(state.offset));
    return api("/api/events?" + p.toString()).then(function (data) {
      state.total = data.total;
      var body = $("events-table").querySelector("tbody");
      clear(body);
      data.items.forEach(function (e) {
        var tr = el("tr", { "data-id": e.id, tabindex: "0", "class": e.status === "rejected" ? "rejected" : null },
          el("td", { text: e.event_date }), typeCell(e.event_type), el("td", { text: e.actor1 || "" }),
          el("td", { text: e.actor2 || "" }), el("td", { text: e.location || "" }), el("td", { text: e.admin1 || "" }),
          el("td", { text: e.country || "" }), el("td", { "class": "num", text: e.fatalities === null ? "" : e.fatalities }),
          el("td", { text: e.status }));
        tr.addEventListener("click", function () { openEvent(e.id); });
        tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { openEvent(e.id); } });
        body.appendChild(tr);
      });
      var last = Math.min(state.offset + PAGE, state.total);
      $("page-info").textContent = state.total
        ? (fmt(state.offset + 1) + "–" + fmt(last) + " of " + fmt(state.total)) : "no events";
      $("prev").disabled = state.offset === 0;
      $("next").disabled = last >= state.total;
    });
  }

  function loadSummary(params) {
    return api("/api/stats/summary?" + params.toString()).then(function (s) {
      $("summary").textContent = fmt(s.events) + " events · " + fmt(s.fatalities) + " fatalities" +
        (s.date_min ? " · " + s.date_min + " to " + s.date_max : "");
    });
  }

  // -- review queue ------------------------------------------------------------------------------
  function loadQueue() {
    return api("/api/review/queue?limit=200").then(function (data) {
      var body = $("queue-table").querySelector("tbody");
      clear(body);
      data.items.forEach(function (item) {
        var e = item.event;
        var reasons = el("ul", { "class": "reasons" });
        item.reasons.forEach(function (r) { reasons.appendChild(el("li", { text: r })); });
        var tr = el("tr", { "data-id": e.id, tabindex: "0" },
          el("td", { text: e.event_date }), typeCell(e.event_type), el("td", { text: e.location || e.admin1 || "" }),
          el("td", { text: e.actor1 || "" }), el("td", null, reasons));
        tr.addEventListener("click", function () { openEvent(e.id); });
        body.appendChild(tr);
      });
      if (!data.items.length) {
        body.appendChild(el("tr", null, el("td", { colspan: "5", "class": "empty", text: "Nothing is waiting for review." })));
      }
      $("queue-info").textContent = data.items.length + " waiting";
    });
  }

  // -- event panel -------------------------------------------------------------------------------
  var FIELDS = [
    ["id", "Id"], ["event_date", "Date"], ["sub_event_type", "Sub-event type"], ["actor1", "Actor 1"],
    ["assoc_actor_1", "Associated 1"], ["actor2", "Actor 2"], ["assoc_actor_2", "Associated 2"],
    ["interaction", "Interaction"], ["location", "Location"], ["admin2", "Admin 2"], ["admin1", "Admin 1"],
    ["country", "Country"], ["geo_precision", "Geo precision"], ["fatalities", "Fatalities"], ["tags", "Tags"],
    ["source", "Source"], ["origin", "Origin"], ["status", "Status"], ["confidence", "Confidence"],
    ["merged_into", "Merged into"]
  ];
  var EDITABLE = ["event_type", "sub_event_type", "event_date", "actor1", "actor2", "location", "admin1",
    "fatalities", "notes", "tags"];

  function openEvent(id) {
    return api("/api/events/" + encodeURIComponent(id)).then(function (detail) {
      state.current = detail;
      renderPanel(detail);
    }).catch(function (err) { showMessage(err.message, true); });
  }

  function section(title) {
    var s = el("section", { "class": "panel-section" }, el("h3", { text: title }));
    for (var j = 1; j < arguments.length; j++) { if (arguments[j]) { s.appendChild(arguments[j]); } }
    return s;
  }

  /** Show or hide the event panel; the map and timeline re-measure their width. */
  function setPanel(show) {
    if ($("panel").hidden === !show) { return; }
    $("panel").hidden = !show;
    map.invalidateSize();
    drawTimeline();
  }

  function renderPanel(d) {
    var e = d.event, body = $("panel-body");
    clear(body);
    setPanel(true);
    body.appendChild(el("h2", { id: "panel-title" },
      el("span", { "class": "swatch " + (TYPE_CLASSES[e.event_type] || "t-other") }), " " + e.event_type));
    var dl = el("dl", { "class": "fields" });
    FIELDS.forEach(function (f) {
      var v = e[f[0]];
      if (v === null || v === undefined || v === "") { return; }
      dl.appendChild(el("dt", { text: f[1] }));
      dl.appendChild(el("dd", { "data-field": f[0], text: v }));
    });
    body.appendChild(dl);
    if (e.notes) { body.appendChild(section("Notes", el("p", { id: "panel-notes", "class": "notes", text: e.notes }))); }
    if (e.evidence) {
      body.appendChild(section("Evidence", el("blockquote", { id: "panel-evidence", "class": "evidence", text: e.evidence })));
    }
    body.appendChild(renderMentions(d.mentions || []));
    body.appendChild(renderActions(e, d.mentions || []));
    body.appendChild(renderAudit(d.audit || []));
  }

  function renderMentions(mentions) {
    var list = el("ol", { id: "panel-mentions", "class": "mentions" });
    mentions.forEach(function (m) {
      var href = safeUrl(m.url);
      var label = m.title || m.doc_key || m.url || ("document " + (m.document_sha256 || "").slice(0, 12));
      var src = href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer nofollow", text: label })
        : el("span", { text: label });
      var meta = [m.published, m.match_reason, (m.match_score !== null && m.match_score !== undefined)
        ? "score " + Number(m.match_score).toFixed(2) : null].filter(Boolean).join(" · ");
      list.appendChild(el("li", { "data-mention": m.id },
        mentions.length > 1 ? el("label", { "class": "split-pick" },
          el("input", { type: "checkbox", value: m.id, "class": "split-box" }), " split") : null,
        el("blockquote", { "class": "evidence", text: m.sentence || "" }),
        el("div", { "class": "source" }, src, meta ? el("span", { "class": "meta", text: " " + meta }) : null)));
    });
    if (!mentions.length) { list.appendChild(el("li", { "class": "empty", text: "No linked documents (imported record)." })); }
    return section("Sources (" + mentions.length + ")", list);
  }

  function renderAudit(entries) {
    var list = el("ol", { id: "panel-audit", "class": "audit" });
    entries.forEach(function (a) {
      var changes = [];
      var after = a.before ? (a.after || {}) : {}, before = a.before || {};
      Object.keys(after).forEach(function (k) {
        if (k === "manual_fields") { return; }
        changes.push(k + ": " + JSON.stringify(before[k] === undefined ? null : before[k]) + " → " + JSON.stringify(after[k]));
      });
      list.appendChild(el("li", { "class": "audit-entry" },
        el("span", { "class": "audit-action", text: a.action }), " ",
        el("span", { "class": "meta", text: (a.at || "").replace("T", " ").slice(0, 19) + " by " + a.who }),
        a.comment ? el("div", { "class": "comment", text: a.comment }) : null,
        changes.length ? el("div", { "class": "changes", text: changes.join("; ") }) : null));
    });
    if (!entries.length) { list.appendChild(el("li", { "class": "empty", text: "No changes recorded." })); }
    return section("History", list);
  }

  function renderActions(e, mentions) {
    var box = el("div", { id: "actions" });
    var canWrite = state.role === "analyst";
    if (!canWrite) {
      box.appendChild(el("p", { "class": "hint", text: state.token
        ? "This token cannot write (viewer). Use an analyst token to review."
        : "Enter an analyst token (top right) to accept, reject, edit, merge or split." }));
    }
    var comment = el("input", { type: "text", id: "review-comment", placeholder: "comment (optional)" });
    box.appendChild(comment);
    var buttons = el("div", { "class": "buttons" },
      el("button", { type: "button", id: "btn-accept", disabled: !canWrite,
        onclick: function () { act(e.id, "accept", { comment: comment.value || null }); } }, "Accept"),
      el("button", { type: "button", id: "btn-reject", disabled: !canWrite,
        onclick: function () { act(e.id, "reject", { comment: comment.value || null }); } }, "Reject"));
    box.appendChild(buttons);

    var field = el("select", { id: "edit-field" });
    EDITABLE.forEach(function (f) { field.appendChild(el("option", { value: f, text: f })); });
    var value = el("input", { type: "text", id: "edit-value", placeholder: "new value" });
    field.addEventListener("change", function () { var v = e[field.value]; value.value = v === null || v === undefined ? "" : v; });
    value.value = e[EDITABLE[0]] || "";
    box.appendChild(el("div", { "class": "inline" }, field, value,
      el("button", { type: "button", id: "btn-edit", disabled: !canWrite, onclick: function () {
        var v = value.value;
        var changes = {};
        changes[field.value] = field.value === "fatalities" ? (v === "" ? null : Number(v)) : (v === "" ? null : v);
        act(e.id, "edit", { changes: changes, comment: comment.value || null });
      } }, "Edit")));

    var others = el("input", { type: "text", id: "merge-ids", placeholder: "ids to merge into this one, comma-separated" });
    box.appendChild(el("div", { "class": "inline" }, others,
      el("button", { type: "button", id: "btn-merge", disabled: !canWrite, onclick: function () {
        var ids = others.value.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
        act(e.id, "merge", { other_ids: ids, comment: comment.value || null });
      } }, "Merge")));
    if (mentions.length > 1) {
      box.appendChild(el("button", { type: "button", id: "btn-split", disabled: !canWrite, onclick: function () {
        var ids = [];
        document.querySelectorAll(".split-box").forEach(function (b) { if (b.checked) { ids.push(Number(b.value)); } });
        act(e.id, "split", { mention_ids: ids, comment: comment.value || null });
      } }, "Split ticked sources into a new event"));
    }
    box.appendChild(el("div", { id: "action-message", role: "status" }));
    return section("Review", box);
  }

  function act(id, action, body) {
    return api("/api/review/" + encodeURIComponent(id) + "/" + action, { method: "POST", body: body })
      .then(function (ev) {
        showMessage(action + " done", false);
        var next = action === "split" ? ev.id : id;
        return Promise.all([openEvent(next), refresh(true)]);
      })
      .catch(function (err) { showMessage(action + " failed: " + err.message, true); });
  }

  function showMessage(text, isError) {
    var box = $("action-message");
    if (!box) { return; }
    box.textContent = text;
    box.className = isError ? "error" : "ok";
  }

  // -- token -------------------------------------------------------------------------------------
  function checkToken() {
    if (!state.token) { state.role = null; $("token-status").textContent = "read only"; return Promise.resolve(); }
    return api("/api/review/whoami").then(function (who) {
      state.role = who.role;
      $("token-status").textContent = who.name + " (" + who.role + ")";
      $("token-status").className = who.role === "analyst" ? "ok" : "warn";
    }).catch(function () {
      state.role = null;
      $("token-status").textContent = "token not valid";
      $("token-status").className = "error";
    }).then(function () { if (state.current) { renderPanel(state.current); } });
  }

  // -- filters -----------------------------------------------------------------------------------
  function fillFacets(f) {
    state.facets = f;
    var country = $("f-country");
    f.countries.forEach(function (c) { country.appendChild(el("option", { value: c, text: c })); });
    var actors = $("actor-list");
    f.actors.forEach(function (a) { actors.appendChild(el("option", { value: a })); });
    var tags = $("tag-list");
    f.tags.forEach(function (t) { tags.appendChild(el("option", { value: t })); });
    var types = $("f-event-types");
    var names = Object.keys(TYPE_COLOURS);
    f.event_types.forEach(function (t) { if (names.indexOf(t) < 0) { names.push(t); } });
    names.forEach(function (t) {
      types.appendChild(el("label", { "class": "check" },
        el("input", { type: "checkbox", value: t, checked: "checked", onchange: function () { refresh(); } }),
        el("span", { "class": "swatch " + (TYPE_CLASSES[t] || "t-other") }), " " + t));
    });
    fillAdmin1();
  }

  function fillAdmin1() {
    var sel = $("f-admin1"), country = $("f-country").value, f = state.facets;
    clear(sel);
    sel.appendChild(el("option", { value: "", text: "All" }));
    if (!f) { return; }
    var names = [];
    Object.keys(f.admin1).forEach(function (c) {
      if (!country || c === country) { names = names.concat(f.admin1[c]); }
    });
    names.sort().forEach(function (a) { sel.appendChild(el("option", { value: a, text: a })); });
  }

  // -- refresh -----------------------------------------------------------------------------------
  var generation = 0;
  function refresh(keepPage) {
    if (!keepPage) { state.offset = 0; }
    var params = filterParams();
    var mine = ++generation;
    document.body.classList.add("loading");
    var jobs = [loadTable(params), loadSummary(params), loadMap(params), loadTimeline(params)];
    if (!$("queue-view").hidden) { jobs.push(loadQueue()); }
    return Promise.all(jobs).catch(function (err) {
      $("summary").textContent = "error: " + err.message;
    }).then(function () {
      if (mine === generation) { document.body.classList.remove("loading"); document.body.dataset.ready = "1"; }
    });
  }

  function showTab(queue) {
    $("events-view").hidden = queue;
    $("queue-view").hidden = !queue;
    $("tab-events").classList.toggle("active", !queue);
    $("tab-queue").classList.toggle("active", queue);
    if (queue) { loadQueue(); }
  }

  function wire() {
    $("filter-form").addEventListener("submit", function (e) { e.preventDefault(); refresh(); });
    ["f-date-from", "f-date-to", "f-admin1", "f-status", "f-actor", "f-tag"].forEach(function (id) {
      $(id).addEventListener("change", function () { refresh(); });
    });
    $("f-country").addEventListener("change", function () { fillAdmin1(); refresh(); });
    $("reset").addEventListener("click", function () {
      $("filter-form").reset();
      $("f-event-types").querySelectorAll("input").forEach(function (b) { b.checked = true; });
      fillAdmin1();
      refresh();
    });
    $("prev").addEventListener("click", function () { state.offset = Math.max(0, state.offset - PAGE); loadTable(filterParams()); });
    $("next").addEventListener("click", function () { state.offset += PAGE; loadTable(filterParams()); });
    $("tab-events").addEventListener("click", function () { showTab(false); });
    $("tab-queue").addEventListener("click", function () { showTab(true); });
    $("panel-close").addEventListener("click", function () { setPanel(false); state.current = null; });
    $("token").value = state.token;
    $("token-form").addEventListener("submit", function (e) {
      e.preventDefault();
      state.token = $("token").value.trim();
      if (state.token) { sessionStorage.setItem("sigact-token", state.token); }
      else { sessionStorage.removeItem("sigact-token"); }
      checkToken();
    });
    window.addEventListener("resize", drawTimeline);
    setupBrush();
    addLegend();
  }

  wire();
  Promise.all([loadConfig(), loadOutlines(), api("/api/facets").then(fillFacets), checkToken()])
    .then(function () { return refresh(); });
})();
