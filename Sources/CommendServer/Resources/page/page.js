// The ranking page of `commend serve`: the plan from /v1/plan, a phase's
// rankings and lists from POST /v1/evaluate, a subject's explanation from
// POST /v1/explain. Query parameters (?phase=&decl=&subject=) pick them on load.
"use strict";

const state = { plan: null, result: null, declaration: null };
const $ = (id) => document.getElementById(id);
const ROW_CAP = 400;

function showError(message) {
  const box = $("errors");
  box.hidden = false;
  box.textContent += message + "\n";
  document.body.dataset.state = "error";
}
window.addEventListener("error", (e) => showError("error: " + e.message));
window.addEventListener("unhandledrejection", (e) => showError("error: " + (e.reason && e.reason.message || e.reason)));

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const num = (x) => (x === null || x === undefined ? "—" : number.format(x));

async function api(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) {
    const e = json.error || {};
    throw new Error((e.file ? e.file + (e.line ? ":" + e.line : "") + ": " : "") + (e.message || response.status));
  }
  return json;
}

function fillDeclarations() {
  const phase = $("phase").value;
  const select = $("declaration");
  const previous = select.value;
  select.replaceChildren();
  for (const d of state.plan.declarations.filter((d) => d.phases.includes(phase))) {
    const label = (d.kind === "scoring" ? "Bảng điểm: " : "Danh hiệu: ") + d.name;
    select.append(el("option", { value: d.id }, label));
  }
  if ([...select.options].some((o) => o.value === previous)) select.value = previous;
}

async function load() {
  const params = new URLSearchParams(location.search);
  state.plan = await api("/v1/plan");
  $("plan-name").textContent = state.plan.name;
  $("plan-info").textContent = `Kế hoạch ${state.plan.id}, năm ${state.plan.year} · quy tắc ${state.plan.rules_digest.slice(0, 19)}…`;
  for (const p of state.plan.phases) $("phase").append(el("option", { value: p.id }, p.name));
  if (params.get("phase")) $("phase").value = params.get("phase");
  fillDeclarations();
  if (params.get("decl")) $("declaration").value = params.get("decl");
  $("phase").addEventListener("change", () => { fillDeclarations(); evaluate(); });
  $("declaration").addEventListener("change", () => evaluate());
  $("filter").addEventListener("input", () => render());
  if (!state.plan.has_data) {
    $("status").textContent = "Máy chủ chưa có thư mục dữ liệu (--data): trang cần dữ liệu để xếp hạng.";
    document.body.dataset.state = "no-data";
    return;
  }
  await evaluate();
  if (params.get("subject")) await explain(params.get("subject"));
}

async function evaluate() {
  const phase = $("phase").value, id = $("declaration").value;
  if (!id) return;
  $("status").textContent = "Đang tính…";
  document.body.dataset.state = "loading";
  const result = await api("/v1/evaluate", { phase, awards: [id] });
  state.result = result;
  state.declaration = result.awards.find((a) => a.id === id) || result.scorings.find((s) => s.id === id);
  render();
  document.body.dataset.state = "ready";
}

function groupsOf(results, key) {
  const groups = new Map();
  for (const r of results) {
    const g = key(r) ?? "—";
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(r);
  }
  return groups;
}

