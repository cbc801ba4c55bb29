// <ferry-importer>'s styles, adopted into its shadow root. System fonts only; every text colour is at least
// 4.5:1 against its background; a visible focus ring on everything focusable. Custom properties let a host
// page retheme it (e.g. ferry-importer { --ferry-accent: #6b21a8; }).

export const css = `
:host {
  --ferry-accent: #0b57d0;
  --ferry-accent-text: #ffffff;
  --ferry-text: #1b1b1f;
  --ferry-muted: #4a4a55;
  --ferry-border: #8a8a96;
  --ferry-line: #d4d4dc;
  --ferry-surface: #ffffff;
  --ferry-soft: #f3f4f8;
  --ferry-bad: #a8201a;
  --ferry-bad-soft: #fde8e7;
  --ferry-warn: #7a4100;
  --ferry-warn-soft: #fff4de;
  --ferry-good: #176b32;
  display: block;
  color: var(--ferry-text);
  background: var(--ferry-surface);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
h2, h3, h4 { line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; }
h3 { font-size: 1.1rem; }
h4 { font-size: 1rem; }
h5 { font-size: .95rem; margin: 0 0 .4rem; }
p { margin: .25rem 0 .5rem; }
section.panel { border: 1px solid var(--ferry-line); border-radius: 8px; padding: 1rem; margin: 0 0 1rem; background: var(--ferry-surface); }
.muted { color: var(--ferry-muted); }
.hint { color: var(--ferry-muted); font-size: .9rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, .button-link, input, select, textarea { font: inherit; }
button, .button-link {
  display: inline-flex; align-items: center; gap: .35rem; min-height: 2.25rem; padding: .35rem .9rem;
  border-radius: 6px; border: 1px solid var(--ferry-accent); background: var(--ferry-surface); color: var(--ferry-accent);
  cursor: pointer; text-decoration: none;
}
button.primary { background: var(--ferry-accent); color: var(--ferry-accent-text); }
button.danger { border-color: var(--ferry-bad); color: var(--ferry-bad); }
button:disabled { border-color: var(--ferry-border); color: var(--ferry-muted); background: var(--ferry-soft); cursor: not-allowed; }
button.option[aria-pressed="true"] { background: var(--ferry-accent); color: var(--ferry-accent-text); }
button.option[aria-pressed="true"]::before { content: "✓"; }
:focus-visible, .vt-scroll:focus { outline: 3px solid var(--ferry-accent); outline-offset: 2px; }
input[type="text"], input:not([type]), select, textarea {
  border: 1px solid var(--ferry-border); border-radius: 6px; padding: .4rem .55rem; color: var(--ferry-text); background: var(--ferry-surface);
}
textarea { width: 100%; resize: vertical; }
label { font-weight: 600; }
.field { display: flex; flex-direction: column; gap: .25rem; margin: .5rem 0; max-width: 40rem; }
.inline-field { display: flex; align-items: center; gap: .5rem; margin: .25rem 0 .5rem; }
.inline-field label { font-weight: 400; }
.row, .actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
ul.plain { list-style: none; padding: 0; margin: .25rem 0; }
.status { padding: .5rem .75rem; border-radius: 6px; background: var(--ferry-soft); margin: 0 0 1rem; min-height: 2.5rem; }
.status.error { background: var(--ferry-bad-soft); color: var(--ferry-bad); }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; font-weight: 600; margin-left: .4rem; border: 1px solid currentColor; }
.badge-warn { color: var(--ferry-warn); background: var(--ferry-warn-soft); }
.badge-bad { color: var(--ferry-bad); background: var(--ferry-bad-soft); }
.badge-good { color: var(--ferry-good); background: #e6f4ea; }
.callout { border-left: 4px solid var(--ferry-border); padding: .5rem .75rem; margin: .5rem 0; background: var(--ferry-soft); }
.callout.warn { border-color: var(--ferry-warn); background: var(--ferry-warn-soft); color: var(--ferry-text); }
.callout.bad { border-color: var(--ferry-bad); background: var(--ferry-bad-soft); }

/* upload */
.dropzone { border: 2px dashed var(--ferry-border); border-radius: 8px; padding: 1.25rem; text-align: center; background: var(--ferry-soft); }
.dropzone.over { border-color: var(--ferry-accent); background: #e8effc; }
.dropzone input[type="file"] { margin-top: .5rem; }
progress { width: 100%; max-width: 32rem; height: 1rem; accent-color: var(--ferry-accent); }
.files li { padding: .25rem 0; }

/* thread */
.log { margin: .5rem 0 0; max-height: 12rem; overflow: auto; font-size: .92rem; }
.log ol { list-style: none; margin: 0; padding: 0; }
.log li { padding: .15rem 0; border-bottom: 1px solid var(--ferry-line); }
.log .kind { color: var(--ferry-muted); margin-right: .4rem; }

/* questions */
fieldset.question { border: 1px solid var(--ferry-line); border-radius: 8px; margin: .75rem 0; padding: .75rem 1rem; }
fieldset.question legend { font-weight: 600; padding: 0 .25rem; }
.options { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
.proposed { color: var(--ferry-text); }

/* virtual table */
.table-block { margin: .5rem 0 1rem; }
.flag-count { font-weight: 600; }
.vt-scroll { overflow: auto; border: 1px solid var(--ferry-border); border-radius: 6px; position: relative; background: var(--ferry-surface); }
.vt-table { display: block; min-width: max-content; }
.vt-head { position: sticky; top: 0; z-index: 2; display: block; }
.vt-body { position: relative; display: block; }
.vt-row { display: grid; grid-template-columns: var(--vt-columns); height: 34px; width: max-content; min-width: 100%; }
.vt-body .vt-row { position: absolute; top: 0; left: 0; contain: layout paint style; }
.vt-header-row { background: #e9ebf2; font-weight: 600; border-bottom: 1px solid var(--ferry-border); }
.vt-cell { padding: .35rem .55rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-right: 1px solid var(--ferry-line); border-bottom: 1px solid var(--ferry-line); }
.vt-rownum { color: var(--ferry-muted); text-align: right; background: var(--ferry-soft); font-variant-numeric: tabular-nums; }
.vt-flagged { background: var(--ferry-bad-soft); box-shadow: inset 0 0 0 2px var(--ferry-bad); color: var(--ferry-text); }
.vt-mark { display: inline-block; width: 1.1rem; height: 1.1rem; line-height: 1.1rem; text-align: center; border-radius: 50%; background: var(--ferry-bad); color: #fff; font-size: .75rem; font-weight: 700; margin-right: .3rem; }
.vt-empty { grid-column: 1 / -1; color: var(--ferry-muted); }

/* mappings */
.mappings { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }
.mapping { border: 1px solid var(--ferry-line); border-radius: 6px; padding: .5rem .75rem; }
.mapping .head { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.mapping .field-name { font-weight: 700; }
.mapping .ops { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85rem; color: var(--ferry-muted); }
.confidence { display: inline-flex; align-items: center; gap: .4rem; font-size: .9rem; }
.confidence .meter { width: 5rem; height: .5rem; background: var(--ferry-line); border-radius: 4px; overflow: hidden; display: inline-block; }
.confidence .meter span { display: block; height: 100%; background: var(--ferry-good); }
.confidence.medium .meter span { background: var(--ferry-warn); }
.confidence.low .meter span { background: var(--ferry-bad); }

/* chat and diff */
.chat-log { list-style: none; padding: 0; margin: .5rem 0; display: grid; gap: .4rem; }
.chat-log li { padding: .4rem .65rem; border-radius: 8px; max-width: 48rem; }
.chat-log .you { background: #e8effc; justify-self: end; }
.chat-log .ferry { background: var(--ferry-soft); }
.diff { list-style: none; padding: 0; margin: .5rem 0; font-size: .92rem; }
.diff li { padding: .3rem .5rem; border-left: 4px solid var(--ferry-border); margin: .25rem 0; background: var(--ferry-soft); }
.diff li.add { border-color: var(--ferry-good); }
.diff li.remove { border-color: var(--ferry-bad); }
.diff li.replace { border-color: var(--ferry-warn); }
.diff code, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85rem; word-break: break-all; }

/* report */
.stats { display: flex; flex-wrap: wrap; gap: 1rem; margin: .5rem 0; }
.stat { border: 1px solid var(--ferry-line); border-radius: 8px; padding: .5rem 1rem; min-width: 9rem; }
.stat dt { color: var(--ferry-muted); font-size: .9rem; }
.stat dd { margin: 0; font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
figure.profile { margin: .75rem 0; }
figure.profile figcaption { font-weight: 600; margin-bottom: .4rem; }
.profile-table { border-collapse: collapse; width: 100%; max-width: 60rem; }
.profile-table th, .profile-table td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--ferry-line); vertical-align: middle; }
.profile-table tr.hollow { background: var(--ferry-warn-soft); }
.profile-cell { min-width: 14rem; }
.bar { display: block; height: .8rem; background: var(--ferry-line); border-radius: 4px; overflow: hidden; margin-bottom: .15rem; }
.bar-fill { display: block; height: 100%; }
.bar-source { background: #5b5b6b; }
.bar-output { background: var(--ferry-accent); }
tr.hollow .bar-output { background: var(--ferry-warn); }
.bar-text { font-size: .85rem; color: var(--ferry-muted); }
.downloads { margin-top: .75rem; }
`;
