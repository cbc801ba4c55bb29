// The Ferry API client used by the console and <ferry-importer>: JSON calls with the `anx-api-key` header,
// errors in the contract's shape, and a run's thread followed over SSE with a long-poll fallback.

export const ACTIVE = new Set(["queued", "running"]);
// A thread status event that means the run stopped working (for now, when blocked or parked).
const STOPPED = new Set(["blocked", "awaiting_approval", "needs_attention", "completed", "failed", "canceled"]);
const EVENT_TYPES = ["status", "progress", "question", "reply", "decision", "credential_request", "answer", "message"];

export class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `The API answered ${status}.`);
    this.name = "ApiError";
    this.status = status;
    this.code = error.code || "http_error";
    this.runId = (body && body.run_id) || error.run_id || null;
  }
}

/** A session token (`sess_….secret`) may travel as `?token=`; an account key never does. */
export function isSessionToken(token) {
  return /^sess_[A-Za-z0-9]+\.[A-Za-z0-9_-]+$/.test(token || "");
}

export class FerryClient {
  /** base: the API's origin and stage path ("" for the page's own origin); token: key or session token. */
  constructor({ base = "", token = "" } = {}) {
    this.base = String(base || "").replace(/\/+$/, "");
    this.token = token || "";
  }

  url(path, params) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
    }
    const text = query.toString();
    return `${this.base}${path}${text ? `?${text}` : ""}`;
  }

  /** A URL a browser opens without headers (download link, EventSource): only with a session token. */
  linkUrl(path, params) {
    return isSessionToken(this.token) ? this.url(path, { ...params, token: this.token }) : null;
  }

  headers(extra = {}) {
    const headers = { ...extra };
    if (this.token) headers["anx-api-key"] = this.token;
    return headers;
  }

  async request(method, path, { json, params, signal } = {}) {
    const init = { method, headers: this.headers({ accept: "application/json" }), signal };
    if (json !== undefined) {
      init.headers["content-type"] = "application/json";
      init.body = JSON.stringify(json);
    }
    const response = await fetch(this.url(path, params), init);
    const type = response.headers.get("content-type") || "";
    const body = type.includes("json") ? await response.json().catch(() => null) : null;
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  get(path, params, signal) {
    return this.request("GET", path, { params, signal });
  }

  post(path, json, signal) {
    return this.request("POST", path, { json, signal });
  }

  patch(path, json, signal) {
    return this.request("PATCH", path, { json, signal });
  }

  /** A CSV export as text (the header travels, so an account key works too); follows a 302 to storage. */
  async text(path, params, signal) {
    const response = await fetch(this.url(path, params), { headers: this.headers(), signal });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new ApiError(response.status, body);
    }
    return response.text();
  }

  /** A CSV export as a Blob, for a download started from script (when no link can carry the token). */
  async blob(path, params, signal) {
    const response = await fetch(this.url(path, params), { headers: this.headers(), signal });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new ApiError(response.status, body);
    }
    return response.blob();
  }
}

export function runPath(migrationId, runId = "") {
  const base = `/v1/migrations/${encodeURIComponent(migrationId)}/runs`;
  return runId ? `${base}/${encodeURIComponent(runId)}` : base;
}

function stopsRun(event) {
  if (event.type === "question" || event.type === "credential_request") return true;
  return event.type === "status" && event.data && STOPPED.has(event.data.status);
}

/**
 * Follow a run's thread from `after` until the run stops working; calls onEvent for each event in order and
 * resolves with {run, after}. SSE first (only a session token can open it), long-poll when SSE cannot or when
 * `transport` is "poll" (an API that buffers responses, like API Gateway in front of Lambda, sends SSE late).
 */
export async function followRun(client, migrationId, runId, { after = 0, onEvent, onTransport, signal, transport = "auto" } = {}) {
  let seq = after;
  const emit = (event) => {
    if (event.seq <= seq) return false;
    seq = event.seq;
    onEvent?.(event);
    return true;
  };
  const canStream = transport !== "poll" && typeof EventSource === "function";
  const streamUrl = canStream ? client.linkUrl(`${runPath(migrationId, runId)}/thread`, { after: seq }) : null;
  if (streamUrl) {
    onTransport?.("sse");
    const outcome = await followSse(client, migrationId, runId, streamUrl, emit, signal);
    if (outcome === "ended") {
      const run = await client.get(runPath(migrationId, runId), undefined, signal);
      if (!ACTIVE.has(run.status)) {
        await drain(client, migrationId, runId, () => seq, emit, signal);
        return { run, after: seq };
      }
    }
  }
  onTransport?.("long-poll");
  return longPoll(client, migrationId, runId, () => seq, emit, signal);
}

function followSse(client, migrationId, runId, url, emit, signal) {
  return new Promise((resolve) => {
    const source = new EventSource(url);
    let settled = false;
    const finish = (outcome) => {
      if (settled) return;
      settled = true;
      source.close();
      signal?.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    const onAbort = () => finish("aborted");
    signal?.addEventListener("abort", onAbort);
    const onMessage = (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      if (emit(event) && stopsRun(event)) finish("ended");
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, onMessage);
    source.onmessage = onMessage;
    source.onerror = () => {
      // CLOSED: refused (401/404, no stream here): fall back. CONNECTING: the server ended one stream (its
      // time cap) and the browser reconnects with Last-Event-ID; check that the run is still working.
      if (source.readyState === EventSource.CLOSED) {
        finish("fallback");
        return;
      }
      client
        .get(runPath(migrationId, runId), undefined, signal)
        .then((run) => {
          if (!ACTIVE.has(run.status)) finish("ended");
        })
        .catch(() => finish("fallback"));
    };
  });
}

async function drain(client, migrationId, runId, after, emit, signal) {
  const page = await client.get(`${runPath(migrationId, runId)}/thread`, { after: after(), wait: 0 }, signal);
  page.events.forEach(emit);
}

async function longPoll(client, migrationId, runId, after, emit, signal) {
  for (;;) {
    const run = await client.get(runPath(migrationId, runId), undefined, signal);
    const done = !ACTIVE.has(run.status);
    // Read after the status: once the run is seen stopped, this page holds everything it said.
    const page = await client.get(`${runPath(migrationId, runId)}/thread`, { after: after(), wait: done ? 0 : 20 }, signal);
    page.events.forEach(emit);
    if (done) return { run, after: after() };
  }
}

/** Poll something until `isDone(value)`, backing off from 250 ms to 2 s; gives up after `timeoutMs`. */
export async function pollUntil(read, isDone, { signal, timeoutMs = 600000 } = {}) {
  const started = Date.now();
  let delay = 250;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error("Gave up waiting: the server did not finish in time.");
    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, delay);
      signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new DOMException("Aborted", "AbortError"));
      });
    });
    delay = Math.min(2000, delay * 1.5);
  }
}
