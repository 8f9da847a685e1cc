import type { KnownBlock } from '@slack/types';
import type { Status } from './checks.js';

export type Block = KnownBlock;

/** One message in every form a surface may need. */
export interface OutMessage {
  /** Slack's notification/accessibility fallback; also what is logged. Always present. */
  text: string;
  blocks?: Block[];
  /** Readable terminal rendering for the shell and the CLI; derived from blocks when absent. */
  plain?: string;
  /** Machine-readable form for `--json`. */
  json?: unknown;
  /** A placeholder (e.g. "checking…") that the final answer replaces; the CLI skips it. */
  transient?: boolean;
}

/** Where a posted message lives, so it can be updated or replied to in a thread. */
export interface MessageRef {
  channel: string;
  ts: string;
  threadTs?: string;
  /** Set when the message was posted through a response_url (bot not in the channel). */
  responseUrl?: string;
}

/** The place an answer goes: a Slack channel, the terminal, or the CLI's stdout. */
export interface Conversation {
  /** A message everyone in the channel sees (in a thread when `thread` is given). */
  post(msg: OutMessage, opts?: { thread?: MessageRef }): Promise<MessageRef>;
  /** Replaces a message in place. */
  update(ref: MessageRef, msg: OutMessage): Promise<void>;
  /** A message only the person who asked sees. */
  ephemeral(msg: OutMessage): Promise<void>;
}

export interface Actor {
  /** Slack user id (U…) or `local:<name>` in the shell and the CLI. */
  userId: string;
  userName?: string;
  channelId?: string;
  teamId?: string;
}

export type Surface = 'slack' | 'shell' | 'cli';

export interface CommandRequest {
  /** The subcommand as typed, lower-cased ("status"). */
  name: string;
  /** Tokens after the subcommand, quotes honoured. */
  args: string[];
  /** Everything after `/ctx`. */
  text: string;
  actor: Actor;
  surface: Surface;
  conversation: Conversation;
}

/** What a command concluded, so the CLI can choose its exit code. */
export interface HandlerOutcome {
  status?: Status;
  usageError?: boolean;
  /**
   * The command was typed wrong: the router answers it privately, followed by the
   * command's usage, and marks the outcome a usage error.
   */
  usageProblem?: string;
}

/** One line of help: how to type it and what it does. */
export interface HelpEntry {
  usage: string;
  summary: string;
}

export interface Handler {
  name: string;
  aliases?: string[];
  /** e.g. "status [env|all]" */
  usage: string;
  summary: string;
  /** Hidden from help (it still works). */
  hidden?: boolean;
  /** Words after the command that do something else (`incident note`): help lists each. */
  subcommands?: readonly HelpEntry[];
  run(req: CommandRequest): Promise<HandlerOutcome | void>;
}

export interface ActionRequest {
  /** The full action_id, e.g. "ctx.status.rerun". */
  actionId: string;
  value: string;
  actor: Actor;
  /** The message that carried the button. */
  message?: MessageRef;
  conversation: Conversation;
  surface: Surface;
}

export interface ActionHandler {
  /** Exact action_id this handler serves. */
  actionId: string;
  run(req: ActionRequest): Promise<void>;
}

export interface EventRequest {
  type: string;
  event: Record<string, unknown>;
  actor: Actor;
  conversation: Conversation;
}

export type EventHandler = ((req: EventRequest) => Promise<void>) & {
  /** An app_mention handler's verbs (`@ctx-ops next`), listed by help. */
  verbs?: readonly HelpEntry[];
};
