// The page's stylesheet, served as /style.css: close enough to Slack's look that a reviewer can
// judge a card's layout, without copying Slack's assets.

export const STYLES_CSS = `
:root {
  --aubergine: #3f0e40;
  --aubergine-active: #1164a3;
  --text: #1d1c1d;
  --muted: #616061;
  --border: #dddddd;
  --hover: #f8f8f8;
  --link: #1264a3;
  --green: #007a5a;
  --red: #e01e5a;
  --code-bg: #f6f6f6;
  --code-text: #c01343;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif,
    "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji";
  font-size: 15px;
  line-height: 1.46668;
  color: var(--text);
}
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; overflow: hidden; background: #fff; }
button, select, input, textarea { font: inherit; color: inherit; }
[hidden] { display: none !important; }
code { font-family: Monaco, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; }

.workspace { display: flex; height: 100vh; }
.sidebar { width: 220px; flex: none; background: var(--aubergine); color: #cfc3cf; padding: 12px 0; display: flex; flex-direction: column; }
.sidebar-team { color: #fff; font-weight: 900; font-size: 18px; padding: 0 16px 12px; border-bottom: 1px solid #5d3d5e; margin-bottom: 8px; }
.sidebar-section { padding: 10px 16px 4px; font-size: 14px; }
.sidebar-item { display: block; width: 100%; text-align: left; background: none; border: 0; color: #cfc3cf; padding: 4px 16px 4px 26px; cursor: pointer; }
.sidebar-item:hover { background: #350d36; }
.sidebar-item.is-active { background: var(--aubergine-active); color: #fff; }
.sidebar-note { margin-top: auto; padding: 0 16px; font-size: 12px; opacity: 0.75; }

.pane { display: flex; flex-direction: column; min-width: 0; height: 100vh; }
.channel-pane, .home-pane { flex: 1; }
.thread-pane { width: 420px; flex: none; border-left: 1px solid var(--border); }
.pane-header { display: flex; align-items: center; gap: 12px; padding: 10px 20px; border-bottom: 1px solid var(--border); min-height: 50px; }
.pane-header h1, .pane-header h2 { font-size: 18px; font-weight: 900; margin: 0; }
/* The channel name keeps its line when the open thread narrows the pane; the hint beside it wraps instead. */
.pane-header h1 { flex: none; white-space: nowrap; }
.pane-sub { color: var(--muted); font-size: 13px; }
.pane-close { margin-left: auto; background: none; border: 0; font-size: 22px; cursor: pointer; color: var(--muted); }
.home-tab { font-weight: 700; border-bottom: 2px solid var(--green); padding: 2px 4px; font-size: 14px; }
.messages { flex: 1; overflow-y: auto; padding: 8px 0; }
.thread-scroll { flex: 1; overflow-y: auto; }
.thread-scroll .messages { overflow: visible; }
.thread-parent { border-bottom: 1px solid var(--border); }
.home-scroll { flex: 1; overflow-y: auto; padding: 16px 24px; }
.home-view { max-width: 760px; }

.msg { display: flex; gap: 8px; padding: 8px 20px; }
.msg:hover { background: var(--hover); }
.msg-avatar { width: 36px; height: 36px; flex: none; border-radius: 6px; background: #4a154b; color: #fff; font-weight: 700; display: flex; align-items: center; justify-content: center; }
.msg-user .msg-avatar { background: #2bac76; }
.msg-main { min-width: 0; flex: 1; }
.msg-meta { display: flex; align-items: baseline; gap: 6px; }
.msg-author { font-weight: 900; }
.msg-badge { font-size: 10px; font-weight: 700; color: var(--muted); background: #e8e8e8; border-radius: 2px; padding: 1px 3px; }
.msg-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.msg-image { display: block; max-width: min(420px, 100%); max-height: 280px; margin-top: 4px; border: 1px solid #ddd; border-radius: 6px; }
.channel-pane.is-dropping { outline: 3px dashed var(--green); outline-offset: -6px; }
.msg-ephemeral-note { color: var(--muted); font-size: 13px; }
.msg-ephemeral { background: #f4f8fb; }
.msg-thread-link { background: none; border: 0; padding: 2px 0; color: var(--link); font-weight: 700; font-size: 13px; cursor: pointer; }
.note { margin: 6px 20px; padding: 8px 12px; border-radius: 6px; font-size: 14px; }
.note-error { background: #fdecef; color: #8f1034; border: 1px solid #f5b8c7; }
.note-info { background: #eef5fb; color: #0b4c7a; }

.composer { display: flex; gap: 8px; margin: 0 20px 20px; border: 1px solid #bbbabb; border-radius: 8px; padding: 8px; }
.composer textarea { flex: 1; border: 0; resize: none; outline: none; }
.composer-send { background: var(--green); color: #fff; border: 0; border-radius: 4px; padding: 0 14px; font-weight: 700; cursor: pointer; }

/* Block Kit */
.bk-block { margin: 4px 0; max-width: 640px; }
.bk-header-text { font-size: 18px; font-weight: 900; margin: 8px 0 4px; line-height: 1.33; }
.bk-section { display: flex; gap: 12px; align-items: flex-start; }
.bk-section-body { flex: 1; min-width: 0; }
.bk-text, .bk-field { overflow-wrap: anywhere; }
.bk-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 6px; }
.bk-text + .bk-fields { margin-top: 8px; }
.bk-accessory { flex: none; }
.bk-context { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; color: var(--muted); font-size: 13px; }
.bk-divider { border: 0; border-top: 1px solid var(--border); margin: 12px 0; }
.bk-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.bk-button { display: inline-flex; align-items: center; height: 28px; padding: 0 12px; border: 1px solid #bbbabb; border-radius: 4px; background: #fff; font-size: 13px; font-weight: 700; cursor: pointer; text-decoration: none; color: var(--text); white-space: nowrap; }
.bk-button:hover { background: var(--hover); }
.bk-button:disabled { opacity: 0.6; cursor: progress; }
.bk-primary { background: var(--green); border-color: var(--green); color: #fff; }
.bk-primary:hover { background: #148567; }
.bk-danger { background: #fff; border-color: var(--red); color: var(--red); }
.bk-select, .bk-overflow { height: 28px; border: 1px solid #bbbabb; border-radius: 4px; background: #fff; font-size: 13px; padding: 0 6px; max-width: 280px; }
.bk-image { display: inline-flex; width: 20px; height: 20px; align-items: center; justify-content: center; background: #eee; border-radius: 3px; font-size: 12px; }
.bk-input-label { display: flex; flex-direction: column; gap: 4px; font-weight: 700; }
.bk-optional { color: var(--muted); font-weight: 400; }
.bk-text-input { font-weight: 400; border: 1px solid #bbbabb; border-radius: 4px; padding: 8px; }
.bk-error { color: #8f1034; font-size: 13px; margin-top: 4px; }
.bk-hint { color: var(--muted); font-size: 13px; }
.bk-unsupported { color: #8f1034; background: #fdecef; padding: 4px 8px; border-radius: 4px; font-size: 13px; }

/* mrkdwn */
.mk-code { background: var(--code-bg); color: var(--code-text); border: 1px solid #e3e3e3; border-radius: 3px; padding: 0 3px; }
.mk-pre { background: var(--code-bg); border: 1px solid #e3e3e3; border-radius: 4px; padding: 8px; margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; font-family: Monaco, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; }
.mk-list { margin: 2px 0; padding-left: 28px; }
.mk-quote { border-left: 4px solid #ddd; margin: 4px 0; padding-left: 12px; }
.mk-link { color: var(--link); text-decoration: none; }
.mk-link:hover { text-decoration: underline; }
.mk-mention { background: #e8f5fa; color: var(--link); border-radius: 3px; padding: 0 2px; }
.mk-broadcast { background: #fff3c4; color: #7a5b00; font-weight: 700; outline: 2px solid #e8a400; }

/* raw payload toggle */
.bk-json { margin-top: 6px; font-size: 12px; color: var(--muted); }
.bk-json summary { cursor: pointer; user-select: none; }
.bk-json-code { max-height: 320px; overflow: auto; background: #1d1c1d; color: #e8e8e8; padding: 10px; border-radius: 4px; font-size: 12px; }
.bk-copy { margin: 6px 0 0; font-size: 12px; border: 1px solid #bbbabb; background: #fff; border-radius: 4px; cursor: pointer; }

/* modal */
.modal-overlay { position: fixed; inset: 0; background: rgba(0, 0, 0, 0.45); display: flex; align-items: center; justify-content: center; z-index: 10; }
.bk-modal { background: #fff; width: 520px; max-width: calc(100vw - 32px); max-height: calc(100vh - 64px); border-radius: 8px; display: flex; flex-direction: column; box-shadow: 0 18px 48px rgba(0, 0, 0, 0.35); }
.bk-modal-title { display: flex; align-items: center; padding: 16px 24px; border-bottom: 1px solid var(--border); }
.bk-modal-title h2 { margin: 0; font-size: 20px; font-weight: 900; }
.bk-modal-x { margin-left: auto; background: none; border: 0; font-size: 22px; cursor: pointer; color: var(--muted); }
.bk-modal-body { padding: 12px 24px; overflow-y: auto; }
.bk-modal-footer { display: flex; justify-content: flex-end; gap: 8px; padding: 16px 24px; border-top: 1px solid var(--border); }
`;
