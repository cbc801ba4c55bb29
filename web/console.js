// The console at /app: sign in with an account key (kept in sessionStorage for this tab only), list the
// migrations, look up a company's imports, and open one in <ferry-importer> with a session token minted for
// it (POST /v1/sessions), so the component itself never holds the account key.
// Routes live in the hash: #/migrations/<id>, #/companies/<id>[/<import id>].

import { ApiError, FerryClient } from "./api.js";
import { fill, fmtTime, h } from "./dom.js";
import "./ferry-importer.js";

const KEY_STORAGE = "ferry.console.apiKey";
const SESSION_SECONDS = 3600;
// The API lives where the page does: /app on the API's own origin and stage path.
const API_BASE = `${location.origin}${location.pathname.replace(/\/app\/?$/, "")}`;

const $ = (id) => document.getElementById(id);
const status = $("console-status");
let account = null; // FerryClient with the account key
let session = null; // {session_id, token} of the open import
let nextCursor = null;

function say(text, { error = false } = {}) {
  status.textContent = text;
  status.classList.toggle("error", error);
}

function readKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

function show(view) {
  $("sign-in").hidden = view !== "sign-in";
  $("lists").hidden = view !== "lists";
  $("workspace").hidden = view !== "workspace";
  $("account").hidden = view === "sign-in";
}

async function signIn(key) {
  const client = new FerryClient({ base: API_BASE, token: key });
  await client.get("/v1/migrations", { limit: 1 }); // throws 401 on a bad key
  account = client;
  try {
    sessionStorage.setItem(KEY_STORAGE, key);
  } catch {
    // storage refused (private mode): the key lasts as long as the page
  }
}

function signOut() {
  closeSession();
  account = null;
  try {
    sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // nothing stored
  }
  $("api-key").value = "";
  fill($("importer-slot"));
  history.replaceState(null, "", location.pathname);
  show("sign-in");
  say("Signed out.");
  $("api-key").focus();
}

// ---------------------------------------------------------------- lists

async function loadMigrations(more = false) {
  const page = await account.get("/v1/migrations", { limit: 20, cursor: more ? nextCursor : undefined });
  nextCursor = page.next_cursor || null;
  const items = (page.migrations || []).map((m) =>
    h(
      "li",
      { "data-testid": "migration-item", "data-migration-id": m.migration_id },
      h("span", { class: "name" }, m.name),
      h("span", { class: "muted" }, `created ${fmtTime(m.created_at)}`),
      h("code", {}, m.migration_id),
      h("button", { type: "button", class: "primary", "aria-label": `Open ${m.name}`, onclick: () => go(`#/migrations/${m.migration_id}`) }, "Open"),
    ),
  );
  if (more) $("migration-list").append(...items);
  else fill($("migration-list"), items.length ? items : h("li", { class: "muted" }, "No migration yet: create one through the API (POST /v1/migrations)."));
  $("more-migrations").hidden = !nextCursor;
}

async function loadCompanyImports(companyId) {
  const page = await account.get(`/v1/companies/${encodeURIComponent(companyId)}/imports`, { limit: 20 });
  const runs = page.runs || [];
  fill(
    $("import-list"),
    runs.length
      ? runs.map((r) =>
          h(
            "li",
            { "data-testid": "console-import-item", "data-run-id": r.run_id },
            h("span", { class: "name" }, r.status.replace("_", " ")),
            h("span", { class: "muted" }, `started ${fmtTime(r.created_at)}`),
            h("code", {}, r.run_id),
            h("button", { type: "button", class: "primary", "aria-label": `Open import ${r.run_id}`, onclick: () => go(`#/companies/${encodeURIComponent(companyId)}/${r.run_id}`) }, "Open"),
          ),
        )
      : h("li", { class: "muted" }, `No import for ${companyId} yet.`),
  );
  say(runs.length ? `${runs.length} imports for ${companyId}.` : `No import for ${companyId} yet.`);
}