function render() {
  const d = state.declaration, section = $("ranking");
  section.replaceChildren();
  if (!d) return;
  const filter = $("filter").value.trim().toLowerCase();
  const results = d.results.filter((r) => !filter || r.subject.toLowerCase().includes(filter) || r.name.toLowerCase().includes(filter));
  let shown = 0;
  const kind = state.plan.declarations.find((x) => x.id === d.id).kind;
  if (kind === "scoring") {
    // The item columns: the scoring's items, or (result schema 1) the first result's.
    const items = d.items || (d.results[0] ? d.results[0].items : []);
    for (const [group, rows] of groupsOf(results, (r) => r.group)) {
      if (shown >= ROW_CAP) break;
      section.append(el("h2", {}, `${d.name} · cụm ${group}`));
      const head = el("tr", {}, el("th", { class: "num" }, "Hạng"), el("th", {}, "Đơn vị"),
        ...items.map((item) => el("th", { class: "num", title: item.text || "" }, item.id)),
        el("th", { class: "num" }, "Thưởng"), el("th", { class: "num" }, "Trừ"),
        el("th", { class: "num" }, "Tổng"), el("th", {}, "Xếp loại"));
      const body = el("tbody");
      for (const r of rows.slice(0, ROW_CAP - shown)) {
        const points = new Map(r.items.map((i) => [i.id, i.points]));
        body.append(row(r.subject, el("td", { class: "num" }, r.rank), el("td", {}, `${r.name} (${r.subject})`),
          ...items.map((item) => el("td", { class: "num" }, num(points.get(item.id)))),
          el("td", { class: "num" }, num(r.bonus)), el("td", { class: "num" }, num(r.penalty)),
          el("td", { class: "num" }, num(r.total)), el("td", {}, r.grade ?? "—")));
        shown++;
      }
      section.append(el("table", { class: "ranking" }, el("thead", {}, head), body));
    }
  } else {
    const counts = d.counts || {   // result schema 1 has no counts
      considered: d.results.length,
      eligible: d.results.filter((r) => r.eligible).length,
      awarded: d.results.filter((r) => r.awarded).length,
    };
    section.append(el("h2", {}, `${d.name}: ${counts.awarded} được khen / ${counts.eligible} đủ điều kiện / ${counts.considered} xét`));
    for (const [group, rows] of groupsOf(results, (r) => r.quota ? r.quota.group : null)) {
      if (shown >= ROW_CAP) break;
      if (group !== "—") section.append(el("h2", {}, `Nhóm ${group}`));
      const head = el("tr", {}, el("th", {}, "Mã"), el("th", {}, "Họ tên / đơn vị"), el("th", {}, "Đủ điều kiện"),
        el("th", {}, "Được khen"), el("th", { class: "num" }, "Thứ tự"), el("th", {}, "Tiêu chí chưa đạt"));
      const body = el("tbody");
      for (const r of rows.slice(0, ROW_CAP - shown)) {
        const failed = r.criteria.filter((c) => !c.passed).map((c) => c.id).join(", ");
        body.append(row(r.subject, el("td", {}, r.subject), el("td", {}, r.name),
          el("td", { class: r.eligible ? "yes" : "no" }, r.eligible ? "Có" : "Không"),
          el("td", { class: r.awarded ? "yes" : "no" }, r.awarded ? "Có" : "Không"),
          el("td", { class: "num" }, r.quota ? `${r.quota.place}/${r.quota.limit ?? "∞"}` : "—"),
          el("td", {}, failed || "—")));
        shown++;
      }
      section.append(el("table", { class: "ranking" }, el("thead", {}, head), body));
    }
  }
  $("status").textContent = results.length > shown
    ? `Hiển thị ${shown} trên ${results.length} kết quả; lọc để xem thêm. Bấm một dòng để xem giải thích.`
    : `${results.length} kết quả. Bấm một dòng để xem giải thích.`;
}

function row(subject, ...cells) {
  const tr = el("tr", { "data-subject": subject }, ...cells);
  tr.addEventListener("click", () => explain(subject));
  return tr;
}

async function explain(subject) {
  for (const tr of document.querySelectorAll("tr.picked")) tr.classList.remove("picked");
  for (const tr of document.querySelectorAll(`tr[data-subject="${CSS.escape(subject)}"]`)) tr.classList.add("picked");
  const x = await api("/v1/explain", { phase: $("phase").value, subject });
  const box = $("explanation");
  box.hidden = false;
  box.replaceChildren(el("h2", {}, `${x.name ?? x.subject} (${x.subject})`),
    el("p", { class: "muted" }, `${x.phase.name} · ${x.kind === "unit" ? "tập thể" : "cá nhân"}`));
  for (const a of x.awards) {
    box.append(el("h3", {}, `${a.name}: `, el("span", { class: a.awarded ? "yes" : "no" },
      a.awarded ? "được khen" : a.eligible ? "đủ điều kiện, chưa được khen" : "chưa đủ điều kiện")));
    box.append(el("ul", { class: "criteria" }, ...a.criteria.map((c) => el("li", { class: c.passed ? "yes" : "no" },
      `${c.passed ? "✔" : "✘"} ${c.text}`, c.detail ? el("span", { class: "detail" }, ` — ${c.detail}`) : null))));
    if (a.quota) {
      box.append(el("p", {}, `Hạn mức: thứ ${a.quota.place} trên ${a.quota.eligible} người đủ điều kiện` +
        (a.quota.group ? ` của nhóm ${a.quota.group}` : "") + `, được ${a.quota.limit ?? "không giới hạn"} (cơ sở ${a.quota.base}).`));
    }
  }
  for (const s of x.scorings) {
    box.append(el("h3", {}, `${s.name}: ${num(s.total)} điểm, hạng ${s.rank}/${s.group_size}` + (s.grade ? `, ${s.grade}` : "")));
    box.append(el("ul", { class: "items" }, ...s.items.map((i) => el("li", {},
      `${i.text}: ${num(i.points)}/${num(i.max)}`, i.clamped ? el("span", { class: "detail" }, ` (tính được ${num(i.raw)}, giới hạn)`) : null,
      i.detail ? el("span", { class: "detail" }, ` — ${i.detail}`) : null))));
    if (s.bonus) box.append(el("p", {}, `Điểm thưởng: +${num(s.bonus.points)}`));
    if (s.penalty) box.append(el("p", {}, `Điểm trừ: −${num(s.penalty.points)}`));
  }
  if (!x.awards.length && !x.scorings.length) box.append(el("p", {}, "Không có danh hiệu hay bảng điểm nào của đợt này áp dụng."));
  document.body.dataset.explained = x.subject;
}

load().catch((e) => showError(e.message));
