// The preview page: a Slack-like window with a channel, a thread pane, the App Home tab and a
// modal overlay. Static markup only; /app.js fills it in (no inline script, per the CSP).
import { MAX_TEXT_CHARS } from "../api.js";

export const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ZPA Codes: Slack preview</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/style.css">
<script type="module" src="/app.js"></script>
</head>
<body>
<div class="workspace">
  <nav class="sidebar" aria-label="Workspace">
    <div class="sidebar-team">Preview workspace</div>
    <div class="sidebar-section">Channels</div>
    <button type="button" class="sidebar-item is-active" data-tab="channel"># helpdesk</button>
    <div class="sidebar-section">Apps</div>
    <button type="button" class="sidebar-item" data-tab="home">ZPA Codes</button>
    <p class="sidebar-note">Local preview. Nothing here reaches Slack.</p>
  </nav>
  <main class="pane channel-pane" id="channel-pane" aria-label="#helpdesk">
    <header class="pane-header"><h1># helpdesk</h1><span class="pane-sub">Type <code>/zpa-code BRK_MT_SETUP_TIMEOUT</code> or a few words, paste a log line or a screenshot, or ask <code>@zpa-code</code></span></header>
    <div class="messages" id="messages" role="log" aria-live="polite"></div>
    <form class="composer" id="composer">
      <textarea id="composer-input" rows="3" maxlength="${MAX_TEXT_CHARS}" aria-label="Message #helpdesk" placeholder="Message #helpdesk (Enter sends, Shift+Enter adds a line; paste or drop a screenshot to post it)"></textarea>
      <button type="submit" class="composer-send">Send</button>
    </form>
  </main>
  <main class="pane home-pane" id="home-pane" hidden aria-label="ZPA Codes App Home">
    <header class="pane-header"><h1>ZPA Codes</h1><span class="home-tab">Home</span></header>
    <div class="home-scroll" id="home-content"></div>
  </main>
  <aside class="pane thread-pane" id="thread-pane" hidden aria-label="Thread">
    <header class="pane-header"><h2>Thread</h2><button type="button" class="pane-close" id="thread-close" aria-label="Close thread">×</button></header>
    <div class="thread-scroll">
      <div class="thread-parent" id="thread-parent"></div>
      <div class="messages" id="thread-messages" role="log" aria-live="polite"></div>
    </div>
  </aside>
</div>
<div class="modal-overlay" id="modal-overlay" hidden></div>
</body>
</html>
`;

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#4a154b"/><text x="16" y="22" font-family="sans-serif" font-size="16" font-weight="700" fill="#fff" text-anchor="middle">Z</text></svg>
`;
