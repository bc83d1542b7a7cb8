// One global Bolt middleware that sends each request straight to the one listener that can take it.
// Bolt runs every registered listener's matchers (a copy of the arguments each) on every request; with
// this, a slash command costs one lookup instead of six listeners' worth of matching.
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";

type Handler<Args> = (args: Args & AllMiddlewareArgs) => Promise<void>;
type CommandHandler = Handler<SlackCommandMiddlewareArgs>;
type EventHandler<Type extends string> = Handler<SlackEventMiddlewareArgs<Type>>;
type ActionHandler = Handler<SlackActionMiddlewareArgs<BlockAction>>;
type ViewHandler = Handler<SlackViewMiddlewareArgs<ViewSubmitAction>>;

/** The subset of Bolt's App that the listeners register with; same names, same arguments. */
export interface ListenerRouter {
  command(name: string, handler: CommandHandler): void;
  event<Type extends "message" | "app_mention" | "app_home_opened">(type: Type, handler: EventHandler<Type>): void;
  /** Block actions whose action_id matches (the bot renders only ids starting with "zpa_"). */
  action(actionId: RegExp, handler: ActionHandler): void;
  /** view_submission of a modal with this callback_id. */
  view(callbackId: string, handler: ViewHandler): void;
}

interface Body {
  type?: unknown;
  command?: unknown;
  event?: { type?: unknown };
  actions?: Array<{ action_id?: unknown }>;
  view?: { callback_id?: unknown };
}

export function createListenerRouter(app: App): ListenerRouter {
  const commands = new Map<string, CommandHandler>();
  const events = new Map<string, Handler<any>>();
  const actions: Array<[RegExp, ActionHandler]> = [];
  const views = new Map<string, ViewHandler>();

  const pick = (body: Body): Handler<any> | undefined => {
    if (typeof body.command === "string") return commands.get(body.command);
    if (body.type === "event_callback") return typeof body.event?.type === "string" ? events.get(body.event.type) : undefined;
    if (body.type === "block_actions") {
      const id = body.actions?.[0]?.action_id;
      return typeof id === "string" ? actions.find(([pattern]) => pattern.test(id))?.[1] : undefined;
    }
    if (body.type === "view_submission" && typeof body.view?.callback_id === "string") return views.get(body.view.callback_id);
    return undefined;
  };

  app.use(async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    const handler = pick(args.body as Body);
    // Nothing of ours applies: let Bolt carry on (its own listeners, if any, and its unhandled-request logging).
    if (!handler) return args.next();
    await handler(args);
  });

  return {
    command: (name, handler) => void commands.set(name, handler),
    event: (type, handler) => void events.set(type, handler),
    action: (actionId, handler) => void actions.push([actionId, handler]),
    view: (callbackId, handler) => void views.set(callbackId, handler),
  };
}
