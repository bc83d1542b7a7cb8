// The page's script, served as /app.js. Plain browser JavaScript kept in a string so the build
// (tsc src -> dist) ships it without a bundler. All bot HTML comes pre-rendered and escaped from
// the server; text typed here is only ever placed with textContent.
// (No backticks or dollar-brace inside: this is a template literal.)

export const CLIENT_SCRIPT = String.raw`"use strict";

const messages = document.getElementById("messages");
const threadPane = document.getElementById("thread-pane");
const threadParent = document.getElementById("thread-parent");
const threadMessages = document.getElementById("thread-messages");
const homePane = document.getElementById("home-pane");
const homeContent = document.getElementById("home-content");
const channelPane = document.getElementById("channel-pane");
const overlay = document.getElementById("modal-overlay");
const composer = document.getElementById("composer");
const input = document.getElementById("composer-input");

/** Replies of each thread, by the ts of the message they answer. */
const threads = new Map();
let openThreadTs = null;
let currentModal = null;
let currentHome = null;

async function api(route, body) {
  const response = await fetch("/api/" + route, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body || {}),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || "The preview server answered " + response.status + ".");
  return data;
}

function fromHtml(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function scrollToEnd(list) {
  list.lastElementChild?.scrollIntoView({ block: "end" });
}

function appendUserMessage(text) {
  const article = element("article", "msg msg-user");
  const main = element("div", "msg-main");
  const meta = element("div", "msg-meta");
  meta.append(element("span", "msg-author", "you"));
  main.append(meta, element("div", "msg-text", text));
  article.append(element("div", "msg-avatar", "Y"), main);
  messages.append(article);
  scrollToEnd(messages);
  return article;
}

function appendNote(text, kind) {
  const note = element("div", "note note-" + kind, text);
  if (kind === "error") note.setAttribute("role", "alert");
  messages.append(note);
  scrollToEnd(messages);
}

function threadFor(parentTs) {
  if (!threads.has(parentTs)) threads.set(parentTs, document.createDocumentFragment());
  return threads.get(parentTs);
}

function updateReplyCount(parentTs) {
  const parent = messages.querySelector('article[data-ts="' + CSS.escape(parentTs) + '"]');
  if (!parent) return;
  const count = (threads.get(parentTs)?.childElementCount || 0) + (openThreadTs === parentTs ? threadMessages.childElementCount : 0);
  let link = parent.querySelector(":scope > .msg-main > .msg-thread-link");
  if (!link) {
    link = element("button", "msg-thread-link");
    link.type = "button";
    link.dataset.openThread = parentTs;
    parent.querySelector(".msg-main").append(link);
  }
  link.textContent = count === 1 ? "1 reply" : count + " replies";
}

function openThread(parentTs) {
  if (openThreadTs !== null && openThreadTs !== parentTs) threads.get(openThreadTs)?.append(...threadMessages.childNodes);
  if (openThreadTs !== parentTs) {
    threadMessages.replaceChildren(threadFor(parentTs));
    threads.set(parentTs, document.createDocumentFragment());
  }
  openThreadTs = parentTs;
  const parent = messages.querySelector('article[data-ts="' + CSS.escape(parentTs) + '"]');
  const copy = parent ? parent.cloneNode(true) : element("div");
  copy.querySelector(".msg-thread-link")?.remove();
  copy.removeAttribute("data-ts");
  threadParent.replaceChildren(copy);
  threadPane.hidden = false;
  scrollToEnd(threadMessages);
}

function closeThread() {
  if (openThreadTs !== null) threads.get(openThreadTs)?.append(...threadMessages.childNodes);
  threadMessages.replaceChildren();
  openThreadTs = null;
  threadPane.hidden = true;
}

function openModal(reply) {
  currentModal = reply.payload;
  overlay.replaceChildren(fromHtml(reply.html));
  overlay.hidden = false;
  overlay.querySelector("input, textarea, select, button")?.focus();
}

function closeModal() {
  currentModal = null;
  overlay.hidden = true;
  overlay.replaceChildren();
}

/** view_submission errors: each message goes under the input block it names, as in Slack. */
function showModalErrors(errors) {
  for (const old of overlay.querySelectorAll(".bk-error")) old.remove();
  for (const [blockId, message] of Object.entries(errors)) {
    const block = overlay.querySelector('.bk-block[data-block-id="' + CSS.escape(blockId) + '"]');
    const note = element("div", "bk-error", String(message));
    note.setAttribute("role", "alert");
    (block || overlay.querySelector(".bk-modal-body"))?.append(note);
  }
}

function showHome(html, payload) {
  currentHome = payload;
  homeContent.replaceChildren(fromHtml(html));
}

/** Puts each answer where Slack would show it; parentTs is the message a thread reply answers. */
function placeReplies(replies, parentTs) {
  for (const reply of replies) {
    if (reply.surface === "modal") openModal(reply);
    else if (reply.surface === "modal-errors") showModalErrors(reply.payload);
    else if (reply.surface === "home") showHome(reply.html, reply.payload);
    else if (reply.surface === "replace") {
      const old = document.querySelector('article[data-ts="' + CSS.escape(reply.ts) + '"]');
      if (old) old.replaceWith(fromHtml(reply.html));
      else messages.append(fromHtml(reply.html));
    } else if (reply.surface === "thread" && parentTs) {
      if (openThreadTs !== parentTs) openThread(parentTs);
      threadMessages.append(fromHtml(reply.html));
      updateReplyCount(parentTs);
      scrollToEnd(threadMessages);
    } else {
      messages.append(fromHtml(reply.html));
      scrollToEnd(messages);
    }
  }
}

async function send(text) {
  const command = /^\/(\S+)(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (command) {
    if (command[1].toLowerCase() !== "zpa-code") {
      appendNote("/" + command[1] + " is not a command in this preview. Try /zpa-code BRK_MT_SETUP_TIMEOUT.", "error");
      return;
    }
    const data = await api("command", { text: command[2] || "" });
    placeReplies(data.replies, null);
    return;
  }
  const article = appendUserMessage(text);
  const data = await api("message", { text });
  article.dataset.ts = data.ts;
  placeReplies(data.replies, data.ts);
}

function containerOf(node) {
  if (node.closest(".bk-modal")) return "modal";
  if (node.closest("#home-content")) return "home";
  return "message";
}

async function sendAction(control, value, selectedValue) {
  const container = containerOf(control);
  const article = control.closest("article.msg");
  const inThread = Boolean(control.closest("#thread-messages"));
  const metadata = container === "modal" ? currentModal?.private_metadata : container === "home" ? currentHome?.private_metadata : undefined;
  const data = await api("action", {
    actionId: control.dataset.actionId,
    blockId: control.dataset.blockId,
    value,
    selectedValue,
    container,
    messageTs: article?.dataset.ts,
    messageEphemeral: article ? article.classList.contains("msg-ephemeral") : undefined,
    threadTs: inThread ? openThreadTs : undefined,
    privateMetadata: metadata,
  });
  placeReplies(data.replies, inThread ? openThreadTs : article?.dataset.ts || null);
}

async function submitModal() {
  const values = {};
  for (const field of overlay.querySelectorAll("input[data-action-id], textarea[data-action-id], select[data-action-id]")) {
    const blockId = field.dataset.blockId || "input";
    values[blockId] = values[blockId] || {};
    values[blockId][field.dataset.actionId] = field.value;
  }
  const data = await api("submit", {
    callbackId: currentModal?.callback_id,
    privateMetadata: currentModal?.private_metadata,
    values,
  });
  if (!data.replies.some((reply) => reply.surface === "modal" || reply.surface === "modal-errors")) closeModal();
  placeReplies(data.replies, null);
}

async function showTab(tab) {
  for (const item of document.querySelectorAll("[data-tab]")) item.classList.toggle("is-active", item.dataset.tab === tab);
  channelPane.hidden = tab !== "channel";
  homePane.hidden = tab !== "home";
  if (tab === "home") {
    closeThread();
    // Slack sends app_home_opened on every visit, so the tab is fetched each time.
    const data = await api("home", { privateMetadata: currentHome?.private_metadata });
    showHome(data.html, data.payload);
  }
}

function copyJson(button) {
  const code = button.parentElement.querySelector(".bk-json-code");
  const selectIt = () => window.getSelection()?.selectAllChildren(code);
  if (!navigator.clipboard) return selectIt();
  navigator.clipboard.writeText(code.textContent).then(() => {
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = "Copy JSON"; }, 1500);
  }, selectIt);
}

/** Runs a handler, keeps the control from double-sending, and shows failures in the channel. */
async function guarded(control, work) {
  if (control) control.disabled = true;
  try {
    await work();
  } catch (error) {
    appendNote(error instanceof Error ? error.message : String(error), "error");
  } finally {
    if (control) control.disabled = false;
  }
}

composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value;
  if (text.trim() === "") return;
  input.value = "";
  guarded(null, () => send(text));
});

input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    composer.requestSubmit();
  }
});

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const actionControl = target.closest("button[data-action-id], a[data-action-id]");
  if (actionControl) return void guarded(actionControl, () => sendAction(actionControl, actionControl.dataset.value, undefined));
  if (target.closest("[data-modal-submit]")) return void guarded(target.closest("button"), submitModal);
  if (target.closest("[data-modal-close]")) return closeModal();
  const copy = target.closest("[data-copy-json]");
  if (copy) return copyJson(copy);
  const threadLink = target.closest("[data-open-thread]");
  if (threadLink) return openThread(threadLink.dataset.openThread);
  if (target.closest("#thread-close")) return closeThread();
  const tab = target.closest("[data-tab]");
  if (tab) return void guarded(null, () => showTab(tab.dataset.tab));
  if (target === overlay) closeModal();
});

document.addEventListener("change", (event) => {
  const select = event.target instanceof HTMLSelectElement ? event.target : null;
  if (!select || !select.dataset.actionId || select.value === "" || select.closest(".bk-input-label")) return;
  guarded(select, () => sendAction(select, undefined, select.value));
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !overlay.hidden) closeModal();
  const field = event.target instanceof HTMLInputElement ? event.target : null;
  if (event.key === "Enter" && !event.isComposing && field?.dataset.actionId && field.closest("[data-dispatch-action]")) {
    event.preventDefault();
    guarded(field, () => sendAction(field, field.value, undefined));
  }
});

document.body.dataset.ready = "true";
input.focus();
`;
