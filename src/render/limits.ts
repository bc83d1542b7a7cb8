// Block Kit's published limits, and a checker the tests (and the bot's safety net) run over
// every payload, so an oversized catalog entry shows up as a named violation, not a Slack error.
import type { Block, Message, TextObject, View } from "./types.js";

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  /** Slack's guidance for the combined text of a message's blocks. */
  blockCharsPerMessage: 12_000,
  fallbackText: 4_000,
  sectionText: 3_000,
  headerText: 150,
  fieldText: 2_000,
  fieldsPerSection: 10,
  contextElements: 10,
  contextText: 3_000,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  blockId: 255,
  elementsPerActions: 25,
  optionText: 75,
  optionValue: 150,
  optionsPerSelect: 100,
  placeholderText: 150,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2_000,
  privateMetadata: 3_000,
  callbackId: 255,
  viewBytes: 250_000,
} as const;

/** Sum of the visible text in a list of blocks (what the 12,000-character guidance counts). */
export function blockTextLength(blocks: readonly Block[]): number {
  let total = 0;
  const add = (text: TextObject | undefined): void => {
    total += text?.text.length ?? 0;
  };
  for (const block of blocks) {
    switch (block.type) {
      case "header":
        add(block.text);
        break;
      case "section":
        add(block.text);
        block.fields?.forEach(add);
        if (block.accessory) add(block.accessory.text);
        break;
      case "context":
        block.elements.forEach(add);
        break;
      case "actions":
        for (const element of block.elements) add(element.type === "button" ? element.text : element.placeholder);
        break;
      case "input":
        add(block.label);
        break;
      case "divider":
        break;
    }
  }
  return total;
}

/** Every limit a list of blocks breaks, as readable strings ("block 3 section text 3012 > 3000"). */
export function blockViolations(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const check = (where: string, actual: number, max: number): void => {
    if (actual > max) out.push(`${where} ${actual} > ${max}`);
  };
  const checkNonEmpty = (where: string, text: string): void => {
    if (text.trim().length === 0) out.push(`${where} is empty`);
  };
  const checkButton = (where: string, button: { text: TextObject; action_id: string; value?: string }): void => {
    check(`${where} button text`, button.text.text.length, LIMITS.buttonText);
    checkNonEmpty(`${where} button text`, button.text.text);
    check(`${where} action_id`, button.action_id.length, LIMITS.actionId);
    check(`${where} value`, button.value?.length ?? 0, LIMITS.buttonValue);
  };
  blocks.forEach((block, index) => {
    const at = `block ${index} ${block.type}`;
    switch (block.type) {
      case "header":
        check(`${at} text`, block.text.text.length, LIMITS.headerText);
        checkNonEmpty(`${at} text`, block.text.text);
        break;
      case "section":
        if (!block.text && !block.fields?.length) out.push(`${at} has neither text nor fields`);
        if (block.text) {
          check(`${at} text`, block.text.text.length, LIMITS.sectionText);
          checkNonEmpty(`${at} text`, block.text.text);
        }
        check(`${at} fields`, block.fields?.length ?? 0, LIMITS.fieldsPerSection);
        block.fields?.forEach((field, i) => check(`${at} field ${i}`, field.text.length, LIMITS.fieldText));
        if (block.accessory) checkButton(at, block.accessory);
        if (block.block_id) check(`${at} block_id`, block.block_id.length, LIMITS.blockId);
        break;
      case "context":
        check(`${at} elements`, block.elements.length, LIMITS.contextElements);
        block.elements.forEach((element, i) => {
          check(`${at} element ${i}`, element.text.length, LIMITS.contextText);
          checkNonEmpty(`${at} element ${i}`, element.text);
        });
        break;
      case "actions":
        check(`${at} elements`, block.elements.length, LIMITS.elementsPerActions);
        if (block.elements.length === 0) out.push(`${at} has no elements`);
        // Slack wants action ids unique within a block.
        const actionIds = new Set<string>();
        for (const element of block.elements) {
          if (actionIds.has(element.action_id)) out.push(`${at} repeats action_id ${element.action_id}`);
          actionIds.add(element.action_id);
          if (element.type === "button") {
            checkButton(at, element);
            continue;
          }
          check(`${at} select action_id`, element.action_id.length, LIMITS.actionId);
          check(`${at} select placeholder`, element.placeholder.text.length, LIMITS.placeholderText);
          check(`${at} select options`, element.options.length, LIMITS.optionsPerSelect);
          for (const option of element.options) {
            check(`${at} option text`, option.text.text.length, LIMITS.optionText);
            check(`${at} option value`, option.value.length, LIMITS.optionValue);
          }
          const initial = element.initial_option;
          if (initial && !element.options.some((o) => o.value === initial.value && o.text.text === initial.text.text)) {
            out.push(`${at} initial_option ${initial.value} is not one of the options`);
          }
        }
        if (block.block_id) check(`${at} block_id`, block.block_id.length, LIMITS.blockId);
        break;
      case "input":
        check(`${at} label`, block.label.text.length, LIMITS.inputLabel);
        check(`${at} action_id`, block.element.action_id.length, LIMITS.actionId);
        break;
      case "divider":
        break;
    }
  });
  return out;
}

export function messageViolations(message: Message): string[] {
  const out = blockViolations(message.blocks);
  if (message.blocks.length > LIMITS.blocksPerMessage) {
    out.push(`message blocks ${message.blocks.length} > ${LIMITS.blocksPerMessage}`);
  }
  const chars = blockTextLength(message.blocks);
  if (chars > LIMITS.blockCharsPerMessage) out.push(`message block text ${chars} > ${LIMITS.blockCharsPerMessage}`);
  if (message.text.trim().length === 0) out.push("message fallback text is empty");
  if (message.text.length > LIMITS.fallbackText) out.push(`message fallback text ${message.text.length} > ${LIMITS.fallbackText}`);
  return out;
}

export function viewViolations(view: View): string[] {
  const out = blockViolations(view.blocks);
  if (view.blocks.length > LIMITS.blocksPerView) out.push(`view blocks ${view.blocks.length} > ${LIMITS.blocksPerView}`);
  const bytes = Buffer.byteLength(JSON.stringify(view), "utf8");
  if (bytes > LIMITS.viewBytes) out.push(`view size ${bytes} bytes > ${LIMITS.viewBytes}`);
  const metadata = view.private_metadata ?? "";
  if (metadata.length > LIMITS.privateMetadata) out.push(`private_metadata ${metadata.length} > ${LIMITS.privateMetadata}`);
  if (view.type === "modal") {
    if (view.title.text.length > LIMITS.modalTitle) out.push(`modal title ${view.title.text.length} > ${LIMITS.modalTitle}`);
    if (view.close.text.length > LIMITS.modalButton) out.push(`modal close ${view.close.text.length} > ${LIMITS.modalButton}`);
    if (view.submit && view.submit.text.length > LIMITS.modalButton) {
      out.push(`modal submit ${view.submit.text.length} > ${LIMITS.modalButton}`);
    }
    if (view.callback_id && view.callback_id.length > LIMITS.callbackId) out.push(`callback_id too long`);
  }
  return out;
}
