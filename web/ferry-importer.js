// <ferry-importer>: Ferry's embeddable importer, a framework-free custom element (plain ES modules, no build).
//
//   <script type="module" src="https://your-ferry/app/ferry-importer.js"></script>
//   <ferry-importer api-base="https://your-ferry" token="sess_…" migration-id="mig_…"></ferry-importer>
//   <ferry-importer api-base="https://your-ferry" token="sess_…" company-id="acme"></ferry-importer>
//
// `token` is a session token minted by your backend (POST /v1/sessions) and sent as the `anx-api-key`
// header (as `?token=` only for the thread stream and download links). An account key works in its place
// for a trusted console, without the stream (long-poll instead) and with downloads fetched by script.
// `transport="poll"` follows runs by long-poll only (for an API that buffers SSE, e.g. API Gateway + Lambda).
// Events: `ferry-unauthorized` (the token expired or was revoked), `ferry-status` (detail: {text, error}).

import { ApiError, FerryClient } from "./api.js";
import { CompanyView } from "./company.js";
import { h } from "./dom.js";
import { MigrationView } from "./migration.js";
import { css } from "./styles.js";

let sheet = null;

function styleSheet() {
  if (sheet === null && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

export class FerryImporter extends HTMLElement {
  static get observedAttributes() {
    return ["api-base", "token", "migration-id", "company-id", "import-id", "transport"];
  }

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    const adopted = styleSheet();
    if (adopted) this.shadowRoot.adoptedStyleSheets = [adopted];
    else this.shadowRoot.append(h("style", {}, css));
    this.status = h("div", { class: "status", role: "status", "aria-live": "polite", "data-testid": "status" });
    this.main = h("div", { class: "importer" });
    this.shadowRoot.append(this.status, this.main);
    this.pending = false;
    this.controller = null;
  }

  connectedCallback() {
    this.restart();
  }

  disconnectedCallback() {
    this.controller?.abort();
    this.controller = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this.restart();
  }

  /** Coalesce several attribute changes (set one after another) into one start. */
  restart() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.start();
    });
  }

  start() {
    this.controller?.abort();
    this.controller = new AbortController();
    const client = new FerryClient({ base: this.getAttribute("api-base") || "", token: this.getAttribute("token") || "" });
    const context = {
      client,
      host: this,
      root: this.main,
      signal: this.controller.signal,
      setStatus: (text, options) => this.setStatus(text, options),
      fail: (error) => this.fail(error),
      transport: this.getAttribute("transport") === "poll" ? "poll" : "auto",
    };
    const migrationId = this.getAttribute("migration-id");
    const companyId = this.getAttribute("company-id");
    this.main.replaceChildren();
    if (!client.token) {
      this.setStatus("No token: set the token attribute to a session token.", { error: true });
      return;
    }
    if (migrationId) new MigrationView(context, migrationId).load().catch((e) => this.fail(e));
    else if (companyId) new CompanyView(context, companyId, this.getAttribute("import-id")).load().catch((e) => this.fail(e));
    else this.setStatus("Set migration-id or company-id to open an import.", { error: true });
  }

  setStatus(text, { error = false } = {}) {
    this.status.textContent = text;
    this.status.classList.toggle("error", error);
    this.dispatchEvent(new CustomEvent("ferry-status", { detail: { text, error }, bubbles: true, composed: true }));
  }

  fail(error) {
    if (error && error.name === "AbortError") return;
    if (error instanceof ApiError && error.status === 401) {
      this.setStatus("The session has expired or was revoked: open the import again.", { error: true });
      this.dispatchEvent(new CustomEvent("ferry-unauthorized", { bubbles: true, composed: true }));
      return;
    }
    this.setStatus(error && error.message ? error.message : String(error), { error: true });
  }
}

if (!customElements.get("ferry-importer")) customElements.define("ferry-importer", FerryImporter);
