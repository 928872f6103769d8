/**
 * The server's own pages around the document: a frame for the document (or its printed pages),
 * the error banner, the findings panel, and the script that follows the server's updates.
 * Nothing from the plan is written into these pages: the script puts it in as text.
 */

export type View = 'document' | 'print';

/** The page at / (the document) or /print (the PDF's pages), showing document `version`. */
export function shellPage(view: View, version: number): string {
  const frame =
    view === 'document'
      ? // Same origin, so the page can keep the scroll position across updates; no scripts in it.
        `<iframe class="view" title="The strategy document" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" src="/document?v=${version}"></iframe>`
      : `<iframe class="view" title="The printed pages (plan.pdf)" src="/plan.pdf?v=${version}"></iframe>`;
  return `<!DOCTYPE html>
<html lang="en" data-view="${view}" data-version="${version}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>smplan serve</title>
<link rel="stylesheet" href="/_smplan/serve.css">
<script src="/_smplan/live.js" defer></script>
</head>
<body>
<header class="bar">
  <strong>smplan serve</strong> <span id="plan-file"></span>
  <nav>
    <a href="/"${view === 'document' ? ' aria-current="page"' : ''}>Document</a>
    <a href="/print"${view === 'print' ? ' aria-current="page"' : ''}>Printed pages</a>
    <a href="/plan.pdf" target="_blank">plan.pdf</a>
  </nav>
  <span id="status" role="status">Connecting…</span>
</header>
<div id="banner" role="alert" hidden></div>
<main id="frames">
${frame}
</main>
<details id="findings" open>
  <summary id="readiness">Reading the plan…</summary>
  <ol id="finding-list"></ol>
</details>
</body>
</html>
`;
}

/** What /document shows before the plan has rendered once. */
export const NO_DOCUMENT_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>No document yet</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 3rem; color: #444; }</style></head>
<body><p>No document yet: the plan has errors (listed below the document). Fix them and save; this page updates by itself.</p></body></html>
`;

export const SERVE_CSS = `
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d1d1f; background: #e9ebee; }
.bar { display: flex; gap: 1rem; align-items: baseline; padding: .45rem .9rem; background: #1b4965; color: #fff; }
.bar nav { display: flex; gap: .8rem; }
.bar a { color: #cfe3f0; text-decoration: none; }
.bar a[aria-current] { color: #fff; text-decoration: underline; }
#plan-file { opacity: .8; font-family: ui-monospace, monospace; }
#status { margin-left: auto; opacity: .85; }
#banner { padding: .6rem .9rem; background: #fde8e8; color: #7a1010; border-bottom: 1px solid #e0a5a5; }
#banner code { font-weight: 600; }
#frames { position: relative; flex: 1; min-height: 0; }
#frames iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; background: #fff; }
#frames iframe.loading { visibility: hidden; }
#findings { max-height: 30vh; overflow: auto; background: #fff; border-top: 1px solid #c9ccd1; padding: .3rem .9rem; }
#findings summary { cursor: pointer; font-weight: 600; padding: .2rem 0; }
#finding-list { margin: 0; padding-left: 1.4rem; }
#finding-list li { padding: .1rem 0; }
#finding-list code { font-family: ui-monospace, monospace; }
.error { color: #b3261e; font-weight: 600; }
.warning { color: #8a5a00; font-weight: 600; }
.rule { color: #666; }
`;

/**
 * Follows the server's state over server-sent events (EventSource reconnects by itself): shows
 * the banner and the findings, and loads a new document behind the one on show, swapping them
 * once it has loaded at the same scroll position.
 */
export const LIVE_SCRIPT = `'use strict';
(() => {
  const root = document.documentElement;
  const view = root.dataset.view;
  const frames = document.getElementById('frames');
  const banner = document.getElementById('banner');
  const status = document.getElementById('status');
  const readiness = document.getElementById('readiness');
  const list = document.getElementById('finding-list');
  const planFile = document.getElementById('plan-file');
  let shown = Number(root.dataset.version);
  let wanted = shown;
  let loading = null;

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const where = (f) => f.file + (f.line ? ':' + f.line + (f.column ? ':' + f.column : '') : '');

  function show(state) {
    document.title = (state.title ? state.title + ' · ' : '') + 'smplan serve';
    planFile.textContent = state.file;
    banner.replaceChildren();
    banner.hidden = !state.problem;
    if (state.problem) {
      const p = state.problem;
      banner.append(el('strong', '', 'Not updated: '), el('code', '', where(p)), ' ' + p.message + (p.rule ? ' (' + p.rule + ')' : '') + '. ');
      banner.append(state.version ? 'Showing the last good document.' : 'No document yet.');
    }
    readiness.textContent = state.readiness;
    list.replaceChildren(...state.findings.map((f) => {
      const item = el('li');
      item.append(el('code', '', where(f)), ' ', el('span', f.severity, f.severity), ' ', f.message, ' ');
      if (f.rule) item.append(el('span', 'rule', f.rule));
      return item;
    }));
    status.textContent = state.ok ? 'Updated in ' + state.ms + ' ms' : 'Not updated';
    root.dataset.state = state.ok ? 'ok' : 'invalid';
    if (state.version > 0 && state.version !== wanted) load(state.version);
  }

  function load(version) {
    wanted = version;
    const current = frames.querySelector('iframe:not(.loading)');
    if (loading) loading.remove();
    const next = current.cloneNode(false);
    next.classList.add('loading');
    next.src = (view === 'print' ? '/plan.pdf?v=' : '/document?v=') + version;
    if (view === 'print') status.textContent = 'Printing the pages…';
    next.addEventListener('load', () => {
      if (view === 'document') {
        try {
          next.contentWindow.scrollTo(current.contentWindow.scrollX, current.contentWindow.scrollY);
          linksOut(next);
        } catch (err) {
          // A document that cannot be reached keeps its own scroll position.
        }
      }
      next.classList.remove('loading');
      current.remove();
      loading = null;
      shown = version;
      root.dataset.version = String(shown);
    }, { once: true });
    loading = next;
    frames.append(next);
  }

  // Links out of the document open in a tab of their own: in the frame, the page's policy would refuse them.
  function linksOut(frame) {
    frame.contentDocument?.addEventListener('click', (event) => {
      const link = event.target.closest?.('a[href]');
      if (!link || link.getAttribute('href').startsWith('#')) return;
      event.preventDefault();
      window.open(link.href, '_blank', 'noopener');
    });
  }
  if (view === 'document') {
    const first = frames.querySelector('iframe');
    const doc = first.contentDocument;
    if (doc && doc.URL !== 'about:blank' && doc.readyState === 'complete') linksOut(first);
    else first.addEventListener('load', () => linksOut(first), { once: true });
  }

  const events = new EventSource('/events');
  events.addEventListener('state', (event) => show(JSON.parse(event.data)));
  events.addEventListener('open', () => { root.dataset.connected = 'true'; });
  events.addEventListener('error', () => {
    root.dataset.connected = 'false';
    status.textContent = 'Disconnected: is smplan serve still running? Retrying…';
  });
})();
`;
