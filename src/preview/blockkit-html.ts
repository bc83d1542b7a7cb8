// Block Kit JSON -> HTML that looks like Slack's rendering. Input is whatever the bot produced,
// typed as unknown on purpose: the preview must show (and never execute) anything a payload holds,
// including block types the renderer does not know. Interactive elements keep action_id, value and
// block_id as data-attributes so the page can send the interaction back to the server.
import { attr, escapeHtml, safeHref } from "./html.js";
import { mrkdwnToHtml, plainTextToHtml } from "./mrkdwn-html.js";

type JsonObject = Record<string, unknown>;

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A text object (plain_text or mrkdwn) -> HTML; anything else renders as nothing. */
export function textObjectToHtml(value: unknown): string {
  const text = asObject(value);
  const content = asString(text?.text);
  if (text === undefined || content === undefined) return "";
  if (text.type === "mrkdwn") return mrkdwnToHtml(content);
  if (text.type === "plain_text") return plainTextToHtml(content, text.emoji !== false);
  return "";
}

/** The words of a plain_text object, for labels and attributes (no markup). */
function plainWords(value: unknown): string {
  return asString(asObject(value)?.text) ?? "";
}

function unsupported(kind: string, type: unknown): string {
  const name = typeof type === "string" ? type : "missing type";
  return `<div class="bk-unsupported">Unsupported ${escapeHtml(kind)}: ${escapeHtml(name)}</div>`;
}

/** A list of blocks -> HTML. */
export function blocksToHtml(blocks: unknown): string {
  return asArray(blocks).map(blockToHtml).join("");
}

export function blockToHtml(value: unknown): string {
  const block = asObject(value);
  if (block === undefined) return unsupported("block", undefined);
  const blockId = asString(block.block_id);
  const open = (kind: string): string => `<div class="bk-block bk-${kind}"${attr("data-block-id", blockId)}>`;
  switch (block.type) {
    case "header":
      return `${open("header")}<h3 class="bk-header-text">${textObjectToHtml(block.text)}</h3></div>`;
    case "section":
      return `${open("section")}${sectionBody(block)}${accessory(block.accessory, blockId)}</div>`;
    case "context":
      return `${open("context")}${asArray(block.elements).map(contextElement).join("")}</div>`;
    case "divider":
      return `${open("divider")}<hr class="bk-divider"></div>`;
    case "actions":
      return `${open("actions")}${asArray(block.elements).map((el) => elementToHtml(el, blockId)).join("")}</div>`;
    case "input":
      return `${open("input")}${inputBlock(block, blockId)}</div>`;
    case "image":
      return `${open("image")}${imagePlaceholder(block)}${block.title ? `<div class="bk-image-title">${textObjectToHtml(block.title)}</div>` : ""}</div>`;
    default:
      return unsupported("block", block.type);
  }
}

function sectionBody(block: JsonObject): string {
  const text = block.text === undefined ? "" : `<div class="bk-text">${textObjectToHtml(block.text)}</div>`;
  const fields = asArray(block.fields);
  const grid =
    fields.length === 0
      ? ""
      : `<div class="bk-fields">${fields.map((f) => `<div class="bk-field">${textObjectToHtml(f)}</div>`).join("")}</div>`;
  return `<div class="bk-section-body">${text}${grid}</div>`;
}

function accessory(value: unknown, blockId: string | undefined): string {
  return value === undefined ? "" : `<div class="bk-accessory">${elementToHtml(value, blockId)}</div>`;
}

function contextElement(value: unknown): string {
  const element = asObject(value);
  if (element?.type === "image") return imagePlaceholder(element);
  return `<span class="bk-context-item">${textObjectToHtml(element)}</span>`;
}

/** Images are not fetched (the page loads nothing from elsewhere); the alt text stands in. */
function imagePlaceholder(image: JsonObject): string {
  const alt = asString(image.alt_text) ?? "image";
  return `<span class="bk-image" role="img"${attr("aria-label", alt)}${attr("title", alt)}>🖼</span>`;
}

/** Interactive and display elements inside actions, section accessories and inputs. */
export function elementToHtml(value: unknown, blockId: string | undefined): string {
  const element = asObject(value);
  if (element === undefined) return unsupported("element", undefined);
  const ids = attr("data-action-id", asString(element.action_id)) + attr("data-block-id", blockId);
  switch (element.type) {
    case "button":
      return button(element, ids);
    case "static_select":
    case "overflow":
      return select(element, ids);
    case "plain_text_input":
      return textInput(element, ids);
    case "image":
      return imagePlaceholder(element);
    default:
      return unsupported("element", element.type);
  }
}

