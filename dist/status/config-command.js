import { configJson, describeConfig } from '../config/describe.js';
import { escapeMrkdwn, md } from '../ui/blocks.js';
import { chunkLines } from '../ui/limits.js';
import { userWord } from '../ui/user-text.js';
/** `/ctx config`: what the running bot read, from where (names and paths, never values). */
export function createConfigHandler(deps) {
    return {
        name: 'config',
        usage: 'config',
        summary: 'Which files and variables the bot read, from where (never a value)',
        async run(req) {
            if (req.args.length)
                return { usageProblem: `unexpected ${userWord(req.args.join(' '))}` };
            const lines = describeConfig(deps.config);
            await req.conversation.ephemeral({
                text: lines.join('\n'),
                blocks: chunkLines(lines.map(escapeMrkdwn), 2_900).map((c) => md(`\`\`\`${c}\`\`\``)),
                plain: lines.join('\n'),
                json: configJson({ config: deps.config }),
            });
            return {};
        },
    };
}
