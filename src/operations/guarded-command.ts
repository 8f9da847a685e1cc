import type { Config } from '../config/types.js';
import type { CommandRequest, Handler, HandlerOutcome } from '../contracts/chat.js';
import type { Approvals } from '../runtime/guarded.js';
import { chooseEnvironment, leftoverProblem } from '../runtime/preambles.js';
import { extractFlags } from '../util/tokenize.js';
import { renderNotice } from './render.js';

export interface GuardedCommandDeps {
  config: Pick<Config, 'environments' | 'defaultEnvironment'>;
  approvals: Approvals;
}

/** `<command> [env]` / `--env`: exactly one environment, or the usage problem to answer with. */
export function oneEnvironment(
  req: Pick<CommandRequest, 'args'>,
  command: string,
  config: GuardedCommandDeps['config'],
): { env: string } | { usageProblem: string } {
  const { flags, rest, errors } = extractFlags(req.args, { withValue: ['env'] });
  const choice = chooseEnvironment(rest, flags.env, config);
  const problem =
    errors[0] ??
    choice.error ??
    (choice.all ? `\`${command}\` takes one environment` : leftoverProblem(choice.rest, config));
  return problem ? { usageProblem: problem } : { env: choice.env };
}

/** Asks for the confirmation (preview with Confirm / Cancel); a refusal is told privately. */
export async function requestGuarded(
  approvals: Approvals,
  req: CommandRequest,
  kind: string,
  env: string,
  params: Record<string, unknown> = {},
): Promise<HandlerOutcome> {
  const out = await approvals.request({
    kind,
    env,
    params,
    requester: req.actor,
    conversation: req.conversation,
    surface: req.surface,
  });
  if (!out.requested) {
    await req.conversation.ephemeral(renderNotice(`🚫 ${out.reason}`));
    return { status: 'fail' };
  }
  return {};
}

/** A command that only asks for a guarded action of the same name in one environment. */
export function createGuardedEnvHandler(
  spec: { name: string; kind: string; summary: string },
  deps: GuardedCommandDeps,
): Handler {
  return {
    name: spec.name,
    usage: `${spec.name} [env]`,
    summary: spec.summary,
    async run(req) {
      const chosen = oneEnvironment(req, spec.name, deps.config);
      if ('usageProblem' in chosen) return chosen;
      return requestGuarded(deps.approvals, req, spec.kind, chosen.env);
    },
  };
}
