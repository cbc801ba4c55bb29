// <ferry-importer migration-id=…>: upload, generate, answer, review the preview and its mappings, refine it
// in a chat (update / clarify), compare versions, execute, read the report and download the rows.

import { ACTIVE, ApiError, followRun, runPath } from "./api.js";
import { fill, fmtNumber, fmtPercent, fmtTime, h, plural, uid } from "./dom.js";
import { runQuestionsForm } from "./questions.js";
import { renderReport, saveBlob } from "./report.js";
import { exportRows, previewRows, tableBlock } from "./table.js";
import { filesPath, uploadFile, waitForIngestion } from "./upload.js";

const RESULTS_MAX_ROWS = 100000;
const KIND_LABEL = { generate: "Generating the preview", update: "Changing the mapping", clarify: "Answering", execute: "Importing" };

function panel(title, testid, ...children) {
  const headingId = uid("h");
  return h("section", { class: "panel", "aria-labelledby": headingId, "data-testid": testid }, h("h3", { id: headingId }, title), children);
}

function opsText(transform) {
  if (!Array.isArray(transform) || !transform.length) return "";
  return transform
    .filter((op) => op && op.op && !["trim", "null_tokens"].includes(op.op))
    .map((op) => {
      const args = Object.entries(op).filter(([k, v]) => k !== "op" && v !== null && typeof v !== "object");
      return args.length ? `${op.op}(${args.map(([k, v]) => `${k}=${v}`).join(", ")})` : op.op;
    })
    .join(" → ");
}

/** "/templates/0/fields/3/ops/2/region" -> "Contacts › phone › step 3 › region", from the recipe. */
export function describePath(recipe, path) {
  const parts = path.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const words = [];
  let node = recipe;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    const parent = node;
    node = node && typeof node === "object" ? node[part] : undefined;
    if (parts[i - 1] === "templates" && parent) words.push(node?.sheet_id || `template ${Number(part) + 1}`);
    else if (parts[i - 1] === "fields" && parent) words.push(node?.field || `field ${Number(part) + 1}`);
    else if (parts[i - 1] === "ops" && parent) words.push(`step ${Number(part) + 1}${node?.op ? ` (${node.op})` : ""}`);
    else if (!["templates", "fields", "ops"].includes(part)) words.push(part);
  }
  return words.join(" › ") || path;
}

function valueText(value) {
  if (value === null || value === undefined) return "nothing";
  return typeof value === "string" ? `“${value}”` : JSON.stringify(value);
}

export class MigrationView {
  constructor(ctx, migrationId) {
    this.ctx = ctx;
    this.client = ctx.client;
    this.id = migrationId;
    this.after = new Map(); // run_id -> last thread seq seen
    this.busy = false;
    this.preview = null;
    this.currentVersion = 0;
    this.chatRuns = new Set();
    this.build();
  }

  path(suffix = "") {
    return `/v1/migrations/${encodeURIComponent(this.id)}${suffix}`;
  }