// ---------------------------------------------------------------- one import

async function closeSession() {
  const open = session;
  session = null;
  if (open && account) {
    // Revoke the token at once rather than letting it live out its hour.
    await account.request("DELETE", `/v1/sessions/${encodeURIComponent(open.session_id)}`).catch(() => {});
  }
}

async function openImporter(scope) {
  await closeSession();
  const body = scope.migrationId
    ? { migration_id: scope.migrationId, expires_in: SESSION_SECONDS }
    : { company_id: scope.companyId, expires_in: SESSION_SECONDS };
  session = await account.post("/v1/sessions", body);
  const importer = document.createElement("ferry-importer");
  importer.setAttribute("api-base", API_BASE);
  // API Gateway in front of Lambda delivers a stream only when it ends: follow runs by long-poll there.
  if (/\.execute-api\./.test(location.hostname)) importer.setAttribute("transport", "poll");
  importer.setAttribute("token", session.token);
  if (scope.migrationId) importer.setAttribute("migration-id", scope.migrationId);
  else {
    importer.setAttribute("company-id", scope.companyId);
    if (scope.importId) importer.setAttribute("import-id", scope.importId);
  }
  let renewed = 0;
  importer.addEventListener("ferry-unauthorized", async () => {
    // The token expired while the page stayed open: mint a fresh one (at most once a minute).
    if (Date.now() - renewed < 60000 || !account) return;
    renewed = Date.now();
    try {
      session = await account.post("/v1/sessions", body);
      importer.setAttribute("token", session.token);
    } catch (error) {
      fail(error);
    }
  });
  fill($("importer-slot"), importer);
  $("back").textContent = scope.migrationId ? "← All migrations" : "← All migrations and imports";
  show("workspace");
  $("page-title").focus?.();
}

// ---------------------------------------------------------------- routing

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  if (!account) return;
  const [, kind, id, importId] = location.hash.split("/");
  try {
    if (kind === "migrations" && id) {
      say("Opening the migration…");
      await openImporter({ migrationId: decodeURIComponent(id) });
      say("");
    } else if (kind === "companies" && id) {
      say("Opening the company's imports…");
      await openImporter({ companyId: decodeURIComponent(id), importId: importId ? decodeURIComponent(importId) : null });
      say("");
    } else {
      await closeSession();
      fill($("importer-slot"));
      show("lists");
      await loadMigrations();
      say("Signed in.");
    }
  } catch (error) {
    fail(error);
  }
}

function fail(error) {
  if (error instanceof ApiError && error.status === 401) {
    signOut();
    say("The key was refused: sign in again.", { error: true });
    return;
  }
  say(error && error.message ? error.message : String(error), { error: true });
}

// ---------------------------------------------------------------- wiring

$("sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const key = $("api-key").value.trim();
  if (!key) {
    say("Enter an account API key.", { error: true });
    $("api-key").focus();
    return;
  }
  say("Signing in…");
  try {
    await signIn(key);
    $("api-key").value = "";
    await route();
    $("migrations-title").setAttribute("tabindex", "-1");
    if (!$("lists").hidden) $("migrations-title").focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) say("That key was refused. Check it and try again.", { error: true });
    else fail(error);
    $("api-key").focus();
  }
});
$("sign-out").addEventListener("click", signOut);
$("more-migrations").addEventListener("click", () => loadMigrations(true).catch(fail));
$("company-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const companyId = $("company-id").value.trim();
  if (companyId) loadCompanyImports(companyId).catch(fail);
});
$("back").addEventListener("click", (event) => {
  event.preventDefault();
  go("#/");
});
window.addEventListener("hashchange", route);
$("page-title").setAttribute("tabindex", "-1");

const stored = readKey();
if (stored) {
  signIn(stored)
    .then(route)
    .catch((error) => {
      show("sign-in");
      fail(error);
    });
} else {
  show("sign-in");
}
