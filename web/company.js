// <ferry-importer company-id=…>: a company's imports; one opened shows its progress, its report and, when
// parked in needs_attention, the questions with the proposed patch to approve (with overrides) or reject.

import { ACTIVE, pollUntil } from "./api.js";
import { fill, fmtTime, h, plural, uid } from "./dom.js";
import { reviewForm } from "./questions.js";
import { renderReport, saveBlob } from "./report.js";

const STATUS_TEXT = {
  queued: "Queued",
  running: "Running",
  needs_attention: "Needs a decision",
  completed: "Completed",
  failed: "Failed",
  canceled: "Canceled",
};

export class CompanyView {
  constructor(ctx, companyId, importId) {
    this.ctx = ctx;
    this.client = ctx.client;
    this.companyId = companyId;
    this.openId = importId || null;
    this.build();
  }

  path(suffix = "") {
    return `/v1/companies/${encodeURIComponent(this.companyId)}/imports${suffix}`;
  }

  build() {
    const listHeading = uid("h");
    const detailHeading = uid("h");
    this.list = h("ul", { class: "plain", "data-testid": "import-list", "aria-label": "Imports" });
    this.detailTitle = h("h3", { id: detailHeading }, "Import");
    this.detail = h("div", { "data-testid": "import-detail" });
    fill(
      this.ctx.root,
      h("header", {}, h("h2", { "data-testid": "title" }, `Imports for ${this.companyId}`)),
      h(
        "section",
        { class: "panel", "aria-labelledby": listHeading },
        h("div", { class: "row" }, h("h3", { id: listHeading }, "Imports, newest first"), h("button", { type: "button", class: "secondary", "data-testid": "refresh-imports", onclick: () => this.load().catch((e) => this.ctx.fail(e)) }, "Refresh")),
        this.list,
      ),
      h("section", { class: "panel", "aria-labelledby": detailHeading }, this.detailTitle, this.detail),
    );
  }

  async load() {
    const page = await this.client.get(this.path(), { limit: 50 }, this.ctx.signal);
    const runs = page.runs || [];
    fill(
      this.list,
      runs.length
        ? runs.map((r) =>
            h(
              "li",
              { "data-testid": "import-item", "data-run-id": r.run_id },
              h("button", { type: "button", class: "secondary", onclick: () => this.open(r.run_id).catch((e) => this.ctx.fail(e)) }, `Open import of ${fmtTime(r.created_at)}`),
              h("span", { class: `badge ${r.status === "needs_attention" ? "badge-warn" : r.status === "failed" ? "badge-bad" : "badge-good"}` }, STATUS_TEXT[r.status] || r.status),
              h("span", { class: "muted" }, ` ${r.run_id}`),
            ),
          )
        : h("li", { class: "muted" }, "No import for this company yet."),
    );
    const target = this.openId || runs[0]?.run_id;
    if (target) await this.open(target);
    else this.ctx.setStatus(`No import for ${this.companyId} yet.`);
  }

  async open(runId) {
    this.openId = runId;
    const opened = (this.opened = (this.opened || 0) + 1); // a later open wins over a poll still running
    const current = () => opened === this.opened;
    this.detailTitle.textContent = `Import ${runId}`;
    let run = await this.client.get(this.path(`/${encodeURIComponent(runId)}`), undefined, this.ctx.signal);
    if (current()) this.render(run);
    if (ACTIVE.has(run.status)) {
      run = await pollUntil(
        async () => {
          const latest = await this.client.get(this.path(`/${encodeURIComponent(runId)}`), undefined, this.ctx.signal);
          if (latest.progress_message && current()) this.ctx.setStatus(latest.progress_message);
          return latest;
        },
        (latest) => !current() || !ACTIVE.has(latest.status),
        { signal: this.ctx.signal, timeoutMs: 3600000 },
      );
      if (current()) this.render(run);
    }
  }

  render(run) {
    const { setStatus } = this.ctx;
    const children = [h("p", { "data-testid": "import-status" }, `Status: ${STATUS_TEXT[run.status] || run.status}`)];
    if (ACTIVE.has(run.status)) {
      children.push(h("p", {}, run.progress_message || "Working…"));
      setStatus(run.progress_message || `Import ${STATUS_TEXT[run.status].toLowerCase()}.`);
    }
    if (run.status === "needs_attention" && run.needs_attention) {
      children.push(reviewForm(run.needs_attention, { onDecide: (decision, answers) => this.decide(run.run_id, decision, answers) }));
      const count = run.needs_attention.questions?.length || 0;
      setStatus(`The import needs a decision: ${plural(count, "question")}.`);
    }
    if (run.status === "failed") {
      children.push(h("p", { class: "callout bad" }, `The import failed: ${run.error}`));
      setStatus(`The import failed: ${run.error}`, { error: true });
    }
    if (run.status === "completed") setStatus("The import completed.");
    if (run.status === "canceled") setStatus("The import was canceled.");
    if (run.report) children.push(renderReport(run.report, { downloads: run.status === "completed" ? this.downloads(run) : [] }));
    fill(this.detail, children);
  }

  downloads(run) {
    const exportPath = this.path(`/${encodeURIComponent(run.run_id)}/export`);
    const sheets = (run.report.templates || []).map((t) => t.sheetId);
    const items = [];
    for (const sheetId of sheets.length ? sheets : [null]) {
      for (const filter of ["valid", "invalid"]) {
        const params = sheetId ? { template: sheetId, filter } : { filter };
        const filename = `${sheetId || "rows"}.${filter}.csv`;
        items.push({
          label: `${filter === "valid" ? "Valid" : "Invalid"} rows${sheets.length > 1 ? ` of ${sheetId}` : ""} (CSV)`,
          filter,
          filename,
          href: this.client.linkUrl(exportPath, params),
          onClick: () => this.client.blob(exportPath, params, this.ctx.signal).then((blob) => saveBlob(blob, filename)).catch((e) => this.ctx.fail(e)),
        });
      }
    }
    return items;
  }

  async decide(runId, decision, answers) {
    const body = answers.length ? { decision, answers } : { decision };
    try {
      await this.client.post(this.path(`/${encodeURIComponent(runId)}/decisions`), body, this.ctx.signal);
      this.ctx.setStatus(decision === "approve" ? "Approved: applying the patch and importing again…" : "Rejected.");
      await this.open(runId);
      await this.refreshList();
    } catch (error) {
      this.ctx.fail(error);
    }
  }

  async refreshList() {
    const keep = this.openId;
    const page = await this.client.get(this.path(), { limit: 50 }, this.ctx.signal);
    for (const r of page.runs || []) {
      const item = this.list.querySelector(`[data-run-id="${CSS.escape(r.run_id)}"] .badge`);
      if (item) item.textContent = STATUS_TEXT[r.status] || r.status;
    }
    this.openId = keep;
  }
}
