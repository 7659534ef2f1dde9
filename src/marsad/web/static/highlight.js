/* displaCy-like rendering of an article: entities, places, dates, event triggers, quotes and
   event evidence highlighted over the original text. Spans are [start, end) character offsets
   into article.text (UTF-16 indices, as Python str indices for BMP text). All text goes
   through textContent: article text is never parsed as HTML. */
"use strict";

(function () {
  const PRIORITY = {EVENT: 4, DATE: 3, PLACE: 2, ENT: 1};

  function valid(s, n) {
    return s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && s.start < s.end;
  }

  /* Python counts code points, JS counts UTF-16 units: map when the text has astral characters. */
  function offsetMapper(text) {
    if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
    const map = [];
    let u = 0;
    for (const ch of text) { map.push(u); u += ch.length; }
    map.push(u);
    return (i) => (i >= 0 && i < map.length ? map[i] : i);
  }

  function collect(article, t) {
    const text = article.text || "";
    const conv = offsetMapper(text);
    const fix = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) ? Object.assign({}, s, {start: conv(s.start), end: conv(s.end)}) : s;
    const n = text.length;
    const marks = [];
    for (const e of article.entities || []) {
      const s = fix(e);
      if (valid(s, n)) marks.push({start: s.start, end: s.end, kind: e.label || "MISC", pri: PRIORITY.ENT,
        title: [e.canonical, t.lbl[e.label] || e.label].filter(Boolean).join(" · ")});
    }
    for (const p of article.places || []) {
      const s = fix(p);
      if (!valid(s, n)) continue;
      const coord = p.lat != null ? ` (${(+p.lat).toFixed(3)}, ${(+p.lon).toFixed(3)})` : "";
      marks.push({start: s.start, end: s.end, kind: "LOC", pri: PRIORITY.PLACE, place: true,
        title: `${p.name || ""}${coord}${p.country ? " · " + p.country : ""}`});
    }
    for (const x of article.timexes || []) {
      const s = fix(x);
      if (valid(s, n)) marks.push({start: s.start, end: s.end, kind: "DATE", pri: PRIORITY.DATE, title: x.value || ""});
    }
    const evidence = [];
    (article.events || []).forEach((ev, i) => {
      const tr = fix(ev.trigger);
      const title = [t.types[ev.event_type] || ev.event_type, t.subtypes[ev.sub_event_type] || ev.sub_event_type].filter(Boolean).join(" — ");
      if (valid(tr, n)) marks.push({start: tr.start, end: tr.end, kind: "EVENT", pri: PRIORITY.EVENT, title, ev: i});
      const es = fix(ev.evidence);
      if (valid(es, n)) evidence.push({start: es.start, end: es.end, idx: i, type: ev.event_type});
    });
    const quotes = [];
    (article.quotes || []).forEach((q, i) => {
      const s = fix(q);
      if (valid(s, n)) quotes.push({start: s.start, end: s.end, idx: i, title: (typeof q.speaker === "string" ? q.speaker : q.speaker && q.speaker.name) || ""});
    });
    // marks never overlap one another: higher priority, then longer, wins
    marks.sort((a, b) => b.pri - a.pri || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
    const kept = [];
    for (const m of marks) {
      if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
    }
    kept.sort((a, b) => a.start - b.start);
    // nested quotes: keep the outer one
    quotes.sort((a, b) => a.start - b.start || b.end - a.end);
    const qs = [];
    for (const q of quotes) if (!qs.length || q.start >= qs[qs.length - 1].end) qs.push(q);
    return {text, marks: kept, evidence, quotes: qs};
  }

  function segments(c) {
    const cuts = new Set([0, c.text.length]);
    for (const list of [c.marks, c.evidence, c.quotes]) for (const s of list) { cuts.add(s.start); cuts.add(s.end); }
    const pts = [...cuts].sort((a, b) => a - b);
    const segs = [];
    let mi = 0, qi = 0;
    for (let k = 0; k + 1 < pts.length; k++) {
      const a = pts[k], b = pts[k + 1];
      while (mi < c.marks.length && c.marks[mi].end <= a) mi++;
      while (qi < c.quotes.length && c.quotes[qi].end <= a) qi++;
      const m = mi < c.marks.length && c.marks[mi].start <= a ? mi : -1;
      const q = qi < c.quotes.length && c.quotes[qi].start <= a ? qi : -1;
      const ev = c.evidence.filter((e) => e.start <= a && e.end >= b).map((e) => e.idx);
      segs.push({a, b, m, q, ev: ev.join(",")});
    }
    return segs;
  }

  function groupBy(list, key) {
    const out = [];
    for (const x of list) {
      const k = key(x);
      if (out.length && out[out.length - 1].k === k) out[out.length - 1].items.push(x);
      else out.push({k, items: [x]});
    }
    return out;
  }

  /* Render into `root`; `selected` is the index of the selected event (or -1).
     Returns the first element of the selected event's evidence (or null). */
  function render(root, article, t, selected, onEvidence) {
    const c = collect(article, t);
    root.textContent = "";
    let first = null;
    const typeColor = (type) => (window.MARSAD_TYPES.find((x) => x[0] === type) || [0, window.MARSAD_OTHER_COLOR])[1];
    for (const eg of groupBy(segments(c), (s) => s.ev)) {
      let box = root;
      if (eg.k !== "") {
        const idxs = eg.k.split(",").map(Number);
        box = document.createElement("span");
        box.className = "evidence";
        box.dataset.ev = eg.k;
        const ev = c.evidence.find((e) => e.idx === idxs[0]);
        box.style.setProperty("--ev-color", typeColor(ev && ev.type));
        if (idxs.includes(selected)) {
          box.classList.add("selected");
          if (!first) first = box;
        }
        box.addEventListener("click", () => onEvidence && onEvidence(idxs.includes(selected) ? selected : idxs[0]));
        root.appendChild(box);
      }
      for (const qg of groupBy(eg.items, (s) => s.q)) {
        let qbox = box;
        if (qg.k >= 0) {
          qbox = document.createElement("q");
          qbox.className = "quote";
          qbox.title = c.quotes[qg.k].title ? `${t.lbl.QUOTE}: ${c.quotes[qg.k].title}` : t.lbl.QUOTE;
          box.appendChild(qbox);
        }
        for (const mg of groupBy(qg.items, (s) => s.m)) {
          const str = c.text.slice(mg.items[0].a, mg.items[mg.items.length - 1].b);
          if (mg.k < 0) { qbox.appendChild(document.createTextNode(str)); continue; }
          const m = c.marks[mg.k];
          const el = document.createElement("mark");
          el.className = `hl hl-${m.kind}` + (m.place ? " hl-place" : "");
          if (m.ev != null && m.ev === selected) el.classList.add("hl-selected");
          el.title = m.title;
          el.appendChild(document.createTextNode(str));
          if (mg.items[mg.items.length - 1].b === m.end) {
            const lbl = document.createElement("span");
            lbl.className = "hl-lbl";
            lbl.textContent = t.lbl[m.kind] || m.kind;
            el.appendChild(lbl);
          }
          qbox.appendChild(el);
        }
      }
    }
    return first;
  }

  window.MarsadHighlight = {render, collect};
})();
