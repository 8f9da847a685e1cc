import { stat } from 'node:fs/promises';
import { extractFlags } from '../../util/tokenize.js';
import { findEnvironment, type Config } from '../../config/types.js';
import type { BackupStore } from '../backup/backup-store.js';
import type { Approvals } from '../../runtime/guarded.js';
import { readPending } from './pending-migrations.js';
import { NEEDS_STORE } from '../stores.js';
import { md } from '../../ui/blocks.js';
import { renderNotice } from '../render.js';
import { requestGuarded } from '../guarded-command.js';
import { chooseEnvironment, leftoverProblem } from '../../runtime/preambles.js';
import type { Handler } from '../../contracts/chat.js';

export interface MigrateHandlerDeps {
  config: Pick<Config, 'environments' | 'defaultEnvironment' | 'operations'>;
  approvals: Approvals;
  backups: BackupStore | null;
  scrub: (s: string) => string;
  now: () => Date;
}

/**
 * `/ctx migrate [env]`: the pending migrations (folders vs drizzle.__drizzle_migrations).
 * With a verified backup younger than operations.requireBackupWithinMinutes it asks to
 * migrate; without one it offers "Back up, then migrate" as one confirmed action.
 */
export function createMigrateHandler(deps: MigrateHandlerDeps): Handler {
  return {
    name: 'migrate',
    usage: 'migrate [env]',
    summary: 'List pending migrations and run them after a backup and a confirmation',
    async run(req) {
      const { flags, rest, errors } = extractFlags(req.args, { withValue: ['env'] });
      const choice = chooseEnvironment(rest, flags.env, deps.config);
      const problem =
        errors[0] ??
        choice.error ??
        (choice.all ? '`migrate` takes one environment' : leftoverProblem(choice.rest, deps.config));
      if (problem) return { usageProblem: problem };
      if (!deps.backups) {
        await req.conversation.ephemeral(renderNotice(NEEDS_STORE));
        return { status: 'fail' };
      }
      const env = findEnvironment(deps.config, choice.env)!;
      const state = await readPending(env, deps.scrub);
      if (!state.ok) {
        await req.conversation.ephemeral(renderNotice(`🚫 ${state.reason}`));
        return { status: 'fail' };
      }
      if (!state.pending.length) {
        const warn = [
          ...(state.changed.length
            ? [
                `⚠️ ${state.changed.length} applied migration(s) differ from their migration.sql: ${state.changed.join(', ')}`,
              ]
            : []),
          ...(state.unknown.length
            ? [`⚠️ ${state.unknown.length} applied migration(s) are not in the folder: ${state.unknown.join(', ')}`]
            : []),
        ];
        const text = [
          `✅ Nothing to migrate on *${env.name}*: ${state.appliedCount} applied, last \`${state.last ?? 'none'}\`.`,
          ...warn,
        ].join('\n');
        await req.conversation.post({
          text: text.replace(/[*`]/g, ''),
          blocks: [md(text)],
          json: { env: env.name, pending: [], applied: state.appliedCount, last: state.last },
        });
        return { status: 'ok' };
      }
      const last = await deps.backups.lastVerified(env.name);
      const limitMs = deps.config.operations.requireBackupWithinMinutes * 60_000;
      const recent =
        last?.finishedAt &&
        deps.now().getTime() - last.finishedAt.getTime() <= limitMs &&
        (await stat(last.path).then(
          () => true,
          () => false,
        ));
      return recent
        ? requestGuarded(deps.approvals, req, 'migrate', env.name, { pending: state.pending, backupId: last!.id })
        : requestGuarded(deps.approvals, req, 'backup-then-migrate', env.name, { pending: state.pending });
    },
  };
}
