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
  // data.limit of them only the most connected, until the reader asks for more. The
  // page's Python ranked them (most connected first) and laid them out.
  const degree = new Map(data.nodes.map((n) => [n.id, 0]));
  const neighbours = new Map(data.nodes.map((n) => [n.id, new Set()]));
  for (const e of data.edges) {
    degree.set(e.from, degree.get(e.from) + 1);
    degree.set(e.to, degree.get(e.to) + 1);
    neighbours.get(e.from).add(e.to);
    neighbours.get(e.to).add(e.from);
  }
  const connected = data.nodes.filter((n) => n.rank !== null).length;
  const isolated = data.nodes.length - connected;
  let showIsolated = false;
  let capped = connected > data.limit;
  const pinned = new Set();  // entities the reader went to, always drawn
  function drawn(n) {
    if (pinned.has(n.id)) return true;
    if (n.rank === null) return showIsolated;
    return !capped || n.rank < data.limit;
  }

  // No vis "group": its default colours would replace docgraph's on any setOptions. No
  // vis labels either: names and relations are drawn by the label layer below.
  const nodes = new vis.DataSet(data.nodes.map((n) => ({
    id: n.id, x: n.x, y: n.y, shape: style(n).shape,
    color: { background: style(n).color, border: "#333333",
             highlight: { background: style(n).color, border: "#000000" },
             hover: { background: style(n).color, border: "#000000" } },
    // Sized by how many statements an entity takes part in.
    size: 8 + 3 * Math.sqrt(degree.get(n.id)),
  })));
  const edges = new vis.DataSet(data.edges.map((e) => ({
    id: e.id, from: e.from, to: e.to, relation: e.relation })));
  const nodeView = new vis.DataView(nodes, {
    filter: (n) => !hiddenTypes.has(byId.get(n.id).group) && drawn(byId.get(n.id)) });
  const edgeView = new vis.DataView(edges, {
    filter: (e) => !hiddenRelations.has(e.relation) });
  const container = document.getElementById("graph");
  // The layout comes with the data: no physics, so the first frame is the picture.
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
    physics: false,
    layout: { improvedLayout: false },
    edges: { arrows: { to: { scaleFactor: 0.6 } }, color: { color: "#9aa3ad" },
             smooth: false },
    interaction: { hover: true, tooltipDelay: 100000 },
  });

  // The label layer ----------------------------------------------------------------------
  // Names and relations are drawn on the canvas after vis, at a fixed size on screen
  // whatever the zoom, each where it meets no other label and no entity and stays inside
  // the picture: the selected entity first (highlighted), then the one under the
  // pointer, the selected one's neighbours, the rest by rank, and last the relations.
  // What finds no room is not drawn; pointing at an entity or a relation shows it.
  const SIZE = { node: 13, edge: 11, selected: 15 };
  const FAMILY = getComputedStyle(document.body).fontFamily || "sans-serif";
  const GAP = 3, RING = 8;
  const IMPORTANT = 12;  // this many of the most connected are named if at all possible
  const hovered = { node: null, edge: null };
  let labels = [];  // what was drawn last, in the canvas's CSS pixels
  const widths = new Map();
  function font(kind) {
    return `${kind === "selected" ? "bold " : ""}${SIZE[kind]}px ${FAMILY}`;
  }
  function measure(ctx, text, kind) {
    const key = kind + "\u0000" + text;
    if (!widths.has(key)) {
      ctx.font = font(kind);
      widths.set(key, ctx.measureText(text).width);
    }
    return widths.get(key);
  }
  function short(text) {
    return text.length > 32 ? text.slice(0, 30) + "\u2026" : text;
  }
  // Boxes already taken, found through a grid of cells so that a busy picture stays fast.
  class Room {
    static CELL = 64;
    constructor(width, height) {
      this.width = width;
      this.height = height;
      this.cells = new Map();
    }
    *keys(b) {
      const cell = Room.CELL;
      for (let i = Math.floor(b.x / cell); i <= Math.floor((b.x + b.w) / cell); i++) {
        for (let j = Math.floor(b.y / cell); j <= Math.floor((b.y + b.h) / cell); j++) {
          yield i + "," + j;
        }
      }
    }
    // Whether a box is inside the picture and clear of every label, and of every entity
    // unless it may cover them.
    fits(b, overEntities) {
      if (b.x < 1 || b.y < 1 || b.x + b.w > this.width - 1 || b.y + b.h > this.height - 1) {
        return false;
      }
      for (const key of this.keys(b)) {
        for (const o of this.cells.get(key) || []) {
          if (o.owner === b.owner || (overEntities && o.entity)) continue;
          if (b.x < o.x + o.w + GAP && o.x < b.x + b.w + GAP &&
              b.y < o.y + o.h + GAP && o.y < b.y + b.h + GAP) return false;
        }
      }
      return true;
    }
    take(b) {
      for (const key of this.keys(b)) {
        if (!this.cells.has(key)) this.cells.set(key, []);
        this.cells.get(key).push(b);
      }
    }
  }
  function layLabels(ctx, width, height) {
    const ids = nodeView.getIds();
    const shown = new Set(ids);
    const scale = network.getScale();
    const where = network.getPositions(ids);
    const screen = new Map();
    const room = new Room(width, height);
    for (const id of ids) {
      const point = network.canvasToDOM(where[id]);
      const r = nodes.get(id).size * scale;
      screen.set(id, { x: point.x, y: point.y, r });
      if (point.x < -r || point.y < -r || point.x > width + r || point.y > height + r) continue;
      room.take({ x: point.x - r, y: point.y - r, w: 2 * r, h: 2 * r, owner: id, entity: true });
    }
    const [selected] = network.getSelectedNodes().filter((id) => shown.has(id));
    const first = [selected, hovered.node].filter((id) => id && shown.has(id));
    const near = selected ? [...neighbours.get(selected)].filter((id) => shown.has(id)) : [];
    const byRank = (a, b) => (byId.get(a).rank ?? Infinity) - (byId.get(b).rank ?? Infinity) ||
      (a < b ? -1 : 1);
    const order = [...new Set([...first, ...near.sort(byRank), ...[...ids].sort(byRank)])];
    const placed = [];
    const size = (kind) => SIZE[kind] * 1.25;
    // The names that matter most may cover other entities (never another name) when
    // there is no clear place for them.
    const important = new Set([...first, ...near,
                               ...order.filter((id) => byId.get(id).rank < IMPORTANT)]);
    for (const id of order) {
      const { x, y, r } = screen.get(id);
      if (x < 0 || y < 0 || x > width || y > height) continue;
      const kind = id === selected ? "selected" : "node";
      const whole = byId.get(id).label;
      const text = first.includes(id) ? whole : short(whole);
      // (Clear of the ring drawn around the selected entity.)
      const w = measure(ctx, text, kind), h = size(kind), d = r + GAP + (kind === "selected" ? RING : 0);
      // Below, above, right, left.
      const boxes = [[x - w / 2, y + d], [x - w / 2, y - d - h], [x + d, y - h / 2],
                     [x - d - w, y - h / 2]].map(([bx, by]) => ({ x: bx, y: by, w, h, owner: id }));
      const box = boxes.find((b) => room.fits(b, false)) ||
        (important.has(id) && boxes.find((b) => room.fits(b, true)));
      if (!box) continue;
      room.take(box);
      placed.push({ id, text, kind, ...box });
    }
    // One label for the relations between two entities, either way.
    const pairs = new Map();
    for (const id of edgeView.getIds()) {
      const e = edgeById.get(id);
      if (!shown.has(e.from) || !shown.has(e.to)) continue;
      const key = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
      if (!pairs.has(key)) pairs.set(key, { ends: [e.from, e.to], relations: new Set(), edges: [] });
      pairs.get(key).relations.add(e.relation);
      pairs.get(key).edges.push(id);
    }
    const pointed = (pair) => pair.edges.includes(hovered.edge);
    const touches = (pair) => pair.ends.includes(selected);
    const rankOf = (pair) => Math.min(...pair.ends.map((id) => byId.get(id).rank ?? Infinity));
    const relationOrder = [...pairs.values()].sort((a, b) => pointed(b) - pointed(a) ||
      touches(b) - touches(a) || rankOf(a) - rankOf(b));
    for (const pair of relationOrder) {
      const [a, b] = pair.ends.map((id) => screen.get(id));
      const text = [...pair.relations].sort().join(" \u00b7 ");
      const w = measure(ctx, text, "edge"), h = size("edge");
      for (const along of [0.5, 0.35, 0.65]) {
        const box = { x: a.x + (b.x - a.x) * along - w / 2, y: a.y + (b.y - a.y) * along - h / 2,
                      w, h, owner: pair.edges[0] };
        if (room.fits(box, false)) {
          room.take(box);
          placed.push({ id: pair.edges[0], text, kind: "edge", ...box });
          break;
        }
      }
    }
    return { placed, selected: selected && screen.get(selected) };
  }
  network.on("afterDrawing", (ctx) => {
    const canvas = ctx.canvas;
    const ratio = canvas.width / canvas.clientWidth || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const { placed, selected } = layLabels(ctx, canvas.clientWidth, canvas.clientHeight);
    if (selected) {  // a ring around the entity the reader went to
      ctx.beginPath();
      ctx.arc(selected.x, selected.y, selected.r + RING / 2, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#d55e00";
      ctx.stroke();
    }
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    for (const label of placed) {
      ctx.font = font(label.kind);
      if (label.kind === "selected") {
        ctx.fillStyle = "#ffe08a";
        ctx.fillRect(label.x - 2, label.y, label.w + 4, label.h);
      }
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255, 255, 255, 0.9)";
      ctx.strokeText(label.text, label.x, label.y + label.h / 2);
      ctx.fillStyle = label.kind === "edge" ? "#444444" : style(byId.get(label.id)).font || "#1d2329";
      ctx.fillText(label.text, label.x, label.y + label.h / 2);
    }
    ctx.restore();
    labels = placed;
  });
  network.on("hoverNode", (p) => { hovered.node = p.node; network.redraw(); });
  network.on("blurNode", () => { hovered.node = null; network.redraw(); });
  network.on("hoverEdge", (p) => { hovered.edge = p.edge; network.redraw(); });
  network.on("blurEdge", () => { hovered.edge = null; network.redraw(); });

  // The whole picture at first, never magnified beyond its own size, drawn at once.
  network.fit({ animation: false, maxZoomLevel: 1 });
  network.redraw();

  // What is left out, and how to see it ------------------------------------------------
  const notice = document.getElementById("notice");
  function renderNotice() {
    const parts = [];
    if (capped) {
      parts.push(el("span", {}, `Showing the ${data.limit} most connected of ${connected} ` +
        "connected entities. Search for an entity to see it and its neighbours, or "));
      const all = el("button", { id: "show-all", type: "button" }, `show all ${connected}`);
      all.addEventListener("click", () => { capped = false; nodeView.refresh(); renderNotice(); });
      parts.push(all, el("span", {}, ". "));
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
    const line = el("p", { class: "meta" }, parts.filter(Boolean).join(" \u00b7 "));
    // In a PDF: each page the sentence is on, a link that opens the file there with the
    // sentence's rectangle in view (RFC 3778 fragments, as PDF viewers read them).
    for (const fragment of edge.pages || []) {
      const page = /^page=(\d+)/.exec(fragment);
      line.append(" \u00b7 ", el("a", { class: "page", href: `${edge.document || ""}#${fragment}`,
                                        title: fragment }, page ? `page ${page[1]}` : fragment));
    }
    // In a Word document: the paragraph of word/document.xml the sentence is in.
    for (const path of edge.paragraphs || []) {
      const paragraph = /w:p(\[\d+\])?$/.exec(path);
      line.append(" \u00b7 ", el("span", { class: "paragraph", title: path },
                                 paragraph ? `paragraph ${path.replace(/^\/w:document\/w:body\//, "")}` : path));
    }
    return line;
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
    }
    if (target.node) {
      network.selectNodes([target.node]);
      goTo(target.node);
      showNode(target.node);
    } else if (target.edge) {
      network.selectEdges([target.edge]);
      showEdge(target.edge);
    }
    network.redraw();  // now, so that what a script reads next is what is shown
  }
  // Show an entity with its neighbours around it, magnified a little at most (names keep
  // their size, entities grow with the zoom), and itself always in view.
  function goTo(id) {
    const shown = new Set(nodeView.getIds());
    const group = [id, ...[...neighbours.get(id)].filter((other) => shown.has(other))];
    network.fit({ nodes: group, animation: false, minZoomLevel: 0.02, maxZoomLevel: 1 });
    const point = network.canvasToDOM(network.getPositions([id])[id]);
    const { clientWidth: width, clientHeight: height } = container;
    if (point.x < 40 || point.y < 40 || point.x > width - 40 || point.y > height - 40) {
      network.moveTo({ position: network.getPositions([id])[id], animation: false });
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
    // The names and relations drawn now, in page coordinates, with their font size in
    // CSS pixels.
    labels() {
      const box = container.querySelector("canvas").getBoundingClientRect();
      return labels.map((l) => ({ id: l.id, text: l.text, kind: l.kind, size: SIZE[l.kind],
                                  x: box.left + l.x, y: box.top + l.y, width: l.w, height: l.h }));
    },
  };
  window.docgraphReady = true;
})();
