import type { LogsConfig } from '../config/sections/logs.js';
import type { Config } from '../config/types.js';
import type { Actor, Surface } from '../contracts/chat.js';
import { checkMembership, isLocal, resolveChannelRef } from '../slack/principals.js';
import type { GroupResolver } from '../slack/user-groups.js';

/**
 * Who may read an environment's logs (`logs.access.<env>`): `users` (Slack user ids, user-group
 * ids S…, `local:<user>`/`local:*` for the shell) and `channels` (ids or roles such as
 * `incidents`). Defaults, like guarded operations: no entry → anyone in a non-production
 * environment, nobody with `/ctx logs` in a production one (the answer shows the YAML to
 * add). Runbook steps run by the bot in an incident thread follow `channels` only.
 */
export type AccessDecision = { ok: true } | { ok: false; reason: string };

export function accessYaml(env: string): string {
  return `logs:\n  access:\n    ${env}:\n      users: [U0123ABCD, S0456EFGH]   # people or user groups\n      channels: [incidents]          # optional: only in these channels`;
}

export async function decideLogAccess(i: {
  logs: Pick<LogsConfig, 'access'>;
  config: Pick<Config, 'channels'>;
  env: { name: string; production: boolean };
  actor: Actor;
  surface: Surface;
  groups: GroupResolver;
}): Promise<AccessDecision> {
  const entry = i.logs.access[i.env.name];
  if (!entry) {
    if (!i.env.production) return { ok: true };
    return {
      ok: false,
      reason: `nobody may read ${i.env.name}'s logs yet: it is a production environment and \`logs.access.${i.env.name}\` is not set`,
    };
  }
  if (entry.channels && i.surface === 'slack') {
    const allowed = entry.channels.map((c) => resolveChannelRef(i.config, c));
    if (!i.actor.channelId || !allowed.includes(i.actor.channelId))
      return { ok: false, reason: `${i.env.name}'s logs are read only in ${allowed.map((c) => `<#${c}>`).join(', ')}` };
  }
  if (!entry.users) return { ok: true };
  const { matched } = await checkMembership({ mode: 'listed', principals: entry.users }, i.actor, i.groups);
  if (matched) return { ok: true };
  return {
    ok: false,
    reason: isLocal(i.actor)
      ? `\`${i.actor.userId}\` is not in \`logs.access.${i.env.name}.users\``
      : `you are not in \`logs.access.${i.env.name}.users\``,
  };
}

/** A runbook step posts where the incident is: only `channels` limits it. */
export function stepAllowed(
  logs: Pick<LogsConfig, 'access'>,
  config: Pick<Config, 'channels'>,
  env: string,
  channel: string | undefined,
): boolean {
  const channels = logs.access[env]?.channels;
  if (!channels) return true;
  return channel !== undefined && channels.map((c) => resolveChannelRef(config, c)).includes(channel);
}
