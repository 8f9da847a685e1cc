import { renderDoctor } from './render.js';
import type { DoctorReport } from './types.js';
import type { Handler, Surface } from '../contracts/chat.js';

export interface DoctorHandlerDeps {
  run(surface: Surface): Promise<DoctorReport>;
  timeZone: string;
}

/**
 * `/ctx doctor`: the bot checks itself. In Slack the answer is private (it names channels,
 * scopes and database roles); in the shell and the CLI it is printed. The CLI's exit code
 * is 1 when something fails.
 */
export function createDoctorHandler(deps: DoctorHandlerDeps): Handler {
  return {
    name: 'doctor',
    aliases: ['selfcheck'],
    usage: 'doctor',
    summary: 'The bot checks itself: tokens, scopes, channel membership, its store, backup tools, folders, clock, delivery',
    async run(req) {
      if (req.args.length) return { usageProblem: `\`doctor\` takes no arguments (got "${req.args.join(' ')}")` };
      const report = await deps.run(req.surface);
      const msg = renderDoctor(report, { timeZone: deps.timeZone });
      if (req.surface === 'slack') await req.conversation.ephemeral(msg);
      else await req.conversation.post(msg);
      return { status: report.overall };
    },
  };
}
