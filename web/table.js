// A virtualised, accessible table: only the rows in view (plus a few) are in the DOM, positioned inside a
// body as tall as every row, so thousands of rows scroll smoothly. ARIA table roles with aria-rowcount and
// aria-rowindex tell assistive technology the real size and where each rendered row sits. A flagged cell
// carries its error three ways: a `title` (hover), visually hidden text (screen readers) and data-error.

import { fmtNumber, h, uid } from "./dom.js";

const ROW_HEIGHT = 34; // px; every row has this height, so a row's position is index * ROW_HEIGHT
const OVERSCAN = 8;

function cellText(value) {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Pixel widths from the header and a sample of values (fixed widths keep rows aligned while scrolling). */
function columnWidths(columns, rows) {
  return columns.map((column, index) => {
    let longest = column.length;
    for (let i = 0; i < Math.min(rows.length, 200); i += 1) {
      longest = Math.max(longest, cellText(rows[i].cells[index]).length);
    }
    return Math.max(90, Math.min(300, longest * 9 + 36));
  });
}

export class VirtualTable {
  /**
   * label: the table's accessible name; rows: [{n, cells: [..], errors: {columnIndex: message}}];
   * totalRows: rows the data stands for (shown in aria-rowcount when only flagged rows are shown it is rows.length).
   */
  constructor({ label, testid = "data-table", height = 420 }) {
    this.label = label;
    this.columns = [];
    this.rows = [];
    this.first = -1;
    this.last = -1;
    this.frame = 0;
    this.table = h("div", { role: "table", class: "vt-table", "aria-label": label, "data-testid": testid });
    this.head = h("div", { role: "rowgroup", class: "vt-head" });
    this.body = h("div", { role: "rowgroup", class: "vt-body" });
    this.table.append(this.head, this.body);
    this.scroller = h(
      "div",
      { class: "vt-scroll", tabindex: "0", role: "region", "aria-label": `${label} (scrollable)`, "data-testid": `${testid}-scroll` },
      this.table,
    );
    this.scroller.style.maxHeight = `${height}px`;
    this.scroller.addEventListener("scroll", () => this.schedule(), { passive: true });
    this.el = this.scroller;
  }

  setData(columns, rows) {
    // Widths come from the first data the columns are shown with, so filtering rows does not reflow them.
    if (columns !== this.columns || !this.widths) this.widths = columnWidths(columns, rows);
    this.columns = columns;
    this.rows = rows;
    const widths = this.widths;
    const template = ["4.5rem", ...widths.map((w) => `${w}px`)].join(" ");
    this.table.style.setProperty("--vt-columns", template);
    this.table.setAttribute("aria-rowcount", String(rows.length + 1));
    this.table.setAttribute("aria-colcount", String(columns.length + 1));
    const header = h(
      "div",
      { role: "row", class: "vt-row vt-header-row", "aria-rowindex": "1" },
      h("div", { role: "columnheader", class: "vt-cell vt-rownum", "aria-colindex": "1" }, "Row"),
      columns.map((column, i) =>
        h("div", { role: "columnheader", class: "vt-cell", "aria-colindex": String(i + 2), title: column }, column),
      ),
    );
    this.head.replaceChildren(header);
    this.body.style.height = `${Math.max(1, rows.length) * ROW_HEIGHT}px`;
    this.first = -1;
    this.last = -1;
    this.headHeight = 0;
    this.scroller.scrollTop = 0;
    this.render();
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  render() {
    if (!this.rows.length) {
      this.body.replaceChildren(
        h("div", { role: "row", class: "vt-row", "aria-rowindex": "2" },
          h("div", { role: "cell", class: "vt-cell vt-empty", "aria-colindex": "1" }, "No rows to show.")),
      );
      return;
    }
    if (!this.headHeight) this.headHeight = this.head.offsetHeight;
    const top = Math.max(0, this.scroller.scrollTop - (this.headHeight || ROW_HEIGHT));
    const viewport = this.scroller.clientHeight || 420;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((top + viewport) / ROW_HEIGHT) + OVERSCAN);
    if (first === this.first && last === this.last) return;
    if (this.first < 0 || first >= this.last || last <= this.first) {
      // A jump: build the window afresh.
      const fragment = document.createDocumentFragment();
      for (let index = first; index < last; index += 1) fragment.append(this.renderRow(index));
      this.body.replaceChildren(fragment);
    } else {
      // A scroll: only the rows entering or leaving change, and the DOM stays in row order (reading order).
      const children = this.body.children;
      for (let n = Math.max(0, first - this.first); n > 0; n -= 1) children[0].remove();
      for (let n = Math.max(0, this.last - last); n > 0; n -= 1) children[children.length - 1].remove();
      if (first < this.first) {
        const fragment = document.createDocumentFragment();
        for (let index = first; index < this.first; index += 1) fragment.append(this.renderRow(index));
        this.body.prepend(fragment);
      }
      if (last > this.last) {
        const fragment = document.createDocumentFragment();
        for (let index = this.last; index < last; index += 1) fragment.append(this.renderRow(index));
        this.body.append(fragment);
      }
    }
    this.first = first;
    this.last = last;
  }

  renderRow(index) {
    const row = this.rows[index];
    const flagged = row.errors && Object.keys(row.errors).length > 0;
    const el = h("div", {
      role: "row",
      class: flagged ? "vt-row vt-flagged-row" : "vt-row",
      "aria-rowindex": String(index + 2),
      "data-row": String(row.n),
    });
    el.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    el.append(h("div", { role: "rowheader", class: "vt-cell vt-rownum", "aria-colindex": "1" }, fmtNumber(row.n)));
    this.columns.forEach((column, i) => {
      const text = cellText(row.cells[i]);
      const error = row.errors ? row.errors[i] : undefined;
      if (error === undefined) {
        el.append(h("div", { role: "cell", class: "vt-cell", "aria-colindex": String(i + 2), title: text || null }, text));
        return;
      }
      const message = `Invalid ${column}: ${error}`;
      el.append(
        h(
          "div",
          {
            role: "cell",
            class: "vt-cell vt-flagged",
            "aria-colindex": String(i + 2),
            title: text ? `${message} (value: ${text})` : message,
            "data-testid": "flagged-cell",
            "data-column": column,
            "data-error": error,
          },
          h("span", { class: "vt-mark", "aria-hidden": "true" }, "!"),
          h("span", { class: "vt-value" }, text || "(empty)"),
          h("span", { class: "sr-only" }, `, ${message}`),
        ),
      );
    });
    return el;
  }

  /** Scroll so that the row at `index` (in the current data) is in view. */
  scrollToIndex(index) {
    this.scroller.scrollTop = index * ROW_HEIGHT;
    this.render();
  }
}

/** Table rows from a preview sheet: its sample rows with errors attached by row (1-based) and column. */
export function previewRows(sheet) {
  const columns = sheet.columns || [];
  const position = new Map(columns.map((c, i) => [c, i]));
  const errors = new Map();
  for (const e of sheet.errors || []) {
    const i = position.get(e.column);
    if (i === undefined) continue;
    const byColumn = errors.get(e.row) || {};
    byColumn[i] = byColumn[i] ? `${byColumn[i]}; ${e.error}` : e.error;
    errors.set(e.row, byColumn);
  }
  return (sheet.rows || []).map((row, index) => ({
    n: index + 1,
    cells: columns.map((c) => row[c]),
    errors: errors.get(index + 1) || null,
  }));
}

/** Table rows from an `all` export: `_row` numbers the row, `_errors` reads "column: rule; column: rule". */
export function exportRows(csvText) {
  const records = parseCsv(csvText);
  if (!records.length) return { columns: [], rows: [] };
  const header = records[0];
  const rowAt = header.indexOf("_row");
  const errorsAt = header.indexOf("_errors");
  const keep = header.map((_, i) => i).filter((i) => i !== rowAt && i !== errorsAt);
  const columns = keep.map((i) => header[i]);
  const position = new Map(columns.map((c, i) => [c, i]));
  const rows = [];
  for (let r = 1; r < records.length; r += 1) {
    const record = records[r];
    if (record.length === 1 && record[0] === "") continue;
    let errors = null;
    const text = errorsAt >= 0 ? record[errorsAt] || "" : "";
    for (const part of text.split(";")) {
      const [column, ...rule] = part.split(":");
      const i = position.get((column || "").trim());
      if (i === undefined) continue;
      errors = errors || {};
      errors[i] = rule.join(":").trim() || "invalid";
    }
    rows.push({ n: rowAt >= 0 ? Number(record[rowAt]) || r : r, cells: keep.map((i) => record[i]), errors });
  }
  return { columns, rows };
}

/** RFC 4180 CSV (quotes, doubled quotes, CR/LF inside quotes). */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A table section: heading, a count of flagged cells, an "only flagged rows" switch and the table. */
export function tableBlock({ title, label, testid, columns, rows, note }) {
  const table = new VirtualTable({ label, testid });
  const flaggedRows = rows.filter((r) => r.errors);
  const flaggedCells = flaggedRows.reduce((n, r) => n + Object.keys(r.errors).length, 0);
  const onlyId = uid("only");
  const only = h("input", { type: "checkbox", id: onlyId, "data-testid": `${testid}-only-flagged` });
  only.addEventListener("change", () => table.setData(columns, only.checked ? flaggedRows : rows));
  const count = h(
    "p",
    { class: "flag-count", "data-testid": `${testid}-flagged-count` },
    flaggedCells
      ? `${fmtNumber(flaggedCells)} flagged ${flaggedCells === 1 ? "cell" : "cells"} in ${fmtNumber(flaggedRows.length)} ${flaggedRows.length === 1 ? "row" : "rows"}`
      : "No flagged cells",
    note ? ` ${note}` : "",
  );
  const block = h(
    "div",
    { class: "table-block" },
    title ? h("h4", {}, title) : null,
    count,
    flaggedRows.length
      ? h("div", { class: "inline-field" }, only, h("label", { for: onlyId }, "Show only rows with a flagged cell"))
      : null,
    table.el,
    flaggedRows.length
      ? h("p", { class: "hint" }, "Flagged cells are outlined in red; hover a cell, or read it with a screen reader, for its error.")
      : null,
  );
  // Rendering needs the scroller's size: render once the block is in the document.
  requestAnimationFrame(() => table.setData(columns, rows));
  table.setData(columns, rows);
  return { block, table };
}
