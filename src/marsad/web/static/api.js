/* A small offline reference of the HTTP API, rendered from the app's own OpenAPI document. */
"use strict";

(async function () {
  const main = document.getElementById("ops");
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const resolve = (spec, s) => (s && s.$ref ? spec.components.schemas[s.$ref.split("/").pop()] : s) || {};
  function typeOf(spec, s) {
    s = resolve(spec, s);
    if (s.anyOf) return s.anyOf.map((x) => typeOf(spec, x)).filter((x) => x !== "null").join(" | ") || "null";
    const bits = [s.type || "object"];
    if (s.format) bits.push(`(${s.format})`);
    if (s.pattern) bits.push(`pattern ${s.pattern}`);
    if (s.minimum != null) bits.push(`≥ ${s.minimum}`);
    if (s.maximum != null) bits.push(`≤ ${s.maximum}`);
    if (s.maxLength != null) bits.push(`≤ ${s.maxLength} chars`);
    if (s.default != null) bits.push(`default ${JSON.stringify(s.default)}`);
    return bits.join(" ");
  }
  let spec;
  try {
    spec = await (await fetch("/openapi.json")).json();
  } catch (e) {
    main.textContent = "Could not load /openapi.json: " + e.message;
    return;
  }
  main.textContent = "";
  const h = el("h1", null, `${spec.info.title} ${spec.info.version}`);
  main.append(h, el("p", "muted", spec.info.description || ""));
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const sec = el("section", "op");
      const head = el("div", "op-h");
      head.append(el("span", `m m-${method}`, method.toUpperCase()), el("code", "path", path));
      if (op.security) head.append(el("span", "lock", "bearer token"));
      sec.append(head, el("p", null, op.summary || ""));
      const params = op.parameters || [];
      if (params.length) {
        const tbl = el("table");
        const tr = el("tr");
        for (const c of ["parameter", "in", "type and limits", "description"]) tr.append(el("th", null, c));
        tbl.append(tr);
        for (const p of params) {
          const row = el("tr");
          row.append(el("td", "mono", p.name + (p.required ? " *" : "")), el("td", null, p.in),
            el("td", "mono", typeOf(spec, p.schema)), el("td", null, p.description || (p.schema && p.schema.description) || ""));
          tbl.append(row);
        }
        sec.append(tbl);
      }
      if (op.requestBody) {
        const schema = resolve(spec, op.requestBody.content["application/json"].schema);
        const body = el("p", "mono", "JSON body: " + Object.entries(schema.properties || {})
          .map(([k, v]) => `${k}${(schema.required || []).includes(k) ? " *" : ""}: ${typeOf(spec, v)}`).join("; "));
        sec.append(body);
      }
      const codes = Object.entries(op.responses || {}).map(([c, r]) => `${c} ${r.description || ""}`).join(" · ");
      sec.append(el("p", "muted", "Responses: " + codes));
      if (method === "get" && !path.includes("{")) {
        const a = el("a", "try", "open " + path);
        a.href = path + (path === "/api/search" ? "?q=%D8%A7%D9%84%D8%AC%D9%8A%D8%B4" : "");
        sec.append(a);
      }
      main.append(sec);
    }
  }
})();
