import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  mrkdwnToPlain,
  plainTable
} from "./chunk-YHMI6ZHD.js";
import {
  truncate
} from "./chunk-QSRIQDF5.js";

// src/ui/limits.ts
var LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3e3,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2e3,
  actionsElements: 25,
  fallbackText: 4e4
};
function fitBlocks(blocks) {
  if (blocks.length <= LIMITS.blocksPerMessage) return blocks;
  const last = blocks[blocks.length - 1];
  const keepActions = last?.type === "actions";
  const room = LIMITS.blocksPerMessage - 1 - (keepActions ? 1 : 0);
  const hidden = blocks.length - room - (keepActions ? 1 : 0);
  const note = {
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: `_${hidden} more not shown (Slack allows ${LIMITS.blocksPerMessage} blocks per message)_`
      }
    ]
  };
  return [...blocks.slice(0, room), note, ...keepActions && last ? [last] : []];
}
function chunkLines(lines, max = LIMITS.sectionText) {
  const out = [];
  let cur = "";
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (cur && cur.length + 1 + line.length > max) {
      out.push(cur);
      cur = line;
    } else cur = cur ? `${cur}
${line}` : line;
  }
  if (cur) out.push(cur);
  return out;
}

// src/ui/blocks.ts
var md = (text) => ({
  type: "section",
  text: { type: "mrkdwn", text: truncate(text, LIMITS.sectionText) }
});
var header = (text) => ({
  type: "header",
  text: { type: "plain_text", text: truncate(text, LIMITS.headerText), emoji: true }
});
var context = (...texts) => ({
  type: "context",
  elements: texts.slice(0, LIMITS.contextElements).map((t) => ({ type: "mrkdwn", text: truncate(t, LIMITS.sectionText) }))
});
var divider = () => ({ type: "divider" });
function button(b) {
  const value = b.value === void 0 ? void 0 : typeof b.value === "string" ? b.value : JSON.stringify(b.value);
  if (value && value.length > LIMITS.buttonValue)
    throw new Error(`button value for ${b.actionId} is over ${LIMITS.buttonValue} characters`);
  return {
    type: "button",
    text: { type: "plain_text", text: truncate(b.text, LIMITS.buttonText), emoji: true },
    action_id: b.actionId,
    ...value !== void 0 ? { value } : {},
    ...b.style ? { style: b.style } : {},
    ...b.url ? { url: b.url } : {}
  };
}
var actions = (...buttons) => ({
  type: "actions",
  elements: buttons.slice(0, LIMITS.actionsElements).map(button)
});
var mdWithButton = (text, b) => ({
  type: "section",
  text: { type: "mrkdwn", text: truncate(text, LIMITS.sectionText) },
  accessory: button(b)
});
function escapeMrkdwn(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeKeepingMentions(text) {
  return escapeMrkdwn(text).replace(/&lt;(!subteam\^S[A-Z0-9]+|@[UW][A-Z0-9]+|#[CG][A-Z0-9]+)&gt;/g, "<$1>");
}

// src/app/help.ts
function mentionVerbs(events) {
  return (events.get("app_mention") ?? []).flatMap((h) => [...h.verbs ?? []]);
}
function renderHelp(handlers, config, note, mentions = []) {
  const visible = handlers.filter((h) => !h.hidden);
  const envs = config.environments.map((e) => e.name === config.defaultEnvironment ? `${e.name} (default)` : e.name).join(", ");
  const line = (prefix, e) => `\`${prefix}${escapeMrkdwn(e.usage)}\`  ${escapeMrkdwn(e.summary)}`;
  const commandLines = visible.flatMap((h) => [
    line("/ctx ", h),
    ...(h.subcommands ?? []).map((s) => `   \u21B3 ${line("/ctx ", s)}`)
  ]);
  const mentionLines = mentions.map((m) => line("@ctx-ops ", m));
  const blocks = fitBlocks([
    ...note ? [md(`\u26A0\uFE0F ${note}`)] : [],
    ...chunkLines(["*ctx-ops* keeps watch over your ctx| deployment. Commands:", ...commandLines]).map(md),
    ...mentionLines.length ? chunkLines(["*In an incident or runbook thread*, mention the bot:", ...mentionLines]).map(md) : [],
    context(`Environments: ${envs || "none configured"}`)
  ]);
  const rows = visible.flatMap((h) => [
    [h.usage, h.summary],
    ...(h.subcommands ?? []).map((s) => [`  ${s.usage}`, s.summary])
  ]);
  const plain = [
    ...note ? [`\u26A0 ${mrkdwnToPlain(note)}`, ""] : [],
    "ctx-ops commands (type them with or without /ctx):",
    plainTable(rows, { indent: 2 }),
    ...mentions.length ? [
      "",
      "In Slack, in an incident or runbook thread, mention the bot:",
      plainTable(
        mentions.map((m) => [`@ctx-ops ${m.usage}`, m.summary]),
        { indent: 2 }
      )
    ] : [],
    "",
    `  Environments: ${envs || "none configured"}`
  ].join("\n");
  const text = [
    note,
    "ctx-ops commands:",
    ...visible.flatMap((h) => [
      `/ctx ${h.usage}: ${h.summary}`,
      ...(h.subcommands ?? []).map((s) => `/ctx ${s.usage}: ${s.summary}`)
    ]),
    ...mentions.map((m) => `@ctx-ops ${m.usage}: ${m.summary}`)
  ].filter(Boolean).join("\n");
  return { text, blocks, plain };
}
function createHelp(getHandlers, config, getMentions = () => []) {
  const show = async (req, note) => {
    await req.conversation.ephemeral(renderHelp(getHandlers(), config, note, getMentions()));
    return note ? { usageError: true } : {};
  };
  const handler = {
    name: "help",
    aliases: ["?", "-h", "--help"],
    usage: "help",
    summary: "This list",
    run: (req) => show(req)
  };
  return { show, handler };
}

export {
  LIMITS,
  fitBlocks,
  chunkLines,
  md,
  header,
  context,
  divider,
  actions,
  mdWithButton,
  escapeMrkdwn,
  escapeKeepingMentions,
  mentionVerbs,
  renderHelp,
  createHelp
};
