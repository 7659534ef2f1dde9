/* Marsad web UI: filters → /api/events (list), /api/events/points (map), /api/timeline
   (histogram); clicking an event opens its article with every span highlighted. */
"use strict";

(function () {
  const I18N = window.MARSAD_I18N, TYPES = window.MARSAD_TYPES;
  const $ = (id) => document.getElementById(id);
  const state = {
    lang: localStorage.getItem("marsad.lang") || "en",
    f: {event_type: "", country: "", actor: "", q: "", from: "", to: ""},
    inView: false, bbox: "",
    list: [], total: 0, offset: 0, facets: null, daily: [], selected: null, article: null, config: {},
  };
  const PAGE = 100;
  let t = I18N[state.lang];
  let seq = 0; // drops responses of superseded requests

  const typeColor = (type) => (TYPES.find((x) => x[0] === type) || [0, window.MARSAD_OTHER_COLOR])[1];
  const typeName = (type) => (type ? t.types[type] || type : t.unknown);
  const subName = (s) => (s ? t.subtypes[s] || s : "");
  let regionNames = null;
  const countryName = (code) => {
    if (!code) return "";
    try { return regionNames.of(code.toUpperCase()) || code; } catch (e) { return code; }
  };
  const speakerName = (q) => (typeof q.speaker === "string" ? q.speaker : q.speaker && q.speaker.name) || "";
  const num = (n) => Number(n).toLocaleString(state.lang);

  /* Query string of the filters (+ extra); skipDates for the timeline (it shows every date),
     skipBbox for the map (it shows every place; "in view" narrows the list, not the map). */
  function params(extra, skipDates, skipBbox) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(state.f)) {
      if (v && !(skipDates && (k === "from" || k === "to"))) p.set(k, v);
    }
    if (state.inView && state.bbox && !skipBbox) p.set("bbox", state.bbox);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p.toString();
  }

  function viewBbox() {
    const b = map.getBounds();
    const c = (v, lo, hi) => Math.max(lo, Math.min(hi, v)).toFixed(4);
    return [c(b.getWest(), -180, 180), c(b.getSouth(), -90, 90), c(b.getEast(), -180, 180), c(b.getNorth(), -90, 90)].join(",");
  }

  /* Filters live in the URL hash, so a view can be bookmarked and shared. */
  function readHash() {
    const h = new URLSearchParams(location.hash.slice(1));
    for (const k of Object.keys(state.f)) state.f[k] = h.get(k) || "";
    $("f-q").value = state.f.q;
    $("f-actor").value = state.f.actor;
  }
  function writeHash() {
    const h = params({}, false, true);
    history.replaceState(null, "", h ? "#" + h : location.pathname);
  }

  async function getJSON(url) {
    const r = await fetch(url, {headers: {Accept: "application/json"}});
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error((body.error && body.error.message) || r.statusText);
    return body;
  }

  function toast(msg) {
    const el = $("toast");
    el.textContent = msg;
    el.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { el.hidden = true; }, 5000);
  }

  /* ---------------- map ---------------- */
  const map = L.map("map", {zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 14, attributionControl: true})
    .setView([30, 40], 4);
  map.attributionControl.setPrefix(false);
  map.createPane("basemap").style.zIndex = 250;
  let fitNext = true;

  /* Offline basemap: Natural Earth countries (world-atlas TopoJSON), labelled in the UI's
     language, clickable to filter by country. */
  let countryLayer = null;
  const labels = L.layerGroup();
  const BASE_STYLE = {stroke: false, fillColor: "#f5f3ee", fillOpacity: 1};

  function ringArea(r) {
    let a = 0;
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
    return Math.abs(a / 2);
  }
  function labelPoint(geom) {
    const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
    let best = null, bestA = 0;
    for (const p of polys) { const a = ringArea(p[0]); if (a > bestA) { bestA = a; best = p[0]; } }
    if (!best) return null;
    let x = 0, y = 0, a2 = 0; // centroid of the largest ring
    for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
      const f = best[j][0] * best[i][1] - best[i][0] * best[j][1];
      x += (best[j][0] + best[i][0]) * f; y += (best[j][1] + best[i][1]) * f; a2 += f;
    }
    return a2 ? {lat: y / (3 * a2), lon: x / (3 * a2), area: bestA} : null;
  }

  /* Rings that cross the antimeridian jump from +180 to -180; shifting the rest of the ring by
     360 degrees keeps them from being drawn as bands across the whole map. */
  function unwrap(geom) {
    const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
    for (const poly of polys) {
      for (const ring of poly) {
        let off = 0;
        for (let i = 1; i < ring.length; i++) {
          const d = ring[i][0] - (ring[i - 1][0] - off);
          if (d > 180) off -= 360; else if (d < -180) off += 360;
          ring[i] = [ring[i][0] + off, ring[i][1]];
        }
      }
    }
  }

  /* With online tiles the Natural Earth layer turns transparent: it still takes clicks and
     outlines the selected country, the tiles draw the land, borders and names. */
  const tiled = () => !!state.config.tile_url;

  function countryStyle(f) {
    const on = state.f.country && f.properties.alpha2 === state.f.country;
    const base = tiled() ? Object.assign({}, BASE_STYLE, {fillOpacity: 0}) : BASE_STYLE;
    return on ? Object.assign({}, base, {fillColor: "#e3ebf4", fillOpacity: tiled() ? 0.25 : 1, stroke: true,
      color: "#5b7fa6", weight: 1.4}) : base;
  }

  function drawLabels() {
    labels.clearLayers();
    if (!countryLayer || tiled()) return;
    const z = map.getZoom();
    const minArea = z <= 3 ? 60 : z === 4 ? 12 : z === 5 ? 2 : 0;
    countryLayer.eachLayer((l) => {
      const p = l.feature.properties;
      if (!p.label || p.label.area < minArea) return;
      const name = (p.alpha2 && countryName(p.alpha2)) || p.name;
      labels.addLayer(L.marker([p.label.lat, p.label.lon], {interactive: false, keyboard: false, pane: "labels",
        icon: L.divIcon({className: "country-label", html: "<span></span>", iconSize: [0, 0]})}).on("add", (e) => {
        e.target.getElement().firstChild.textContent = name;
      }));
    });
  }

  async function loadBasemap() {
    try {
      const [topo, codes] = await Promise.all([getJSON("/static/vendor/world-atlas/countries-50m.json"),
        getJSON("/static/iso-numeric-alpha2.json")]);
      const land = topojson.feature(topo, topo.objects.countries);
      land.features = land.features.filter((f) => f.id !== "010"); // Antarctica: no events, wraps the pole
      for (const f of land.features) {
        unwrap(f.geometry);
        f.properties.alpha2 = codes[f.id] || null;
        f.properties.label = labelPoint(f.geometry);
      }
      map.createPane("labels").style.zIndex = 350;
      map.getPane("labels").style.pointerEvents = "none";
      // borders between countries only (shared arcs): no stroke along coasts or the antimeridian cut
      if (!tiled()) {
        L.geoJSON(topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b), {pane: "basemap", interactive: false,
          style: {color: "#a7afb8", weight: 0.8, opacity: 1, fill: false}}).addTo(map);
      }
      countryLayer = L.geoJSON(land, {pane: "basemap", style: countryStyle, onEachFeature(f, layer) {
        if (!f.properties.alpha2) return;
        layer.on("click", () => {
          $("f-country").value = f.properties.alpha2;
          setFilter({country: state.f.country === f.properties.alpha2 ? "" : f.properties.alpha2}, true);
        });
        layer.on("mouseover", () => layer.setStyle(tiled() ? {fillColor: "#5b7fa6", fillOpacity: 0.12}
          : {fillColor: state.f.country === f.properties.alpha2 ? "#dce6f1" : "#ece8df"}));
        layer.on("mouseout", () => countryLayer.resetStyle(layer));
      }}).addTo(map);
      map.eachLayer((l) => { if (l.options && l.options.interactive === false && l.options.pane === "basemap" && l.bringToFront) l.bringToFront(); });
      labels.addTo(map);
      drawLabels();
      map.on("zoomend", drawLabels);
      map.attributionControl.addAttribution("Natural Earth");
    } catch (e) { toast(t.load_error + e.message); }
    if (tiled()) {
      L.tileLayer(state.config.tile_url, {attribution: state.config.tile_attribution || "", maxZoom: 18}).addTo(map);
    }
  }

  const cluster = L.markerClusterGroup({
    chunkedLoading: true, maxClusterRadius: 42, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
    iconCreateFunction(c) {
      const counts = {};
      for (const m of c.getAllChildMarkers()) counts[m.options.etype] = (counts[m.options.etype] || 0) + 1;
      // a ring split by event type (largest first), the count in the middle
      const parts = Object.entries(counts).sort((a, b) => b[1] - a[1]);
      const n = c.getChildCount();
      let acc = 0;
      const stops = parts.map(([type, k]) => {
        const from = (acc / n) * 360;
        acc += k;
        return `${typeColor(type)} ${from.toFixed(1)}deg ${((acc / n) * 360).toFixed(1)}deg`;
      });
      const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
      const label = n < 10000 ? n : Math.round(n / 1000) + "k";
      return L.divIcon({
        html: `<div style="background:conic-gradient(${stops.join(",")})"><span>${label}</span></div>`,
        className: "ev-cluster", iconSize: [size, size]});
    },
  }).addTo(map);
  const markers = new Map();

  function markerIcon(type, id, selected) {
    return L.divIcon({
      className: "ev-marker" + (selected ? " selected" : ""), iconSize: selected ? [20, 20] : [14, 14],
      html: `<span data-id="${encodeURIComponent(id)}" style="background:${typeColor(type)}"></span>`});
  }

  function drawPoints(pts) {
    cluster.clearLayers();
    markers.clear();
    const layers = [];
    for (const [id, lat, lon, type] of pts) {
      const m = L.marker([lat, lon], {icon: markerIcon(type, id, false), etype: type, keyboard: true,
        title: typeName(type)});
      m.on("click", () => selectEvent(String(id), false));
      markers.set(String(id), m);
      layers.push(m);
    }
    cluster.addLayers(layers);
    if (fitNext && pts.length) {
      const b = L.latLngBounds(pts.map((p) => [p[1], p[2]]));
      map.fitBounds(b.pad(0.15), {maxZoom: 7, animate: false});
    }
    fitNext = false;
  }

  /* ---------------- filters ---------------- */
  function renderTypeChips() {
    const box = $("f-type");
    box.textContent = "";
    const counts = new Map(((state.facets && state.facets.event_type) || []).map((x) => [x.value, x.count]));
    const types = TYPES.map((x) => x[0]);
    for (const v of counts.keys()) if (!types.includes(v)) types.push(v);
    for (const type of types) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "chip" + (state.f.event_type === type ? " on" : "");
      b.dataset.type = type;
      b.setAttribute("aria-pressed", state.f.event_type === type ? "true" : "false");
      const sw = document.createElement("span");
      sw.className = "sw";
      sw.style.background = typeColor(type);
      const name = document.createElement("span");
      name.textContent = typeName(type);
      const c = document.createElement("span");
      c.className = "chip-n";
      c.textContent = counts.has(type) ? num(counts.get(type)) : "0";
      b.append(sw, name, c);
      b.addEventListener("click", () => setFilter({event_type: state.f.event_type === type ? "" : type}, true));
      box.appendChild(b);
    }
    const legend = $("legend");
    legend.textContent = "";
    for (const [type] of TYPES) {
      const row = document.createElement("div");
      const sw = document.createElement("span");
      sw.className = "sw";
      sw.style.background = typeColor(type);
      row.append(sw, document.createTextNode(typeName(type)));
      legend.appendChild(row);
    }
  }

  function renderCountries() {
    const sel = $("f-country");
    const keep = state.f.country;
    while (sel.options.length > 1) sel.remove(1);
    sel.options[0].textContent = t.all_countries;
    const list = ((state.facets && state.facets.country) || []).slice()
      .sort((a, b) => countryName(a.value).localeCompare(countryName(b.value), state.lang));
    for (const c of list) {
      const o = document.createElement("option");
      o.value = c.value;
      o.textContent = `${countryName(c.value)} (${num(c.count)})`;
      sel.appendChild(o);
    }
    if (keep && !list.some((c) => c.value === keep)) {
      const o = document.createElement("option");
      o.value = keep;
      o.textContent = countryName(keep);
      sel.appendChild(o);
    }
    sel.value = keep;
  }

  function renderMapNote() {
    const note = $("map-note");
    const capped = state.onMap >= (state.config.max_points || 50000);
    const text = state.onMap != null && state.exact ? t.on_map(state.onMap, state.total, capped)
      : capped ? t.on_map(state.onMap, Infinity, true) : "";
    note.textContent = text;
    note.hidden = !text;
  }

  function restyleCountries() {
    if (countryLayer) countryLayer.setStyle(countryStyle);
  }

  function renderPeriod() {
    const {from, to} = state.f;
    $("period-text").textContent = from || to ? `${from || "…"} → ${to || "…"}` : t.all_time;
    $("period-clear").hidden = !(from || to);
    timeline.setSelection(from, to);
  }

  function setFilter(change, refit) {
    Object.assign(state.f, change);
    fitNext = !!refit;
    refresh(!Object.keys(change).every((k) => k === "from" || k === "to"));
  }

  function exportLinks() {
    const p = params({limit: 100000});
    $("export-csv").href = "/api/events.csv?" + p;
    $("export-geojson").href = "/api/events.geojson?" + p;
  }

  /* ---------------- list ---------------- */
  function eventItem(e) {
    const li = document.createElement("li");
    li.className = "ev-item" + (state.selected && state.selected.id === String(e.id) ? " selected" : "");
    li.dataset.id = e.id;
    li.tabIndex = 0;
    const dot = document.createElement("span");
    dot.className = "dot";
    dot.style.background = typeColor(e.event_type);
    const body = document.createElement("div");
    body.className = "ev-body";
    const h = document.createElement("div");
    h.className = "ev-title";
    h.textContent = subName(e.sub_event_type) || typeName(e.event_type);
    const meta = document.createElement("div");
    meta.className = "ev-meta";
    const cn = countryName(e.country_code) || e.country;
    const where = [e.location, cn].filter(Boolean).filter((x, i, a) => a.indexOf(x) === i).join(t.comma);
    meta.textContent = [e.event_date, where].filter(Boolean).join(" · ");
    body.append(h, meta);
    const actors = [e.actor1, e.actor2].filter(Boolean);
    if (actors.length) {
      const a = document.createElement("div");
      a.className = "ev-actors";
      a.textContent = actors.join(" ⟷ ");
      body.appendChild(a);
    }
    li.append(dot, body);
    if (e.fatalities) {
      const f = document.createElement("span");
      f.className = "ev-fat";
      f.title = t.fatalities;
      f.textContent = num(e.fatalities);
      li.appendChild(f);
    }
    li.addEventListener("click", () => selectEvent(String(e.id), true, e));
    li.addEventListener("keydown", (k) => { if (k.key === "Enter") selectEvent(String(e.id), true, e); });
    return li;
  }

  function renderList(append) {
    const ol = $("event-list");
    if (!append) ol.textContent = "";
    const start = append ? ol.children.length : 0;
    for (const e of state.list.slice(start)) ol.appendChild(eventItem(e));
    if (!state.list.length) {
      const li = document.createElement("li");
      li.className = "empty";
      li.textContent = t.no_events;
      ol.appendChild(li);
    }
    const plus = state.exact ? "" : "+";
    $("list-count").textContent = state.total ? t.showing(state.list.length, state.total) + plus : "";
    $("more").hidden = state.exact ? state.list.length >= state.total : state.list.length % PAGE !== 0;
    $("count").textContent = t.n_events(state.total, plus);
  }

  /* ---------------- data ---------------- */
  async function refresh(withTimeline) {
    const my = ++seq;
    writeHash();
    exportLinks();
    renderPeriod();
    document.body.classList.add("loading");
    try {
      const jobs = [
        getJSON("/api/events?" + params({limit: PAGE})),
        getJSON("/api/events/points?" + params({}, false, true)),
        getJSON("/api/facets?" + params({}, true)),
      ];
      if (withTimeline) jobs.push(getJSON("/api/timeline?" + params({}, true)));
      const [page, pts, facets, tl] = await Promise.all(jobs);
      if (my !== seq) return;
      state.list = page.events;
      // a capped total ("10,000+") is made exact by the facets: every event has one type
      const byType = facets.event_type.reduce((a, b) => a + b.count, 0);
      state.exact = page.total_exact !== false || byType >= page.total;
      state.total = page.total_exact !== false ? page.total : Math.max(page.total, byType);
      state.facets = facets;
      renderList(false);
      renderTypeChips();
      renderCountries();
      restyleCountries();
      drawPoints(pts.points);
      state.onMap = pts.points.length;
      renderMapNote();
      if (tl) { state.daily = tl.bins; timeline.setData(tl.bins); renderPeriod(); }
    } catch (e) {
      if (my === seq) toast(t.load_error + e.message);
    } finally {
      if (my === seq) document.body.classList.remove("loading");
    }
  }

  async function more() {
    const page = await getJSON("/api/events?" + params({limit: PAGE, offset: state.list.length}));
    state.list = state.list.concat(page.events);
    renderList(true);
  }

  /* ---------------- selection and reader ---------------- */
  function highlightMarker(id) {
    for (const [mid, m] of markers) {
      const on = mid === id;
      if (on || m.options.icon.options.className.includes("selected")) m.setIcon(markerIcon(m.options.etype, mid, on));
    }
  }

  async function selectEvent(id, pan, row) {
    try {
      const ev = row || await getJSON("/api/events/" + encodeURIComponent(id));
      state.selected = Object.assign({}, ev, {id: String(ev.id)});
      for (const li of document.querySelectorAll(".ev-item")) li.classList.toggle("selected", li.dataset.id === state.selected.id);
      const cur = document.querySelector(`.ev-item[data-id="${CSS.escape(state.selected.id)}"]`);
      if (cur) cur.scrollIntoView({block: "nearest"});
      highlightMarker(state.selected.id);
      const m = markers.get(state.selected.id);
      if (pan && m) cluster.zoomToShowLayer(m, () => {});
      const art = await getJSON("/api/articles/" + encodeURIComponent(ev.article_id));
      state.article = art;
      renderReader(true);
    } catch (e) { toast(t.load_error + e.message); }
  }

  function selectedIndex(art) {
    const s = state.selected;
    if (!s || !art) return -1;
    const evs = art.events || [];
    const ev = {start: s.evidence_start, end: s.evidence_end};
    let i = evs.findIndex((e) => e.id != null && String(e.id) === s.id);
    if (i < 0) i = evs.findIndex((e) => e.evidence && e.evidence.start === ev.start && e.evidence.end === ev.end &&
      e.event_type === s.event_type && e.sub_event_type === s.sub_event_type);
    if (i < 0) i = evs.findIndex((e) => e.evidence && e.evidence.start === ev.start && e.evidence.end === ev.end);
    return i;
  }

  function card(ev) {
    const box = $("event-card");
    box.textContent = "";
    if (!ev) return;
    box.style.setProperty("--c", typeColor(ev.event_type));
    const head = document.createElement("div");
    head.className = "card-type";
    head.textContent = typeName(ev.event_type);
    const sub = document.createElement("div");
    sub.className = "card-sub";
    sub.textContent = subName(ev.sub_event_type);
    const dl = document.createElement("dl");
    const row = (k, v) => {
      if (v == null || v === "") return;
      const dt = document.createElement("dt"); dt.textContent = k;
      const dd = document.createElement("dd"); dd.textContent = v;
      dl.append(dt, dd);
    };
    row(t.date, ev.event_date);
    const coords = ev.latitude != null ? ` (${(+ev.latitude).toFixed(3)}, ${(+ev.longitude).toFixed(3)})` : "";
    row(t.location, [ev.location, ev.admin1, countryName(ev.country_code) || ev.country].filter(Boolean).join(t.comma) + coords);
    row(t.actor1, ev.actor1);
    row(t.actor2, ev.actor2);
    if (ev.fatalities) row(t.fatalities, num(ev.fatalities));
    if (ev.confidence != null) row(t.confidence, Math.round(ev.confidence * 100) + "%");
    if (ev.modality && ev.modality !== "asserted") row(t.modality, ev.modality);
    box.append(head, sub, dl);
  }

  function renderLegend() {
    const box = $("hl-legend");
    box.textContent = "";
    for (const k of ["PER", "ORG", "LOC", "DATE", "EVENT", "QUOTE", "EVIDENCE"]) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = `hl-key key-${k}` + (document.getElementById("art-text").classList.contains("off-" + k) ? " off" : "");
      b.textContent = t.lbl[k];
      b.addEventListener("click", () => {
        $("art-text").classList.toggle("off-" + k);
        b.classList.toggle("off");
      });
      box.appendChild(b);
    }
  }

  function renderReader(scroll) {
    const art = state.article;
    if (!art) return;
    $("reader").hidden = false;
    document.body.classList.add("reading");
    const idx = selectedIndex(art);
    card(state.selected);
    $("reader-title").textContent = art.title || art.id;
    const sub = $("reader-sub");
    sub.textContent = [art.source, art.published].filter(Boolean).join(" · ");
    if (art.url && /^https?:\/\//i.test(art.url)) {
      const a = document.createElement("a");
      a.href = art.url; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
      a.textContent = t.open_source;
      sub.append(" · ", a);
    }
    renderLegend();
    const first = MarsadHighlight.render($("art-text"), art, t, idx, (i) => {
      const e = (art.events || [])[i];
      if (e && e.id != null) selectEvent(String(e.id), true);
    });
    const qbox = $("art-quotes");
    qbox.textContent = "";
    if ((art.quotes || []).length) {
      const h = document.createElement("h4");
      h.textContent = t.quotes;
      qbox.appendChild(h);
      for (const q of art.quotes) {
        const p = document.createElement("blockquote");
        p.dir = "rtl";
        const who = document.createElement("cite");
        who.textContent = speakerName(q) || t.unknown;
        p.append(who, document.createTextNode(": " + (q.text || "")));
        qbox.appendChild(p);
      }
    }
    if (scroll && first) requestAnimationFrame(() => first.scrollIntoView({block: "center", behavior: "instant"}));
    map.invalidateSize();
  }

  function closeReader() {
    $("reader").hidden = true;
    document.body.classList.remove("reading");
    state.selected = null;
    highlightMarker(null);
    for (const li of document.querySelectorAll(".ev-item.selected")) li.classList.remove("selected");
    map.invalidateSize();
  }

  /* ---------------- language ---------------- */
  function applyLang() {
    t = I18N[state.lang];
    try { regionNames = new Intl.DisplayNames([state.lang], {type: "region"}); } catch (e) { regionNames = null; }
    document.documentElement.lang = state.lang;
    document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
    for (const el of document.querySelectorAll("[data-i18n]")) {
      const v = t[el.dataset.i18n];
      if (typeof v === "string") el.textContent = v;
    }
    for (const el of document.querySelectorAll("[data-i18n-ph]")) el.placeholder = t[el.dataset.i18nPh];
    $("lang-toggle").textContent = t.lang_other;
    timeline.locale = state.lang;
    timeline.draw();
    renderTypeChips();
    renderCountries();
    renderList(false);
    renderPeriod();
    renderMapNote();
    drawLabels();
    if (state.article) renderReader(false);
  }

  /* ---------------- wiring ---------------- */
  const timeline = new MarsadTimeline($("timeline"), (from, to) => setFilter({from: from || "", to: to || ""}, true));
  let typing;
  const debounce = (fn) => { clearTimeout(typing); typing = setTimeout(fn, 300); };
  $("search-form").addEventListener("submit", (e) => { e.preventDefault(); setFilter({q: $("f-q").value.trim()}, true); });
  $("f-q").addEventListener("input", () => debounce(() => setFilter({q: $("f-q").value.trim()}, true)));
  $("f-actor").addEventListener("input", () => debounce(() => setFilter({actor: $("f-actor").value.trim()}, true)));
  $("f-country").addEventListener("change", () => setFilter({country: $("f-country").value}, true));
  $("period-clear").addEventListener("click", () => setFilter({from: "", to: ""}, true));
  $("reset").addEventListener("click", () => {
    $("f-q").value = ""; $("f-actor").value = "";
    setFilter({event_type: "", country: "", actor: "", q: "", from: "", to: ""}, true);
  });
  $("more").addEventListener("click", more);
  $("f-inview").addEventListener("change", () => {
    state.inView = $("f-inview").checked;
    state.bbox = state.inView ? viewBbox() : "";
    fitNext = false;
    refresh(true);
  });
  map.on("moveend", () => {
    if (!state.inView) return;
    const b = viewBbox();
    if (b === state.bbox) return;
    state.bbox = b;
    debounce(() => refresh(true));
  });
  $("reader-close").addEventListener("click", closeReader);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("reader").hidden) closeReader(); });
  $("lang-toggle").addEventListener("click", () => {
    state.lang = state.lang === "en" ? "ar" : "en";
    localStorage.setItem("marsad.lang", state.lang);
    applyLang();
  });

  (async function init() {
    try { state.config = await getJSON("/api/config"); } catch (e) { state.config = {}; }
    readHash();
    applyLang();
    await loadBasemap();
    await refresh(true);
    document.body.classList.add("ready");
  })();
})();
