// The import report: the row counts a person checks first, the fill profile as bars (source column vs what
// was imported, hollow columns called out) and the CSV downloads.

import { fmtNumber, fmtPercent, h } from "./dom.js";

/** Numbers every report shows: total, valid (no invalid cell) and invalid rows. */
export function reportNumbers(report) {
  const total = report.totalRows ?? 0;
  const invalid = report.invalidCellCount ?? 0;
  return { total, invalid, valid: Math.max(0, total - invalid) };
}

function number(term, value, testid) {
  return h("div", { class: "stat" }, h("dt", {}, term), h("dd", { "data-testid": testid }, fmtNumber(value)));
}

function bar(kind, side) {
  if (!side) {
    return h("td", { class: "profile-cell" }, h("span", { class: "muted" }, kind === "output" ? "not imported" : "—"));
  }
  const total = side.total || 0;
  const filled = side.filled || 0;
  const fill = h("span", { class: `bar-fill bar-${kind}` });
  fill.style.width = total ? `${Math.min(100, (filled / total) * 100)}%` : "0%";
  return h(
    "td",
    { class: "profile-cell" },
    h("span", { class: "bar", "aria-hidden": "true", "data-testid": `profile-bar-${kind}` }, fill),
    h("span", { class: "bar-text" }, `${fmtNumber(filled)} of ${fmtNumber(total)} filled (${fmtPercent(filled, total)})`),
  );
}

function profileTable(profile) {
  const warnings = profile.warnings || [];
  const hollow = new Set(warnings.map((w) => `${w.template}|${w.column ?? ""}|${w.sourceColumn ?? ""}`));
  const isHollow = (c) =>
    hollow.has(`${c.template}|${c.column ?? ""}|`) || (!c.column && hollow.has(`${c.template}||${c.source?.column ?? ""}`));
  const rows = (profile.columns || []).map((c) => {
    const flagged = isHollow(c);
    const name = c.column || `(${c.source?.column ?? "?"})`;
    return h(
      "tr",
      { class: flagged ? "hollow" : null, "data-testid": "profile-row", "data-column": c.column || c.source?.column || "", "data-hollow": flagged ? "true" : "false" },
      h(
        "th",
        { scope: "row" },
        h("span", { class: "col-name" }, name),
        c.source?.column && c.column ? h("span", { class: "muted" }, ` from ${c.source.column}`) : null,
        flagged ? h("span", { class: "badge badge-warn" }, c.column ? "Hollow" : "Not imported") : null,
      ),
      bar("source", c.source),
      bar("output", c.output),
    );
  });
  return h(
    "figure",
    { class: "profile", "data-testid": "profile" },
    h("figcaption", {}, "Fill profile: filled cells per column, in the source file and after the import"),
    h(
      "table",
      { class: "profile-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Column"), h("th", { scope: "col" }, "Source"), h("th", { scope: "col" }, "Imported"))),
      h("tbody", {}, rows),
    ),
  );
}

/**
 * The report section. `downloads`: [{label, filter, href?, onClick?}] — a link with the URL when it can carry
 * the token, else a button that fetches the CSV with the header.
 */
export function renderReport(report, { downloads = [], heading = "Import report", level = 3 } = {}) {
  const numbers = reportNumbers(report);
  const profile = report.profile;
  const warnings = (profile && profile.warnings) || [];
  return h(
    "div",
    { class: "report", "data-testid": "report" },
    h(`h${level}`, {}, heading),
    h(
      "dl",
      { class: "stats", "data-testid": "report-numbers" },
      number("Total rows", numbers.total, "report-total"),
      number("Valid rows", numbers.valid, "report-valid"),
      number("Rows with an invalid cell", numbers.invalid, "report-invalid"),
    ),
    (report.templates || []).length
      ? h("ul", { class: "plain" }, report.templates.map((t) => h("li", {}, `${t.templateName}: ${fmtNumber(t.rowCount)} rows`)))
      : null,
    warnings.length
      ? h(
          "div",
          { class: "callout warn", "data-testid": "profile-warnings" },
          h("p", {}, h("strong", {}, "Check these columns: "), "the import filled them much less than the source did."),
          h("ul", {}, warnings.map((w) => h("li", {}, w.message))),
        )
      : null,
    profile ? profileTable(profile) : h("p", { class: "muted" }, "No fill profile for this import."),
    downloads.length
      ? h(
          "div",
          { class: "downloads" },
          h(`h${level + 1}`, {}, "Download"),
          h("ul", { class: "plain row" }, downloads.map((d) => h("li", {}, downloadControl(d)))),
        )
      : null,
  );
}

function downloadControl(d) {
  const testid = `download-${d.filter}`;
  if (d.href) return h("a", { class: "button-link", href: d.href, download: d.filename || "", "data-testid": testid }, d.label);
  return h("button", { type: "button", class: "secondary", "data-testid": testid, onclick: d.onClick }, d.label);
}

/** Save a Blob as a file (a download started from script, when no link can carry the token). */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: filename });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
