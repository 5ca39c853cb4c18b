/* A local, CDN-free rendering of /openapi.json (text only, no innerHTML). */
(function () {
  "use strict";
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined) { n.textContent = text; }
    return n;
  }
  fetch("/openapi.json").then(function (r) { return r.json(); }).then(function (spec) {
    var out = document.getElementById("endpoints");
    var byTag = {};
    Object.keys(spec.paths).forEach(function (path) {
      Object.keys(spec.paths[path]).forEach(function (method) {
        var op = spec.paths[path][method];
        var tag = (op.tags && op.tags[0]) || "other";
        (byTag[tag] = byTag[tag] || []).push({ path: path, method: method, op: op });
      });
    });
    Object.keys(byTag).forEach(function (tag) {
      out.appendChild(el("h2", null, tag));
      byTag[tag].forEach(function (o) {
        var box = el("div", "op");
        box.appendChild(el("span", "method " + o.method, o.method.toUpperCase()));
        box.appendChild(el("span", "path", o.path));
        box.appendChild(el("div", null, o.op.summary || ""));
        var params = (o.op.parameters || []).map(function (p) {
          return p.name + (p.required ? "*" : "") + (p.description ? " — " + p.description : "");
        });
        if (o.op.requestBody) { params.push("JSON body: see /openapi.json"); }
        if (params.length) {
          var pd = el("div", "params");
          params.forEach(function (t, i) { if (i) { pd.appendChild(document.createTextNode(" · ")); } pd.appendChild(el("code", null, t)); });
          box.appendChild(pd);
        }
        out.appendChild(box);
      });
    });
  });
})();
