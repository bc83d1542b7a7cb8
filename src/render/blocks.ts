// Small constructors that apply each Block Kit length limit at the point the text is placed.
import { clip, clipMrkdwn } from "./escape.js";
import { LIMITS } from "./limits.js";
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  Mrkdwn,
  PlainText,
  SectionBlock,
  SelectOption,
} from "./types.js";

export function plain(text: string, max: number): PlainText {
  return { type: "plain_text", text: clip(text, max), emoji: true };
}

export function mrkdwn(text: string, max: number = LIMITS.sectionText): Mrkdwn {
  return { type: "mrkdwn", text: clipMrkdwn(text, max) };
}

export function header(text: string): HeaderBlock {
  return { type: "header", text: plain(text, LIMITS.headerText) };
}

export function section(text: string, accessory?: Button): SectionBlock {
  const block: SectionBlock = { type: "section", text: mrkdwn(text) };
  if (accessory) block.accessory = accessory;
  return block;
}

/** A section that echoes what a user typed: verbatim, so a typed URL or #channel stays plain text. */
export function echoSection(text: string): SectionBlock {
  return { type: "section", text: { ...mrkdwn(text), verbatim: true } };
}

export function fieldsSection(fields: readonly string[]): SectionBlock {
  return {
    type: "section",
    fields: fields.slice(0, LIMITS.fieldsPerSection).map((field) => mrkdwn(field, LIMITS.fieldText)),
  };
}

export function context(text: string): ContextBlock {
  return { type: "context", elements: [mrkdwn(text, LIMITS.contextText)] };
}

/** A context line that echoes what a user typed (see echoSection). */
export function echoContext(text: string): ContextBlock {
  return { type: "context", elements: [{ ...mrkdwn(text, LIMITS.contextText), verbatim: true }] };
}

export function divider(): DividerBlock {
  return { type: "divider" };
}

export function button(label: string, actionId: string, value: string, style?: Button["style"]): Button {
  const out: Button = {
    type: "button",
    text: plain(label, LIMITS.buttonText),
    action_id: actionId.slice(0, LIMITS.actionId),
    value: value.slice(0, LIMITS.buttonValue),
  };
  if (style) out.style = style;
  return out;
}

/** Buttons beyond the per-block limit are dropped; callers keep lists short anyway. */
export function actions(elements: ActionsBlock["elements"], blockId?: string): ActionsBlock {
  const block: ActionsBlock = { type: "actions", elements: elements.slice(0, LIMITS.elementsPerActions) };
  if (blockId) block.block_id = blockId;
  return block;
}

export function option(label: string, value: string): SelectOption {
  return { text: plain(label, LIMITS.optionText), value: value.slice(0, LIMITS.optionValue) };
}