  // ------------------------------------------------------------------ layout
  build() {
    this.title = h("h2", { "data-testid": "title" }, "Loading the migration…");
    this.subtitle = h("p", { class: "muted" });
    this.fileList = h("ul", { class: "plain files", "data-testid": "file-list", "aria-label": "Uploaded files" });
    this.progress = h("progress", { max: "100", value: "0", "aria-label": "Upload progress", "data-testid": "upload-progress", hidden: true });
    this.progressText = h("p", { class: "muted", "data-testid": "upload-progress-text" });
    const inputId = uid("file");
    this.fileInput = h("input", { type: "file", id: inputId, "data-testid": "file-input", accept: ".csv,.tsv,.txt,.xlsx,.xls,text/csv" });
    this.fileInput.addEventListener("change", () => {
      const [file] = this.fileInput.files || [];
      if (file) this.upload(file);
    });
    this.drop = h(
      "div",
      { class: "dropzone", "data-testid": "drop-zone" },
      h("p", {}, h("strong", {}, "Drop a CSV or Excel file here"), " or choose one:"),
      h("label", { for: inputId }, "File to upload"),
      h("div", {}, this.fileInput),
    );
    for (const type of ["dragenter", "dragover"]) {
      this.drop.addEventListener(type, (event) => {
        event.preventDefault();
        this.drop.classList.add("over");
      });
    }
    this.drop.addEventListener("dragleave", () => this.drop.classList.remove("over"));
    this.drop.addEventListener("drop", (event) => {
      event.preventDefault();
      this.drop.classList.remove("over");
      const [file] = event.dataTransfer?.files || [];
      if (file) this.upload(file);
    });
    this.generateButton = h("button", { type: "button", class: "primary", "data-testid": "generate", disabled: true, onclick: () => this.startRun("generate") }, "Generate preview");

    this.runStatus = h("p", { "data-testid": "run-status", tabindex: "-1" }, "No run yet.");
    this.cancelButton = h("button", { type: "button", class: "secondary", "data-testid": "cancel-run", hidden: true, onclick: () => this.cancel() }, "Cancel run");
    this.log = h("ol", { class: "plain" });
    // Focusable so a keyboard can scroll it; not live (the status region announces the progress).
    this.logBox = h("div", { class: "log", role: "log", "aria-live": "off", "aria-label": "Run activity", tabindex: "0", "data-testid": "run-log" }, this.log);
    this.questions = h("div", { "data-testid": "questions-slot" });

    this.previewBody = h("div", {}, h("p", { class: "muted" }, "No preview yet: upload a file and generate one."));
    this.mappingsBody = h("div", {});

    const chatId = uid("chat");
    this.chatInput = h("textarea", { id: chatId, rows: "2", "data-testid": "chat-input", placeholder: "e.g. Phone numbers are American unless they have a country code" });
    this.chatUpdate = h("button", { type: "submit", class: "primary", "data-kind": "update", "data-testid": "chat-update" }, "Change the mapping");
    this.chatAsk = h("button", { type: "submit", class: "secondary", "data-kind": "clarify", "data-testid": "chat-ask" }, "Ask a question");
    this.chatLog = h("ol", { class: "chat-log" });
    this.chatBox = h("div", { role: "log", "aria-label": "Conversation", "data-testid": "chat-log" }, this.chatLog);
    this.chatForm = h(
      "form",
      { "data-testid": "chat-form" },
      h("div", { class: "field" }, h("label", { for: chatId }, "Tell Ferry what to change, or ask about the preview"), this.chatInput),
      h("div", { class: "actions" }, this.chatUpdate, this.chatAsk),
    );
    this.chatForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const kind = event.submitter?.dataset.kind || "clarify";
      this.sendChat(kind);
    });

    const fromId = uid("from");
    const toId = uid("to");
    this.diffFrom = h("select", { id: fromId, "data-testid": "diff-from" });
    this.diffTo = h("select", { id: toId, "data-testid": "diff-to" });
    this.diffButton = h("button", { type: "button", class: "secondary", "data-testid": "diff-compare", onclick: () => this.showDiff(Number(this.diffFrom.value), Number(this.diffTo.value)) }, "Compare");
    this.diffList = h("div", { "data-testid": "diff" }, h("p", { class: "muted" }, "A new version appears after a change; compare any two here."));
    this.diffControls = h(
      "div",
      { class: "row", hidden: true },
      h("label", { for: fromId }, "From version"), this.diffFrom,
      h("label", { for: toId }, "to version"), this.diffTo,
      this.diffButton,
    );

    this.executeButton = h("button", { type: "button", class: "primary", "data-testid": "execute", disabled: true, onclick: () => this.startRun("execute") }, "Execute import");
    this.executeNote = h("p", { class: "muted" }, "Runs the current preview's recipe over every row and validates every cell.");
    this.reportBody = h("div", { "data-testid": "report-slot" }, h("p", { class: "muted" }, "No import yet."));

    fill(
      this.ctx.root,
      h("header", {}, this.title, this.subtitle),
      panel("Upload", "upload-panel", this.drop, this.progress, this.progressText, this.fileList, h("div", { class: "actions" }, this.generateButton)),
      panel("Progress", "run-panel", h("div", { class: "row" }, this.runStatus, this.cancelButton), this.questions, this.logBox),
      panel("Preview", "preview-panel", this.previewBody),
      panel("Mappings", "mappings-panel", this.mappingsBody),
      panel("Ask or change", "chat-panel", this.chatForm, this.chatBox),
      panel("What changed", "diff-panel", this.diffControls, this.diffList),
      panel("Import", "execute-panel", this.executeNote, this.executeButton),
      panel("Report", "report-panel", this.reportBody),
    );
    this.syncButtons();
  }

  syncButtons() {
    const migration = this.migration;
    const readyFiles = (migration?.files || []).filter((f) => f.status === "ready").length;
    const hasTemplates = (migration?.templates || []).length > 0;
    this.generateButton.disabled = this.busy || !readyFiles || !hasTemplates;
    this.executeButton.disabled = this.busy || !this.currentVersion;
    this.chatUpdate.disabled = this.busy || !this.currentVersion;
    this.chatAsk.disabled = this.busy || !this.currentVersion;
    this.cancelButton.hidden = !this.busy || !this.activeRunId;
  }

  // ------------------------------------------------------------------ loading
  async load() {
    const { client, signal } = this.ctx;
    this.migration = await client.get(this.path(), undefined, signal);
    this.title.textContent = this.migration.name;
    const templates = this.migration.templates || [];
    this.subtitle.textContent = templates.length
      ? `Templates: ${templates.map((t) => `${t.name} (${plural(t.fields.length, "field")})`).join(", ")}`
      : "This migration has no templates yet: add them through the API before generating a preview.";
    this.renderFiles();
    this.currentVersion = this.migration.preview_version || 0;
    const [active, history] = await Promise.all([
      client.get(runPath(this.id), { status: "active" }, signal),
      client.get(runPath(this.id), { limit: 20 }, signal),
    ]);
    if (this.currentVersion) await this.loadPreview();
    const executed = (history.runs || []).find((r) => r.kind === "execute" && r.status === "completed");
    if (executed) this.showReport(executed);
    this.ctx.setStatus(this.currentVersion ? `Preview version ${this.currentVersion} is ready.` : "Upload a file to start.");
    if (active.run) await this.watch(active.run.run_id, active.run.kind);
    this.syncButtons();
  }

  renderFiles() {
    const files = this.migration.files || [];
    fill(
      this.fileList,
      files.map((f) => {
        const sheets = (f.sheets || []).map((s) => `${s.name}: ${plural(s.row_count, "row")}, ${plural(s.columns.length, "column")}`).join("; ");
        const badge =
          f.status === "ready" ? h("span", { class: "badge badge-good" }, "ready")
            : f.status === "rejected" ? h("span", { class: "badge badge-bad" }, "rejected")
              : h("span", { class: "badge badge-warn" }, "uploading");
        return h("li", { "data-testid": "file", "data-file-id": f.file_id }, h("strong", {}, f.filename), badge, sheets ? ` ${sheets}` : "", f.error ? h("span", { class: "muted" }, ` — ${f.error}`) : "");
      }),
    );
    this.syncButtons();
  }

  // ------------------------------------------------------------------ upload
  async upload(file) {
    const { client, signal, setStatus } = this.ctx;
    this.progress.hidden = false;
    this.progress.value = 0;
    this.progressText.textContent = `Uploading ${file.name}…`;
    setStatus(`Uploading ${file.name}.`);
    let announced = 0;
    try {
      const created = await uploadFile(client, this.id, file, {
        signal,
        onProgress: (loaded, total) => {
          const percent = total ? Math.round((loaded / total) * 100) : 100;
          this.progress.value = percent;
          this.progressText.textContent = `Uploading ${file.name}: ${percent}% (${fmtNumber(loaded)} of ${fmtNumber(total)} bytes)`;
          if (percent >= announced + 25) {
            announced = percent - (percent % 25);
            setStatus(`Uploading ${file.name}: ${announced}%.`);
          }
        },
      });
      this.progressText.textContent = `${file.name} uploaded; Ferry is reading it…`;
      setStatus(`${file.name} uploaded; reading it.`);
      const settled = await waitForIngestion(client, this.id, created.file_id, { signal });
      this.migration = await client.get(this.path(), undefined, signal);
      this.renderFiles();
      if (settled.status === "ready") {
        const rows = (settled.sheets || []).reduce((n, s) => n + (s.row_count || 0), 0);
        this.progressText.textContent = `${file.name} is ready: ${plural(rows, "row")}.`;
        setStatus(`${file.name} is ready: ${plural(rows, "row")}. Generate a preview next.`);
      } else {
        this.progressText.textContent = `${file.name} was rejected: ${settled.error}`;
        setStatus(`${file.name} was rejected: ${settled.error}`, { error: true });
      }
    } catch (error) {
      this.progressText.textContent = `${file.name} was not uploaded.`;
      this.ctx.fail(error);
    } finally {
      this.fileInput.value = "";
    }
  }

  // ------------------------------------------------------------------ runs
  async startRun(kind, message) {
    const { client, signal } = this.ctx;
    const body = message ? { kind, message } : { kind };
    this.busy = true;
    this.syncButtons();
    try {
      const created = await client.post(runPath(this.id), body, signal);
      if (kind === "clarify" || kind === "update") this.chatRuns.add(created.run_id);
      await this.watch(created.run_id, kind);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.runId) {
        this.ctx.setStatus("Another run is in progress on this migration; following it.");
        await this.watch(error.runId).catch((e) => this.ctx.fail(e));
      } else {
        this.busy = false;
        this.syncButtons();
        this.ctx.fail(error);
      }
    }
  }

  async watch(runId, kind) {
    const { client, signal } = this.ctx;
    this.busy = true;
    this.activeRunId = runId;
    this.syncButtons();
    const label = KIND_LABEL[kind] || "Working";
    this.runStatus.textContent = `${label}…`;
    this.ctx.setStatus(`${label}…`);
    this.questions.replaceChildren();
    try {
      const { run, after } = await followRun(client, this.id, runId, {
        after: this.after.get(runId) || 0,
        signal,
        transport: this.ctx.transport,
        onEvent: (event) => this.onEvent(runId, event),
        onTransport: (transport) => {
          this.logBox.dataset.transport = transport;
        },
      });
      this.after.set(runId, after);
      await this.settle(run);
    } catch (error) {
      this.busy = false;
      this.syncButtons();
      throw error;
    }
  }

  onEvent(runId, event) {
    if (event.type === "status" && event.data && ACTIVE.has(event.data.status)) return; // "Queued.", "Running."
    this.log.append(h("li", { "data-type": event.type }, h("span", { class: "kind" }, event.type), event.text));
    this.logBox.scrollTop = this.logBox.scrollHeight;
    if (event.type === "progress") {
      this.runStatus.textContent = event.text;
      this.ctx.setStatus(event.text);
    }
    if (event.type === "reply" && this.chatRuns.has(runId)) this.chatSay("ferry", event.text);
  }

  async settle(run) {
    const { setStatus } = this.ctx;
    const blocked = run.status === "blocked";
    this.busy = blocked; // a blocked run still holds the migration
    this.activeRunId = blocked ? run.run_id : null;
    this.syncButtons();
    switch (run.status) {
      case "blocked":
        this.runStatus.textContent = "Waiting for your answer.";
        if (run.questions?.length) {
          this.questions.replaceChildren(
            runQuestionsForm(run.questions, {
              onSubmit: (answers) => this.answer(run, answers),
              onInvalid: (text) => setStatus(text, { error: true }),
            }),
          );
          setStatus(run.questions.length === 1 ? `A question: ${run.questions[0].question}` : `${run.questions.length} questions need an answer.`);
          this.questions.querySelector("button.option, input")?.focus();
        } else if (run.credential_request) {
          this.questions.replaceChildren(h("p", { class: "callout warn" }, `The run needs credentials for the ${run.credential_request.source_key} connection: send them through the API (POST …/credentials).`));
          setStatus("The run is waiting for source credentials.", { error: true });
        }
        break;
      case "awaiting_approval": {
        const before = this.currentVersion;
        await this.refreshMigration();
        await this.loadPreview();
        this.runStatus.textContent = `Preview version ${this.currentVersion} is ready.`;
        setStatus(`Preview version ${this.currentVersion} is ready: ${this.preview?.summary || ""}`.trim());
        if (run.kind === "update") {
          this.chatSay("ferry", `Preview version ${this.currentVersion}: ${this.preview?.summary || "updated"}`);
          if (before && before !== this.currentVersion) await this.showDiff(before, this.currentVersion);
        }
        break;
      }
      case "completed":
        if (run.kind === "execute" && run.report) {
          this.runStatus.textContent = "Import completed.";
          this.showReport(run);
          const n = run.report;
          setStatus(`Import completed: ${plural(n.totalRows, "row")}, ${plural(n.invalidCellCount, "row")} with an invalid cell.`);
        } else {
          this.runStatus.textContent = "Answered.";
          setStatus("Ferry answered: see the conversation.");
        }
        break;
      case "failed":
        this.runStatus.textContent = `Failed: ${run.error}`;
        setStatus(`The run failed: ${run.error}`, { error: true });
        if (run.kind === "clarify" || run.kind === "update") this.chatSay("ferry", `That did not work: ${run.error}`);
        break;
      default:
        this.runStatus.textContent = `The run was ${run.status}.`;
        setStatus(`The run was ${run.status}.`);
    }
  }

  async answer(run, answers) {
    const { client, signal } = this.ctx;
    try {
      await client.post(`${runPath(this.id, run.run_id)}/messages`, { answers }, signal);
      this.runStatus.focus(); // the form goes away: keep keyboard focus in the run panel
      this.questions.replaceChildren();
      await this.watch(run.run_id, run.kind);
    } catch (error) {
      this.ctx.fail(error);
    }
  }

  async cancel() {
    if (!this.activeRunId) return;
    try {
      await this.ctx.client.patch(runPath(this.id, this.activeRunId), { status: "cancel_requested" }, this.ctx.signal);
      this.ctx.setStatus("Cancelling the run…");
    } catch (error) {
      this.ctx.fail(error);
    }
  }

  async refreshMigration() {
    this.migration = await this.ctx.client.get(this.path(), undefined, this.ctx.signal);
    this.currentVersion = this.migration.preview_version || 0;
    this.renderFiles();
  }

  // ------------------------------------------------------------------ preview and mappings
  async loadPreview(version) {
    const { client, signal } = this.ctx;
    let preview;
    try {
      preview = await client.get(this.path("/preview"), version ? { version } : undefined, signal);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return;
      throw error;
    }
    if (!version) {
      this.preview = preview;
      this.currentVersion = preview.version;
    }
    this.renderPreview(preview);
    this.renderMappings(preview);
    this.renderVersionPickers();
    this.syncButtons();
  }

  renderPreview(preview) {
    const versionId = uid("ver");
    const select = h(
      "select",
      { id: versionId, "data-testid": "version-select" },
      Array.from({ length: this.currentVersion }, (_, i) => this.currentVersion - i).map((v) =>
        h("option", { value: String(v), selected: v === preview.version }, v === this.currentVersion ? `${v} (current)` : String(v)),
      ),
    );
    select.addEventListener("change", () => this.loadPreview(Number(select.value) === this.currentVersion ? undefined : Number(select.value)).catch((e) => this.ctx.fail(e)));
    const blocks = (preview.sheets || []).map((sheet) => {
      const rows = previewRows(sheet);
      const { block } = tableBlock({
        title: `${sheet.templateName}: ${plural(sheet.rowCount, "row")}, about ${plural(sheet.invalidRowCount, "row")} with an invalid cell`,
        label: `Preview of ${sheet.templateName}`,
        testid: "preview-table",
        columns: sheet.columns,
        rows,
        note: `(in the first ${plural(rows.length, "row")})`,
      });
      return block;
    });
    fill(
      this.previewBody,
      h(
        "div",
        { class: "row" },
        h("p", { "data-testid": "preview-version" }, `Version ${preview.version}${preview.version === this.currentVersion ? " (current)" : ` of ${this.currentVersion}`} · ${fmtTime(preview.created_at)}`),
        h("label", { for: versionId }, "Show version"),
        select,
      ),
      preview.summary ? h("p", { "data-testid": "preview-summary" }, preview.summary) : null,
      blocks,
    );
  }

  renderMappings(preview) {
    const many = new Set((preview.mappings || []).map((m) => m.template)).size > 1;
    const items = (preview.mappings || []).map((m) => {
      const sources = m.sources?.length ? m.sources : m.source ? [m.source] : [];
      const from = sources.map((s) => s.column).join(" + ");
      const confidence = typeof m.confidence === "number" ? m.confidence : 0;
      const level = confidence >= 0.9 ? "high" : confidence >= 0.6 ? "medium" : "low";
      const meter = h("span", { class: "meter", "aria-hidden": "true" }, h("span", {}));
      meter.firstChild.style.width = `${Math.round(confidence * 100)}%`;
      return h(
        "li",
        { class: "mapping", "data-testid": "mapping", "data-field": m.field },
        h(
          "div",
          { class: "head" },
          h("span", { class: "field-name" }, many ? `${m.template} › ${m.field}` : m.field),
          h("span", {}, from ? `← ${from}` : "← no source column"),
          h("span", { class: `confidence ${level}`, "data-testid": "mapping-confidence" }, meter, `Confidence ${fmtPercent(confidence, 1)} (${level})`),
        ),
        m.rationale ? h("p", { class: "rationale", "data-testid": "mapping-rationale" }, m.rationale) : null,
        opsText(m.transform) ? h("p", { class: "ops" }, `Steps: ${opsText(m.transform)}`) : null,
      );
    });
    const unmapped = (preview.unmapped_columns || []).map((c) => c.column);
    fill(
      this.mappingsBody,
      h("ul", { class: "mappings", "aria-label": "Mappings" }, items),
      unmapped.length ? h("p", { "data-testid": "unmapped" }, h("strong", {}, "Not imported: "), unmapped.join(", ")) : null,
    );
  }

  // ------------------------------------------------------------------ chat and diff
  chatSay(who, text) {
    this.chatLog.append(h("li", { class: who, "data-testid": who === "you" ? "chat-you" : "chat-ferry" }, h("span", { class: "sr-only" }, who === "you" ? "You: " : "Ferry: "), text));
  }

  sendChat(kind) {
    const message = this.chatInput.value.trim();
    if (!message) {
      this.ctx.setStatus("Write a message first.", { error: true });
      this.chatInput.focus();
      return;
    }
    this.chatSay("you", message);
    this.chatInput.value = "";
    this.startRun(kind, message);
  }

  renderVersionPickers() {
    const versions = Array.from({ length: this.currentVersion }, (_, i) => i + 1);
    const options = (selected) => versions.map((v) => h("option", { value: String(v), selected: v === selected }, String(v)));
    fill(this.diffFrom, options(Math.max(1, this.currentVersion - 1)));
    fill(this.diffTo, options(this.currentVersion));
    this.diffControls.hidden = this.currentVersion < 2;
  }

  async showDiff(from, to) {
    const { client, signal } = this.ctx;
    try {
      const [diff, target] = await Promise.all([
        client.get(this.path("/preview/diff"), { from, to }, signal),
        client.get(this.path("/preview"), { version: to }, signal),
      ]);
      const changes = diff.changes || [];
      fill(
        this.diffList,
        h("p", { "data-testid": "diff-summary" }, changes.length ? `${plural(changes.length, "change")} from version ${diff.from} to version ${diff.to}:` : `No change between version ${diff.from} and version ${diff.to}.`),
        changes.length
          ? h(
              "ul",
              { class: "diff", "aria-label": `Changes from version ${diff.from} to ${diff.to}` },
              changes.map((c) =>
                h(
                  "li",
                  { class: c.op, "data-testid": "diff-change" },
                  h("strong", {}, c.op === "add" ? "Added " : c.op === "remove" ? "Removed " : "Changed "),
                  describePath(target.recipe || {}, c.path),
                  c.op === "replace" ? `: ${valueText(c.old)} → ${valueText(c.new)}` : c.op === "add" ? `: ${valueText(c.new)}` : `: was ${valueText(c.old)}`,
                  h("br"),
                  h("code", {}, c.path),
                ),
              ),
            )
          : null,
      );
      this.diffFrom.value = String(diff.from);
      this.diffTo.value = String(diff.to);
    } catch (error) {
      this.ctx.fail(error);
    }
  }

  // ------------------------------------------------------------------ report
  showReport(run) {
    const report = run.report;
    const sheets = (report.templates || []).map((t) => t.sheetId);
    const exportPath = `${runPath(this.id, run.run_id)}/export`;
    const downloads = [];
    for (const sheetId of sheets.length ? sheets : [null]) {
      for (const filter of ["valid", "invalid"]) {
        const params = sheetId ? { template: sheetId, filter } : { filter };
        const filename = `${sheetId || "rows"}.${filter}.csv`;
        const label = `${filter === "valid" ? "Valid" : "Invalid"} rows${sheets.length > 1 ? ` of ${sheetId}` : ""} (CSV)`;
        const href = this.client.linkUrl(exportPath, params);
        downloads.push({
          label,
          filter,
          filename,
          href,
          onClick: () => this.client.blob(exportPath, params, this.ctx.signal).then((blob) => saveBlob(blob, filename)).catch((e) => this.ctx.fail(e)),
        });
      }
    }
    const results = h("div", { "data-testid": "results-slot" });
    fill(this.reportBody, renderReport(report, { downloads, heading: `Import of ${fmtTime(run.created_at)}`, level: 4 }), results);
    // Every row in the page only while that stays light; beyond, the downloads are the way to read them.
    if ((report.totalRows || 0) <= RESULTS_MAX_ROWS) this.loadResults(exportPath, sheets, results);
    else results.append(h("p", { class: "muted" }, `${plural(report.totalRows, "row")} is too many to show here: download them.`));
  }

  /** Every imported row (flagged ones marked), from the `all` export, in the virtual table. */
  async loadResults(exportPath, sheets, slot) {
    const { client, signal } = this.ctx;
    for (const sheetId of sheets.length ? sheets : [null]) {
      try {
        const text = await client.text(exportPath, sheetId ? { template: sheetId, filter: "all" } : { filter: "all" }, signal);
        const { columns, rows } = exportRows(text);
        const { block } = tableBlock({ title: `Imported rows${sheetId ? ` of ${sheetId}` : ""}`, label: `Imported rows${sheetId ? ` of ${sheetId}` : ""}`, testid: "results-table", columns, rows });
        slot.append(block);
      } catch (error) {
        if (error.name === "AbortError") return;
        slot.append(h("p", { class: "muted" }, `The imported rows could not be shown here (${error.message}); download them instead.`));
      }
    }
  }
}
