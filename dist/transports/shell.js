import { createInterface } from 'node:readline';
import { userInfo } from 'node:os';
import { createButtonBook, terminalConversation } from './terminal-conversation.js';
/**
 * A local prompt that works like the slash command, for trying the bot without Slack
 * (like Hubot's shell adapter). Lines are handled one at a time, in order; a number
 * presses the button printed with it.
 */
export async function runShell(bot, opts) {
    const write = (s) => opts.output.write(s);
    const rl = createInterface({
        input: opts.input,
        output: opts.interactive ? opts.output : undefined,
        terminal: opts.interactive,
    });
    const user = safeUser();
    const actor = opts.actor ?? { userId: `local:${user}`, userName: user };
    const buttons = createButtonBook();
    const conversation = terminalConversation({ write, redactor: bot.core.redactor, mode: 'shell', buttons });
    if (opts.banner)
        write(`${opts.banner}\n`);
    rl.setPrompt('ctx> ');
    if (opts.interactive)
        rl.prompt();
    for await (const line of rl) {
        const text = line.trim();
        if (text === 'exit' || text === 'quit' || text === '\\q')
            break;
        const press = /^(?:(?:click|press)\s+)?(\d+)$/.exec(text);
        if (press) {
            const b = buttons.get(Number(press[1]));
            const handler = b && bot.actions.get(b.actionId);
            if (!b || !handler)
                write(`no button [${press[1]}]\n`);
            else {
                try {
                    await handler.run({
                        actionId: b.actionId,
                        value: b.value,
                        actor,
                        message: b.message,
                        conversation,
                        surface: 'shell',
                    });
                }
                catch (err) {
                    write(bot.core.redactor.scrub(`⚠️ That did not work: ${err.message}\n`));
                }
            }
        }
        else if (text) {
            await bot.router.dispatch({ text, actor, surface: 'shell', conversation });
        }
        if (opts.interactive)
            rl.prompt();
    }
    rl.close();
}
function safeUser() {
    try {
        return userInfo().username;
    }
    catch {
        return 'shell';
    }
}
