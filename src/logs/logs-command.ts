import type { Config } from '../config/types.js';
import { findEnvironment } from '../config/types.js';
import type { ActionHandler, Actor, Handler, Surface } from '../contracts/chat.js';
import { chooseEnvironment, leftoverProblem } from '../runtime/preambles.js';
import type { GroupResolver } from '../slack/user-groups.js';
import { context } from '../ui/blocks.js';
import { userWord } from '../ui/user-text.js';
import { parseDuration } from '../util/format.js';
import { closest, extractFlags } from '../util/tokenize.js';
import { accessYaml, decideLogAccess } from './access.js';
import { LEVELS, type LogLevel } from './entry.js';
import type { LogReader } from './reader.js';
import { POST_ACTION_ID, type PostValue, renderLogReport } from './render.js';

export interface LogsCommandDeps {
  config: Pick<Config, 'environments' | 'defaultEnvironment' | 'timezone' | 'logLinks' | 'logs' | 'channels'>;
  reader: LogReader;
  groups: GroupResolver;
}

const MAX_WINDOW_MS = 7 * 24 * 3_600_000;
// Kept within help's widest usage column; --grep and --level are named in the summary.
const USAGE = 'logs <component> [env] [--since 15m] [--signal s]';

/** The `logLinks` template of a component (or `default`), filled like runbook links. */
export function logLink(
  logLinks: Readonly<Record<string, string>>,
  vars: { env: string; component: string; since: Date },
): string | undefined {
  const t = logLinks[vars.component] ?? logLinks.default;
  if (!t) return undefined;
  const values: Record<string, string> = {
    env: vars.env,
    component: vars.component,
    since: vars.since.toISOString(),
    sinceMs: String(vars.since.getTime()),
  };
  return t.replace(/\{(env|component|since|sinceMs)\}/g, (_, k: string) => encodeURIComponent(values[k] ?? ''));
}

async function refusal(
  deps: LogsCommandDeps,
  envName: string,
  actor: Actor,
  surface: Surface,
): Promise<string | undefined> {
  const env = findEnvironment(deps.config, envName);
  if (!env) return `no environment ${userWord(envName)}`;
  const d = await decideLogAccess({
    logs: deps.config.logs,
    config: deps.config,
    env,
    actor,
    surface,
    groups: deps.groups,
  });
  if (d.ok) return undefined;
  return `${d.reason}. To allow it, add to ctx-ops.yml:\n\`\`\`${accessYaml(envName)}\`\`\``;
}

/** `/ctx logs`: a private, compact answer with a button to post it where everyone sees it. */
export function createLogsHandler(deps: LogsCommandDeps): Handler {
  return {
    name: 'logs',
    usage: USAGE,
    summary:
      "A component's recent logs (also --grep text, --level warn): counts per level and signal, top groups, redacted samples",
    async run(req) {
      const { flags, rest, errors } = extractFlags(req.args, {
        withValue: ['since', 'signal', 'grep', 'level', 'env'],
      });
      const choice = chooseEnvironment(rest, flags.env, deps.config);
      const [component, ...extra] = choice.rest;
      const components = deps.reader.components();
      const since = typeof flags.since === 'string' ? parseDuration(flags.since) : undefined;
      const level = typeof flags.level === 'string' ? flags.level.toLowerCase() : undefined;
      const signal = typeof flags.signal === 'string' ? flags.signal : undefined;
      const known = component ? deps.reader.catalog.get(component) : undefined;
      const problem =
        errors[0] ??
        choice.error ??
        (!component
          ? `which component? (${components.join(', ')})`
          : !/^[a-z][a-z0-9-]{0,39}$/.test(component)
            ? `${userWord(component)} is not a component name`
            : extra.length
              ? leftoverProblem(extra, deps.config)
              : choice.all
                ? '`logs` reads one environment'
                : flags.since !== undefined && (since === undefined || since > MAX_WINDOW_MS)
                  ? `--since takes a duration up to 7d (15m, 2h, 1d), not ${userWord(String(flags.since))}`
                  : level !== undefined && !(LEVELS as readonly string[]).includes(level)
                    ? `--level is one of ${LEVELS.join(', ')}`
                    : signal !== undefined && !known?.has(signal)
                      ? unknownSignal(signal, component, known ? [...known.keys()] : [])
                      : undefined);
      if (problem || !component) return { usageProblem: problem ?? 'which component?' };

      const refused = await refusal(deps, choice.env, req.actor, req.surface);
      if (refused) {
        await req.conversation.ephemeral({ text: refused });
        return { status: 'fail' };
      }
      const windowMs = since ?? deps.config.logs.defaultWindowMinutes * 60_000;
      const filter = {
        signal,
        grep: typeof flags.grep === 'string' ? flags.grep : undefined,
        level: level as LogLevel | undefined,
      };
      const report = await deps.reader.read({ env: choice.env, component, windowMs, filter });
      const post: PostValue = {
        e: report.env,
        c: component,
        s: report.since.getTime(),
        u: report.until.getTime(),
        ...(signal ? { sig: signal } : {}),
        ...(filter.grep ? { g: filter.grep.slice(0, 200) } : {}),
        ...(filter.level ? { l: filter.level } : {}),
      };
      const msg = renderLogReport(report, {
        timezone: deps.config.timezone,
        catalog: deps.reader.catalog,
        link: logLink(deps.config.logLinks, { env: report.env, component, since: report.since }),
        post: req.surface === 'slack' ? post : undefined,
      });
      await req.conversation.ephemeral(msg);
      return { status: report.unavailable ? 'warn' : 'ok' };
    },
  };
}

function unknownSignal(signal: string, component: string, names: string[]): string {
  const guess = closest(signal, names);
  return `${component} has no signal ${userWord(signal)}${names.length ? ` (known: ${names.join(', ')})` : ''}${guess ? `; did you mean \`${guess}\`?` : ''}`;
}

/** "Post to channel": reads the same window again (nothing was kept) and posts it. */
export function createLogsPostAction(deps: LogsCommandDeps): ActionHandler {
  return {
    actionId: POST_ACTION_ID,
    async run(req) {
      let v: PostValue;
      try {
        v = JSON.parse(req.value) as PostValue;
      } catch {
        return;
      }
      if (typeof v?.e !== 'string' || typeof v.c !== 'string' || !Number.isFinite(v.s) || !Number.isFinite(v.u)) return;
      if (!/^[a-z][a-z0-9-]{0,39}$/.test(v.c) || v.u - v.s <= 0 || v.u - v.s > MAX_WINDOW_MS) return;
      const refused = await refusal(deps, v.e, req.actor, req.surface);
      if (refused) {
        await req.conversation.ephemeral({ text: refused });
        return;
      }
      const level = v.l && (LEVELS as readonly string[]).includes(v.l) ? v.l : undefined;
      const report = await deps.reader.read({
        env: v.e,
        component: v.c,
        windowMs: v.u - v.s,
        until: new Date(v.u),
        filter: { signal: v.sig, grep: v.g, level },
      });
      const msg = renderLogReport(report, {
        timezone: deps.config.timezone,
        catalog: deps.reader.catalog,
        link: logLink(deps.config.logLinks, { env: v.e, component: v.c, since: report.since }),
      });
      const by = `shared by <@${req.actor.userId}>`;
      const shared = { ...msg, text: `${msg.text} (${by})`, blocks: [...(msg.blocks ?? []), context(by)] };
      await req.conversation.post(shared, req.message?.threadTs ? { thread: req.message } : undefined);
    },
  };
}
