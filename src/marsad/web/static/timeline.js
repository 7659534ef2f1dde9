/* Timeline histogram (SVG, no library): bins per day/week/month depending on the span;
   drag to brush a period, click a bar to pick its period. Calls onSelect(from, to) with
   ISO dates, or onSelect(null, null) to clear. */
"use strict";

(function () {
  const DAY = 86400000;
  const NS = "http://www.w3.org/2000/svg";
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const parse = (s) => Date.parse(s + "T00:00:00Z");

  function binStart(ms, unit) {
    const d = new Date(ms);
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    if (unit === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY; // Monday
    return ms;
  }
  function binEnd(start, unit) {
    const d = new Date(start);
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY;
    if (unit === "week") return start + 6 * DAY;
    return start;
  }

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  class Timeline {
    constructor(svg, onSelect) {
      this.svg = svg;
      this.onSelect = onSelect;
      this.bins = [];
      this.sel = null; // [fromMs, toMs]
      this.locale = "en";
      if (window.ResizeObserver) new ResizeObserver(() => this.draw()).observe(svg);
      else window.addEventListener("resize", () => this.draw());
      svg.addEventListener("mousedown", (e) => this.down(e));
      window.addEventListener("mousemove", (e) => this.move(e));
      window.addEventListener("mouseup", (e) => this.up(e));
    }

    setData(daily) {
      if (!daily.length) { this.bins = []; this.before = this.after = 0; this.draw(); return; }
      // focus: the shortest stretch of days holding 90% of the events (background events dated
      // decades back would flatten the rest); what falls outside is counted at the edges and a
      // click on those counts shows the whole range
      this.daily = daily;
      let i0 = 0, i1 = daily.length - 1;
      if (!this.full && daily.length > 2) {
        const total = daily.reduce((a, b) => a + b.count, 0), need = total * 0.9;
        let best = [0, daily.length - 1], sum = 0, j = 0;
        for (let i = 0; i < daily.length; i++) {
          sum += daily[i].count;
          while (sum - daily[j].count >= need) sum -= daily[j++].count;
          if (sum >= need && parse(daily[i].date) - parse(daily[j].date) < parse(daily[best[1]].date) - parse(daily[best[0]].date)) best = [j, i];
        }
        // only worth it when the tails stretch the axis (more than doubling it)
        const span = (a, b) => parse(daily[b].date) - parse(daily[a].date);
        if (span(best[0], best[1]) * 2 < span(0, daily.length - 1)) [i0, i1] = best;
      }
      this.before = daily.slice(0, i0).reduce((a, b) => a + b.count, 0);
      this.after = daily.slice(i1 + 1).reduce((a, b) => a + b.count, 0);
      daily = daily.slice(i0, i1 + 1);
      const lo = parse(daily[0].date), hi = parse(daily[daily.length - 1].date);
      const span = (hi - lo) / DAY;
      this.unit = span > 1000 ? "month" : span > 120 ? "week" : "day";
      const map = new Map();
      for (const b of daily) {
        const k = binStart(parse(b.date), this.unit);
        map.set(k, (map.get(k) || 0) + b.count);
      }
      const bins = [];
      for (let k = binStart(lo, this.unit); k <= hi; k = binEnd(k, this.unit) + DAY) {
        bins.push({start: k, end: binEnd(k, this.unit), count: map.get(k) || 0});
      }
      this.bins = bins;
      this.draw();
    }

    setSelection(from, to) {
      this.sel = from || to ? [from ? parse(from) : -Infinity, to ? parse(to) : Infinity] : null;
      this.draw();
    }

    geometry() {
      const w = this.svg.clientWidth || 600, h = this.svg.clientHeight || 90;
      const pad = {l: 34, r: 26, t: 16, b: 18};
      return {w, h, pad, iw: Math.max(1, w - pad.l - pad.r), ih: Math.max(1, h - pad.t - pad.b)};
    }

    draw() {
      const svg = this.svg;
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      const g = this.geometry();
      svg.setAttribute("viewBox", `0 0 ${g.w} ${g.h}`);
      if (!this.bins.length) return;
      const max = Math.max(1, ...this.bins.map((b) => b.count));
      const n = this.bins.length;
      const bw = g.iw / n;
      const rtl = document.documentElement.dir === "rtl";
      this.xOf = (i) => (rtl ? g.pad.l + g.iw - (i + 1) * bw : g.pad.l + i * bw);
      this.indexAt = (x) => {
        const i = Math.floor((x - g.pad.l) / bw);
        return Math.max(0, Math.min(n - 1, rtl ? n - 1 - i : i));
      };
      // y grid: 0, max/2 (when it is a whole number), max
      for (const f of max >= 4 || max % 2 === 0 ? [0, 0.5, 1] : [0, 1]) {
        const y = g.pad.t + g.ih * (1 - f);
        el("line", {x1: g.pad.l, x2: g.pad.l + g.iw, y1: y, y2: y, class: "tl-grid"}, svg);
        const lbl = el("text", {x: g.pad.l - 4, y: y + 3, class: "tl-axis", "text-anchor": "end"}, svg);
        lbl.textContent = Math.round(max * f).toLocaleString(this.locale);
      }
      const bars = el("g", {}, svg);
      this.bins.forEach((b, i) => {
        const bh = (b.count / max) * g.ih;
        const inSel = !this.sel || (b.end >= this.sel[0] && b.start <= this.sel[1]);
        const r = el("rect", {
          x: this.xOf(i) + (bw > 3 ? 0.5 : 0), width: Math.max(1, bw - (bw > 3 ? 1 : 0)),
          y: g.pad.t + g.ih - bh, height: Math.max(b.count ? 1 : 0, bh),
          class: "tl-bar" + (inSel ? " on" : ""), "data-from": iso(b.start), "data-to": iso(b.end),
        }, bars);
        const tip = el("title", {}, r);
        tip.textContent = `${iso(b.start)}${b.end > b.start ? " – " + iso(b.end) : ""}: ${b.count.toLocaleString(this.locale)}`;
      });
      // x labels: about 6 evenly spaced
      const step = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(g.iw / 90))));
      const fmt = new Intl.DateTimeFormat(this.locale === "ar" ? "ar" : "en-GB",
        this.unit === "month" ? {year: "numeric", month: "short", timeZone: "UTC"} : {day: "numeric", month: "short", year: "2-digit", timeZone: "UTC"});
      for (let i = 0; i < n; i += step) {
        const t = el("text", {x: this.xOf(i) + bw / 2, y: g.h - 4, class: "tl-axis", "text-anchor": "middle"}, svg);
        t.textContent = fmt.format(new Date(this.bins[i].start));
      }
      const rtlEdge = (left) => (rtl ? !left : left);
      for (const [n2, left] of [[this.before, true], [this.after, false]]) {
        if (!n2) continue;
        const tx = el("text", {x: rtlEdge(left) ? g.pad.l : g.pad.l + g.iw, y: 9, class: "tl-axis tl-out",
          "text-anchor": rtlEdge(left) ? "start" : "end"}, svg);
        tx.textContent = (left ? "← " : "") + `+${n2.toLocaleString(this.locale)}` + (left ? "" : " →");
        tx.addEventListener("mousedown", (e) => e.stopPropagation());
        tx.addEventListener("click", () => { this.full = true; this.setData(this.daily); });
      }
      this.brushRect = el("rect", {class: "tl-brush", y: g.pad.t, height: g.ih, x: 0, width: 0, visibility: "hidden"}, svg);
    }

    localX(e) {
      const r = this.svg.getBoundingClientRect();
      return e.clientX - r.left;
    }

    down(e) {
      if (!this.bins.length || e.button !== 0) return;
      e.preventDefault();
      this.drag = {x0: this.localX(e), x1: this.localX(e)};
    }

    move(e) {
      if (!this.drag) return;
      this.drag.x1 = this.localX(e);
      const a = Math.min(this.drag.x0, this.drag.x1), b = Math.max(this.drag.x0, this.drag.x1);
      this.brushRect.setAttribute("x", a);
      this.brushRect.setAttribute("width", b - a);
      this.brushRect.setAttribute("visibility", "visible");
    }

    up() {
      if (!this.drag) return;
      const {x0, x1} = this.drag;
      this.drag = null;
      const i0 = this.indexAt(Math.min(x0, x1)), i1 = this.indexAt(Math.max(x0, x1));
      const lo = Math.min(i0, i1), hi = Math.max(i0, i1);
      const from = iso(this.bins[lo].start), to = iso(this.bins[hi].end);
      if (Math.abs(x1 - x0) < 3 && this.sel && this.sel[0] === this.bins[lo].start && this.sel[1] === this.bins[lo].end) {
        this.onSelect(null, null); // a click on the only selected bar clears
        return;
      }
      this.onSelect(from, to);
    }
  }

  window.MarsadTimeline = Timeline;
})();
