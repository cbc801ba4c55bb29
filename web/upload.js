// Uploads: ask the API for a presigned URL, send the file straight to storage with XMLHttpRequest (the only
// standard API that reports upload progress), then wait for ingestion to settle the file.

import { pollUntil } from "./api.js";

// Headers a browser sets itself and refuses to take from script.
const FORBIDDEN = new Set(["content-length", "host", "connection", "expect"]);

export function filesPath(migrationId, fileId = "") {
  const base = `/v1/migrations/${encodeURIComponent(migrationId)}/files`;
  return fileId ? `${base}/${encodeURIComponent(fileId)}` : base;
}

/** Create the file record and its upload URL, then PUT (or POST a form) to it. Resolves with the record. */
export async function uploadFile(client, migrationId, file, { onProgress, signal } = {}) {
  const body = { filename: file.name, size: file.size };
  if (file.type) body.content_type = file.type;
  const created = await client.post(filesPath(migrationId), body, signal);
  await sendToStorage(created.upload, file, onProgress, signal);
  return created;
}

export function sendToStorage(upload, file, onProgress, signal) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method || "PUT", upload.url);
    let payload = file;
    if (upload.fields) {
      // A presigned POST: the policy fields first, the file last.
      payload = new FormData();
      for (const [name, value] of Object.entries(upload.fields)) payload.append(name, value);
      payload.append("file", file);
    } else {
      for (const [name, value] of Object.entries(upload.headers || {})) {
        if (!FORBIDDEN.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
      }
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(file.size, file.size);
        resolve();
      } else {
        reject(new Error(`The storage service refused the upload (HTTP ${xhr.status}).`));
      }
    };
    xhr.onerror = () => reject(new Error("The upload could not reach the storage service."));
    xhr.onabort = () => reject(new DOMException("Aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(payload);
  });
}

/** Poll the file until ingestion has accepted (`ready`) or refused (`rejected`) it. */
export function waitForIngestion(client, migrationId, fileId, { signal } = {}) {
  return pollUntil(
    () => client.get(filesPath(migrationId, fileId), undefined, signal),
    (file) => file.status !== "pending_upload",
    { signal },
  );
}
