// The subset of Block Kit the renderers produce, typed here so the pure core needs no Slack package.

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
  /** True: Slack shows the text as sent, without turning URLs or channel names into links. */
  verbatim?: boolean;
}

export type TextObject = PlainText | Mrkdwn;

export interface Button {
  type: "button";
  text: PlainText;
  action_id: string;
  value?: string;
  style?: "primary" | "danger";
}

export interface SelectOption {
  text: PlainText;
  value: string;
}

export interface StaticSelect {
  type: "static_select";
  action_id: string;
  placeholder: PlainText;
  options: SelectOption[];
  initial_option?: SelectOption;
}

export interface PlainTextInput {
  type: "plain_text_input";
  action_id: string;
  placeholder?: PlainText;
  max_length?: number;
  multiline?: boolean;
  initial_value?: string;
  /** Send block_actions as the user types or presses Enter (App Home's inline search). */
  dispatch_action_config?: { trigger_actions_on: Array<"on_enter_pressed" | "on_character_entered"> };
}

export interface HeaderBlock {
  type: "header";
  text: PlainText;
}

export interface SectionBlock {
  type: "section";
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
  accessory?: Button;
}

export interface ContextBlock {
  type: "context";
  elements: TextObject[];
}

export interface ActionsBlock {
  type: "actions";
  block_id?: string;
  elements: Array<Button | StaticSelect>;
}

export interface DividerBlock {
  type: "divider";
}

export interface InputBlock {
  type: "input";
  block_id: string;
  label: PlainText;
  element: PlainTextInput;
  optional?: boolean;
  hint?: PlainText;
  /** The element sends block_actions (no modal needed): App Home's search box. */
  dispatch_action?: boolean;
}

export type Block = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock | DividerBlock | InputBlock;

/** A message body: blocks plus the plain fallback Slack shows in notifications. */
export interface Message {
  text: string;
  blocks: Block[];
}

export interface HomeView {
  type: "home";
  private_metadata: string;
  blocks: Block[];
}

export interface ModalView {
  type: "modal";
  callback_id?: string;
  title: PlainText;
  close: PlainText;
  submit?: PlainText;
  private_metadata?: string;
  blocks: Block[];
}

export type View = HomeView | ModalView;