function button(element: JsonObject, ids: string): string {
  const style = element.style === "primary" || element.style === "danger" ? ` bk-${element.style}` : "";
  const label = textObjectToHtml(element.text);
  const url = asString(element.url);
  const href = url === undefined ? undefined : safeHref(url);
  const data = `${ids}${attr("data-value", asString(element.value))}`;
  // Link buttons open their URL and still notify the app, as in Slack.
  if (href !== undefined) {
    return `<a class="bk-button${style}" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer"${data}>${label}</a>`;
  }
  return `<button type="button" class="bk-button${style}"${data}>${label}</button>`;
}

function select(element: JsonObject, ids: string): string {
  const placeholder = element.type === "overflow" ? "⋯" : plainWords(element.placeholder) || "Select an option";
  const initial = asString(asObject(element.initial_option)?.value);
  const option = (value: unknown): string => {
    const opt = asObject(value);
    const optionValue = asString(opt?.value) ?? "";
    const selected = initial !== undefined && optionValue === initial ? " selected" : "";
    return `<option value="${escapeHtml(optionValue)}"${selected}>${escapeHtml(plainWords(opt?.text))}</option>`;
  };
  const groups = asArray(element.option_groups)
    .map((g) => `<optgroup label="${escapeHtml(plainWords(asObject(g)?.label))}">${asArray(asObject(g)?.options).map(option).join("")}</optgroup>`)
    .join("");
  const prompt = `<option value=""${initial === undefined ? " selected" : ""} disabled>${escapeHtml(placeholder)}</option>`;
  const kind = element.type === "overflow" ? "bk-overflow" : "bk-select";
  return `<select class="${kind}"${ids}${attr("aria-label", placeholder)}>${prompt}${asArray(element.options).map(option).join("")}${groups}</select>`;
}

function textInput(element: JsonObject, ids: string): string {
  const placeholder = attr("placeholder", plainWords(element.placeholder) || undefined);
  const maxLength = typeof element.max_length === "number" ? attr("maxlength", String(element.max_length)) : "";
  const initial = asString(element.initial_value) ?? "";
  if (element.multiline === true) {
    return `<textarea class="bk-text-input"${ids}${placeholder}${maxLength}>${escapeHtml(initial)}</textarea>`;
  }
  return `<input type="text" class="bk-text-input"${ids}${placeholder}${maxLength} value="${escapeHtml(initial)}">`;
}

function inputBlock(block: JsonObject, blockId: string | undefined): string {
  const optional = block.optional === true ? ` <span class="bk-optional">(optional)</span>` : "";
  const hint = block.hint === undefined ? "" : `<div class="bk-hint">${textObjectToHtml(block.hint)}</div>`;
  // dispatch_action: Enter in the box sends block_actions with its value, as Slack does (App Home search).
  const dispatch = block.dispatch_action === true ? ' data-dispatch-action="true"' : "";
  return `<label class="bk-input-label"${dispatch}><span class="bk-label">${escapeHtml(plainWords(block.label))}${optional}</span>${elementToHtml(block.element, blockId)}</label>${hint}`;
}

/** A message payload: its blocks, or (as Slack does when there are none) its text as mrkdwn. */
export function messageToHtml(message: unknown): string {
  const body = asObject(message);
  const blocks = asArray(body?.blocks);
  if (blocks.length > 0) return blocksToHtml(blocks);
  return `<div class="bk-text">${mrkdwnToHtml(asString(body?.text) ?? "")}</div>`;
}

/** A modal view: title bar, blocks (then `afterBody`), and Close/Submit buttons the page wires to the API. */
export function modalToHtml(view: unknown, afterBody = ""): string {
  const modal = asObject(view) ?? {};
  const title = plainWords(modal.title);
  const submit =
    modal.submit === undefined
      ? ""
      : `<button type="button" class="bk-button bk-primary" data-modal-submit>${textObjectToHtml(modal.submit)}</button>`;
  const close = modal.close === undefined ? "Close" : textObjectToHtml(modal.close);
  return (
    `<div class="bk-modal" role="dialog" aria-modal="true"${attr("aria-label", title)}${attr("data-callback-id", asString(modal.callback_id))}>` +
    `<header class="bk-modal-title"><h2>${textObjectToHtml(modal.title)}</h2><button type="button" class="bk-modal-x" data-modal-close aria-label="Close">×</button></header>` +
    `<div class="bk-modal-body">${blocksToHtml(modal.blocks)}${afterBody}</div>` +
    `<footer class="bk-modal-footer"><button type="button" class="bk-button" data-modal-close>${close}</button>${submit}</footer>` +
    `</div>`
  );
}

/** The raw payload, pretty-printed behind a toggle, so a developer can copy it into Block Kit Builder. */
export function jsonToggleHtml(payload: unknown): string {
  const json = JSON.stringify(payload, null, 2) ?? "null";
  return (
    `<details class="bk-json"><summary>Show Block Kit JSON</summary>` +
    `<button type="button" class="bk-copy" data-copy-json>Copy JSON</button>` +
    `<pre class="bk-json-code">${escapeHtml(json)}</pre></details>`
  );
}
