// The preview page's script, served as /app.js: a browser module, type-checked with the DOM library
// (tsconfig.browser.json) and compiled by the build to dist/preview/browser/app.js. All bot HTML comes
// pre-rendered and escaped from the server; text typed here is only ever placed with textContent.
import type { RenderedReply } from "../surfaces-html.js";

interface RepliesResponse {
  replies: RenderedReply[];
}
interface MessageResponse extends RepliesResponse {
  ts: string;
}
interface HomeResponse {
  html: string;
  payload: unknown;
}
/** The parts of a view payload the page reads back. */
interface ViewPayload {
  callback_id?: string;
  private_metadata?: string;
}
type Container = "message" | "home" | "modal";

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}`);
  return found as T;
}

const messages = byId<HTMLDivElement>("messages");
const threadPane = byId<HTMLElement>("thread-pane");
const threadParent = byId<HTMLDivElement>("thread-parent");
const threadMessages = byId<HTMLDivElement>("thread-messages");
const homePane = byId<HTMLElement>("home-pane");
const homeContent = byId<HTMLDivElement>("home-content");
const channelPane = byId<HTMLElement>("channel-pane");
const overlay = byId<HTMLDivElement>("modal-overlay");
const composer = byId<HTMLFormElement>("composer");
const input = byId<HTMLTextAreaElement>("composer-input");

/** Replies of each thread, by the ts of the message they answer. */
const threads = new Map<string, DocumentFragment>();
let openThreadTs: string | null = null;
let currentModal: ViewPayload | null = null;
let currentHome: ViewPayload | null = null;

async function api<T>(route: string, body: object): Promise<T> {
  const response = await fetch("/api/" + route, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new Error(data.error || "The preview server answered " + response.status + ".");
  return data as T;
}

function fromHtml(html: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function scrollToEnd(list: Element): void {
  list.lastElementChild?.scrollIntoView({ block: "end" });
}

function appendUserMessage(text: string): HTMLElement {
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

/** The person's own screenshot in the channel, shown from the page's memory (a blob: URL; only the bot gets the bytes). */
function appendUserImage(file: File): HTMLElement {
  const article = element("article", "msg msg-user");
  const main = element("div", "msg-main");
  const meta = element("div", "msg-meta");
  meta.append(element("span", "msg-author", "you"));
  const image = element("img", "msg-image");
  image.src = URL.createObjectURL(file);
  image.alt = file.name || "screenshot";
  main.append(meta, image);
  article.append(element("div", "msg-avatar", "Y"), main);
  messages.append(article);
  scrollToEnd(messages);
  return article;
}

function appendNote(text: string, kind: "error"): void {
  const note = element("div", "note note-" + kind, text);
  if (kind === "error") note.setAttribute("role", "alert");
  messages.append(note);
  scrollToEnd(messages);
}

function threadFor(parentTs: string): DocumentFragment {
  let thread = threads.get(parentTs);
  if (!thread) {
    thread = document.createDocumentFragment();
    threads.set(parentTs, thread);
  }
  return thread;
}

function messageArticle(ts: string): HTMLElement | null {
  return messages.querySelector<HTMLElement>('article[data-ts="' + CSS.escape(ts) + '"]');
}

function updateReplyCount(parentTs: string): void {
  const parent = messageArticle(parentTs);
  if (!parent) return;
  const count = (threads.get(parentTs)?.childElementCount || 0) + (openThreadTs === parentTs ? threadMessages.childElementCount : 0);
  let link = parent.querySelector<HTMLButtonElement>(":scope > .msg-main > .msg-thread-link");
  if (!link) {
    link = element("button", "msg-thread-link");
    link.type = "button";
    link.dataset.openThread = parentTs;
    parent.querySelector(".msg-main")?.append(link);
  }
  link.textContent = count === 1 ? "1 reply" : count + " replies";
}

function openThread(parentTs: string): void {
  if (openThreadTs !== null && openThreadTs !== parentTs) threads.get(openThreadTs)?.append(...threadMessages.childNodes);
  if (openThreadTs !== parentTs) {
    threadMessages.replaceChildren(threadFor(parentTs));
    threads.set(parentTs, document.createDocumentFragment());
  }
  openThreadTs = parentTs;
  const parent = messageArticle(parentTs);
  const copy = parent ? (parent.cloneNode(true) as HTMLElement) : element("div");
  copy.querySelector(".msg-thread-link")?.remove();
  copy.removeAttribute("data-ts");
  threadParent.replaceChildren(copy);
  threadPane.hidden = false;
  scrollToEnd(threadMessages);
}

function closeThread(): void {
  if (openThreadTs !== null) threads.get(openThreadTs)?.append(...threadMessages.childNodes);
  threadMessages.replaceChildren();
  openThreadTs = null;
  threadPane.hidden = true;
}

function openModal(reply: RenderedReply): void {
  currentModal = reply.payload as ViewPayload;
  overlay.replaceChildren(fromHtml(reply.html));
  overlay.hidden = false;
  overlay.querySelector<HTMLElement>("input, textarea, select, button")?.focus();
}

function closeModal(): void {
  currentModal = null;
  overlay.hidden = true;
  overlay.replaceChildren();
}

/** view_submission errors: each message goes under the input block it names, as in Slack. */
function showModalErrors(errors: Record<string, unknown>): void {
  for (const old of overlay.querySelectorAll(".bk-error")) old.remove();
  for (const [blockId, message] of Object.entries(errors)) {
    const block = overlay.querySelector('.bk-block[data-block-id="' + CSS.escape(blockId) + '"]');
    const note = element("div", "bk-error", String(message));
    note.setAttribute("role", "alert");
    (block || overlay.querySelector(".bk-modal-body"))?.append(note);
  }
}

function showHome(html: string, payload: unknown): void {
  currentHome = payload as ViewPayload;
  homeContent.replaceChildren(fromHtml(html));
}

/** Puts each answer where Slack would show it; parentTs is the message a thread reply answers. */
function placeReplies(replies: readonly RenderedReply[], parentTs: string | null): void {
  for (const reply of replies) {
    if (reply.surface === "modal") openModal(reply);
    else if (reply.surface === "modal-errors") showModalErrors(reply.payload as Record<string, unknown>);
    else if (reply.surface === "home") showHome(reply.html, reply.payload);
    else if (reply.surface === "replace") {
      const old = document.querySelector('article[data-ts="' + CSS.escape(reply.ts ?? "") + '"]');
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

async function send(text: string): Promise<void> {
  const command = /^\/(\S+)(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (command) {
    const name = command[1] ?? "";
    if (name.toLowerCase() !== "zpa-code") {
      appendNote("/" + name + " is not a command in this preview. Try /zpa-code BRK_MT_SETUP_TIMEOUT.", "error");
      return;
    }
    const data = await api<RepliesResponse>("command", { text: command[2] || "" });
    placeReplies(data.replies, null);
    return;
  }
  const article = appendUserMessage(text);
  const data = await api<MessageResponse>("message", { text });
  article.dataset.ts = data.ts;
  placeReplies(data.replies, data.ts);
}

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"];

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1] ?? "");
    reader.onerror = () => reject(new Error("The browser could not read " + (file.name || "the image") + "."));
    reader.readAsDataURL(file);
  });
}

/** A pasted or dropped screenshot: posted in the channel as Slack posts a file, answered in its thread. */
async function sendImage(file: File): Promise<void> {
  if (!IMAGE_TYPES.includes(file.type)) {
    appendNote((file.name || "That file") + " is not a PNG, JPEG, GIF or WebP image.", "error");
    return;
  }
  const article = appendUserImage(file);
  const image = await readAsBase64(file);
  const data = await api<MessageResponse>("image", { image, name: file.name || "screenshot.png" });
  article.dataset.ts = data.ts;
  placeReplies(data.replies, data.ts);
}

function imageOf(files: FileList | undefined | null): File | undefined {
  return Array.from(files ?? []).find((file) => file.type.startsWith("image/"));
}

function containerOf(node: Element): Container {
  if (node.closest(".bk-modal")) return "modal";
  if (node.closest("#home-content")) return "home";
  return "message";
}

async function sendAction(control: HTMLElement, value: string | undefined, selectedValue: string | undefined): Promise<void> {
  const container = containerOf(control);
  const article = control.closest<HTMLElement>("article.msg");
  const inThread = Boolean(control.closest("#thread-messages"));
  const metadata = container === "modal" ? currentModal?.private_metadata : container === "home" ? currentHome?.private_metadata : undefined;
  const data = await api<RepliesResponse>("action", {
    actionId: control.dataset.actionId,
    blockId: control.dataset.blockId,
    value,
    selectedValue,
    container,
    messageTs: article?.dataset.ts,
    messageEphemeral: article ? article.classList.contains("msg-ephemeral") : undefined,
    threadTs: inThread ? (openThreadTs ?? undefined) : undefined,
    privateMetadata: metadata,
  });
  placeReplies(data.replies, inThread ? openThreadTs : article?.dataset.ts || null);
}

async function submitModal(): Promise<void> {
  const values: Record<string, Record<string, string>> = {};
  const fields = overlay.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    "input[data-action-id], textarea[data-action-id], select[data-action-id]",
  );
  for (const field of fields) {
    const blockId = field.dataset.blockId || "input";
    const byAction = (values[blockId] ??= {});
    byAction[field.dataset.actionId ?? ""] = field.value;
  }
  const data = await api<RepliesResponse>("submit", {
    callbackId: currentModal?.callback_id,
    privateMetadata: currentModal?.private_metadata,
    values,
  });
  if (!data.replies.some((reply) => reply.surface === "modal" || reply.surface === "modal-errors")) closeModal();
  placeReplies(data.replies, null);
}

async function showTab(tab: string | undefined): Promise<void> {
  for (const item of document.querySelectorAll<HTMLElement>("[data-tab]")) item.classList.toggle("is-active", item.dataset.tab === tab);
  channelPane.hidden = tab !== "channel";
  homePane.hidden = tab !== "home";
  if (tab === "home") {
    closeThread();
    // Slack sends app_home_opened on every visit, so the tab is fetched each time.
    const data = await api<HomeResponse>("home", { privateMetadata: currentHome?.private_metadata });
    showHome(data.html, data.payload);
  }
}

function copyJson(button: HTMLElement): void {
  const code = button.parentElement?.querySelector(".bk-json-code");
  if (!code) return;
  const selectIt = (): void => window.getSelection()?.selectAllChildren(code);
  if (!navigator.clipboard) return selectIt();
  navigator.clipboard.writeText(code.textContent ?? "").then(() => {
    button.textContent = "Copied";
    setTimeout(() => {
      button.textContent = "Copy JSON";
    }, 1500);
  }, selectIt);
}

/** Runs a handler, keeps the control from double-sending, and shows failures in the channel. */
async function guarded(control: HTMLButtonElement | HTMLSelectElement | HTMLElement | null, work: () => Promise<void>): Promise<void> {
  const disablable = control && "disabled" in control ? (control as HTMLButtonElement) : null;
  if (disablable) disablable.disabled = true;
  try {
    await work();
  } catch (error) {
    appendNote(error instanceof Error ? error.message : String(error), "error");
  } finally {
    if (disablable) disablable.disabled = false;
  }
}

composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value;
  if (text.trim() === "") return;
  input.value = "";
  void guarded(null, () => send(text));
});

input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    composer.requestSubmit();
  }
});

input.addEventListener("paste", (event) => {
  const file = imageOf(event.clipboardData?.files);
  if (!file) return;
  event.preventDefault();
  void guarded(null, () => sendImage(file));
});

channelPane.addEventListener("dragover", (event) => {
  if (!event.dataTransfer || !Array.from(event.dataTransfer.types).includes("Files")) return;
  event.preventDefault();
  channelPane.classList.add("is-dropping");
});
channelPane.addEventListener("dragleave", () => channelPane.classList.remove("is-dropping"));
channelPane.addEventListener("drop", (event) => {
  channelPane.classList.remove("is-dropping");
  // Any dropped file is taken (the browser would otherwise open it); sendImage says when it is no image.
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  void guarded(null, () => sendImage(file));
});

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const actionControl = target.closest<HTMLElement>("button[data-action-id], a[data-action-id]");
  if (actionControl) return void guarded(actionControl, () => sendAction(actionControl, actionControl.dataset.value, undefined));
  if (target.closest("[data-modal-submit]")) return void guarded(target.closest("button"), submitModal);
  if (target.closest("[data-modal-close]")) return closeModal();
  const copy = target.closest<HTMLElement>("[data-copy-json]");
  if (copy) return copyJson(copy);
  const threadLink = target.closest<HTMLElement>("[data-open-thread]");
  if (threadLink) return openThread(threadLink.dataset.openThread ?? "");
  if (target.closest("#thread-close")) return closeThread();
  const tab = target.closest<HTMLElement>("[data-tab]");
  if (tab) return void guarded(null, () => showTab(tab.dataset.tab));
  if (target === overlay) closeModal();
});

document.addEventListener("change", (event) => {
  const select = event.target instanceof HTMLSelectElement ? event.target : null;
  if (!select || !select.dataset.actionId || select.value === "" || select.closest(".bk-input-label")) return;
  void guarded(select, () => sendAction(select, undefined, select.value));
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !overlay.hidden) closeModal();
  const field = event.target instanceof HTMLInputElement ? event.target : null;
  if (event.key === "Enter" && !event.isComposing && field?.dataset.actionId && field.closest("[data-dispatch-action]")) {
    event.preventDefault();
    void guarded(field, () => sendAction(field, field.value, undefined));
  }
});

document.body.dataset.ready = "true";
input.focus();
