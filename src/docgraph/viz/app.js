// docgraph's interactive picture. Every name and sentence reaches the page through
// textContent or the canvas, never through innerHTML, so a document that puts markup
// in a name cannot run script here.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("docgraph-data").textContent);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const hiddenTypes = new Set();
  const hiddenRelations = new Set();

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    for (const child of children) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function style(node) {
    return data.styles[node.group] || { color: "#999999", shape: "dot" };
  }

  // What is drawn: entities with statements (the rest behind a toggle), and above
  // data.limit of them only the most connected, until the reader asks for more.
  const degree = new Map(data.nodes.map((n) => [n.id, 0]));
  const neighbours = new Map(data.nodes.map((n) => [n.id, new Set()]));
  for (const e of data.edges) {
    degree.set(e.from, degree.get(e.from) + 1);
    degree.set(e.to, degree.get(e.to) + 1);
    neighbours.get(e.from).add(e.to);
    neighbours.get(e.to).add(e.from);
  }
  const byDegree = data.nodes.filter((n) => degree.get(n.id) > 0)
    .sort((a, b) => degree.get(b.id) - degree.get(a.id) || a.label.localeCompare(b.label));
  const rank = new Map(byDegree.map((n, index) => [n.id, index]));
  const isolated = data.nodes.length - byDegree.length;
  let showIsolated = false;
  let capped = byDegree.length > data.limit;
  const pinned = new Set();  // entities the reader went to, always drawn
  function drawn(n) {
    if (pinned.has(n.id)) return true;
    if (degree.get(n.id) === 0) return showIsolated;
    return !capped || rank.get(n.id) < data.limit;
  }

  // No vis "group": its default colours would replace docgraph's on any setOptions.
  const nodes = new vis.DataSet(data.nodes.map((n) => ({
    id: n.id, label: n.label, shape: style(n).shape,
    color: { background: style(n).color, border: "#333333",
             highlight: { background: style(n).color, border: "#000000" } },
    font: { size: 14, color: style(n).font || "#1d2329" },
    // Sized by how many statements an entity takes part in.
    size: 10 + 4 * Math.sqrt(degree.get(n.id)),
  })));
  // Edge fonts are set for all edges at once (see legible), so none is set per edge.
  const edges = new vis.DataSet(data.edges.map((e) => ({
    id: e.id, from: e.from, to: e.to, label: e.relation, relation: e.relation })));
  const nodeView = new vis.DataView(nodes, {
    filter: (n) => !hiddenTypes.has(byId.get(n.id).group) && drawn(byId.get(n.id)) });
  const edgeView = new vis.DataView(edges, {
    filter: (e) => !hiddenRelations.has(e.relation) });
  const container = document.getElementById("graph");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
    layout: { randomSeed: 7, improvedLayout: byDegree.length < 150 },
    // Labels are boxes; without avoidOverlap one can sit on another node and take its
    // clicks. Strong central gravity keeps small groups near the rest, so that fitting
    // the view does not shrink the main part to a dot.
    physics: { stabilization: { iterations: 400 },
               barnesHut: { springLength: 120, avoidOverlap: 0.6, centralGravity: 1.2 } },
    edges: { arrows: "to", color: { color: "#9aa3ad" },
             font: { size: 11, align: "middle", color: "#333333", strokeWidth: 3,
                     strokeColor: "#ffffff" } },
    interaction: { hover: true, tooltipDelay: 100000 },
  });

  // Labels stay legible whatever the zoom: their size on screen is fixed, and zoomed
  // out only the most connected entities keep theirs.
  // Every label is drawn when few entities are, or once the reader has zoomed in to
  // twice the scale that fits the whole picture.
  const LABELLED = 25;
  let fitted = 1;
  let lastScale = null;
  let edgeLabels = null;
  function short(text) {
    return text.length > 32 ? text.slice(0, 30) + "\u2026" : text;
  }
  function legible() {
    const scale = network.getScale();
    if (lastScale !== null && Math.abs(scale - lastScale) < 0.02) return;
    lastScale = scale;
    const shown = new Set(nodeView.getIds());
    const close = scale >= 2 * fitted || shown.size <= LABELLED;
    network.setOptions({ edges: { font: { size: Math.min(48, 11 / scale) } } });
    // A relation's name on every edge only when there is room for them.
    const drawnEdges = data.edges.filter((e) => shown.has(e.from) && shown.has(e.to)).length;
    const wanted = close || drawnEdges <= 40;
    if (wanted !== edgeLabels) {
      edgeLabels = wanted;
      // (vis keeps an edge's old label when given "": a space draws nothing.)
      edges.update(data.edges.map((e) => ({ id: e.id, label: wanted ? e.relation : " " })));
    }
    nodes.update(data.nodes.map((n) => ({
      id: n.id,
      label: close ? n.label
        : pinned.has(n.id) || (rank.has(n.id) && rank.get(n.id) < LABELLED) ? short(n.label)
        : "",
      font: { size: Math.min(56, 14 / scale), color: style(n).font || "#1d2329" },
    })));
  }
  let pending = false;
  network.on("zoom", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; legible(); });
  });
  function ready() {
    network.setOptions({ physics: false });
    network.fit();
    fitted = network.getScale();
    legible();
    network.redraw();
    // Ready once the canvas shows the labels set above, a frame later.
    requestAnimationFrame(() => requestAnimationFrame(() => { window.docgraphReady = true; }));
  }
  network.once("stabilizationIterationsDone", ready);
  setTimeout(() => { if (!window.docgraphReady) ready(); }, 8000);

  // What is left out, and how to see it ------------------------------------------------
  const notice = document.getElementById("notice");
  function renderNotice() {
    const parts = [];
    if (capped) {
      parts.push(el("span", {}, `Showing the ${data.limit} most connected of ${byDegree.length} ` +
        "connected entities. Search for an entity to see it and its neighbours, or "));
      const all = el("button", { id: "show-all", type: "button" }, `show all ${byDegree.length}`);
      all.addEventListener("click", () => { capped = false; nodeView.refresh(); renderNotice(); });
      parts.push(all, el("span", {}, " (slow to lay out). "));
    }
    if (isolated) {
      const box = el("input", { type: "checkbox", id: "show-isolated" });
      box.checked = showIsolated;
      box.addEventListener("change", () => {
        showIsolated = box.checked;
        nodeView.refresh();
        renderList();
      });
      parts.push(el("label", { class: "inline" }, box,
        ` Show ${isolated} entit${isolated === 1 ? "y" : "ies"} with no statement`));
    }
    notice.replaceChildren(...parts);
    notice.hidden = parts.length === 0;
  }
  renderNotice();

  // Sentences with the two names highlighted -----------------------------------------
  function highlighted(edge) {
    const text = edge.sentence || "";
    const spans = [[edge.subject_span, "subject"], [edge.object_span, "object"]]
      .filter(([span]) => Array.isArray(span) && span[0] >= 0 && span[1] <= text.length)
      .sort((a, b) => a[0][0] - b[0][0]);
    const box = el("div", { class: "sentence" });
    let at = 0;
    for (const [[start, end], kind] of spans) {
      if (start < at) continue;  // overlapping names: keep the first
      box.append(text.slice(at, start), el("mark", { class: kind }, text.slice(start, end)));
      at = end;
    }
    box.append(text.slice(at));
    return box;
  }

  function statement(edge) {
    const from = byId.get(edge.from), to = byId.get(edge.to);
    return `${from ? from.label : edge.from} \u2014 ${edge.relation} \u2192 ${to ? to.label : edge.to}`;
  }

  function meta(edge) {
    const parts = [edge.document, edge.rule, edge.confidence !== undefined ? `confidence ${edge.confidence}` : "",
                   edge.start ? `${edge.start}${edge.end && edge.end !== edge.start ? " to " + edge.end : ""}` : ""];
    return el("p", { class: "meta" }, parts.filter(Boolean).join(" \u00b7 "));
  }

  const details = document.getElementById("details");
  function showNode(id) {
    const node = byId.get(id);
    if (!node) return;
    details.replaceChildren(
      el("h2", {}, node.label),
      el("p", { class: "meta" }, `${node.type} \u00b7 ${node.id}`));
    if (node.aliases.length) details.append(el("p", {}, "Also: " + node.aliases.join("; ")));
    if (node.documents.length) details.append(el("p", { class: "meta" }, "In: " + node.documents.join("; ")));
    const list = el("ul", { id: "statements" });
    for (const edge of data.edges) {
      if (edge.from !== id && edge.to !== id) continue;
      const item = el("li", { "data-edge": edge.id }, el("strong", {}, statement(edge)), highlighted(edge));
      item.addEventListener("click", () => select({ edge: edge.id }));
      list.append(item);
    }
    details.append(el("h2", {}, "Statements"), list.children.length ? list : el("p", { class: "meta" }, "None."));
  }
  function showEdge(id) {
    const edge = edgeById.get(id);
    if (!edge) return;
    details.replaceChildren(el("h2", {}, statement(edge)), highlighted(edge), meta(edge));
  }
  function select(target) {
    if (target.node && !nodeView.get(target.node)) {
      // Going to an entity not drawn: draw it and its neighbours.
      pinned.add(target.node);
      for (const other of neighbours.get(target.node) || []) pinned.add(other);
      nodeView.refresh();
      lastScale = null;
      legible();
    }
    if (target.node) {
      network.selectNodes([target.node]);
      network.focus(target.node, { scale: 1.1, animation: false });
      showNode(target.node);
    } else if (target.edge) {
      network.selectEdges([target.edge]);
      showEdge(target.edge);
    }
  }
  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // Search and lists ------------------------------------------------------------------
  const search = document.getElementById("search");
  const list = document.getElementById("entities");
  function renderList() {
    const query = search.value.trim().toLowerCase();
    const found = data.nodes.filter((n) => !hiddenTypes.has(n.group) && (!query ||
      n.label.toLowerCase().includes(query) || n.aliases.some((a) => a.toLowerCase().includes(query))));
    // The most connected first: what the picture is about, before the alphabet.
    found.sort((a, b) => degree.get(b.id) - degree.get(a.id) || a.label.localeCompare(b.label));
    list.replaceChildren(...found.slice(0, 200).map((n) => {
      const item = el("li", { "data-id": n.id },
        el("span", { class: `swatch ${style(n).shape}`, style: `background:${style(n).color}` }), n.label);
      item.addEventListener("click", () => select({ node: n.id }));
      return item;
    }));
  }
  search.addEventListener("input", renderList);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && list.firstChild) select({ node: list.firstChild.getAttribute("data-id") });
  });

  function checkboxes(containerId, counts, hidden, view, swatches) {
    const box = document.getElementById(containerId);
    for (const [name, count] of Object.entries(counts).sort((a, b) => b[1] - a[1])) {
      const input = el("input", { type: "checkbox", value: name });
      input.checked = true;
      input.addEventListener("change", () => {
        if (input.checked) hidden.delete(name); else hidden.add(name);
        view.refresh();
        renderList();
      });
      const swatch = swatches ? el("span", { class: `swatch ${swatches[name].shape}`,
                                            style: `background:${swatches[name].color}` }) : "";
      box.append(el("label", {}, input, swatch, name + " ", el("span", { class: "count" }, `(${count})`)));
    }
  }
  const typeCounts = {}, relationCounts = {};
  for (const n of data.nodes) typeCounts[n.group] = (typeCounts[n.group] || 0) + 1;
  for (const e of data.edges) relationCounts[e.relation] = (relationCounts[e.relation] || 0) + 1;
  checkboxes("types", typeCounts, hiddenTypes, nodeView, data.styles);
  checkboxes("relations", relationCounts, hiddenRelations, edgeView, null);
  renderList();

  // For scripts and tests: where a node is drawn, in page coordinates.
  window.docgraphView = {
    network,
    find(label) {
      const node = data.nodes.find((n) => n.label === label);
      if (!node) return null;
      const drawn = network.getPositions([node.id])[node.id];
      if (!drawn) return null;  // filtered out
      const point = network.canvasToDOM(drawn);
      const box = container.getBoundingClientRect();
      return { id: node.id, x: box.left + point.x, y: box.top + point.y };
    },
    select,
  };
})();
