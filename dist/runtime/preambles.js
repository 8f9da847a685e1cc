import { closest } from '../util/tokenize.js';
import { userWord } from '../ui/user-text.js';
/** "no environment `production` (known: prod, staging); did you mean `prod`?" */
export function unknownEnvironment(word, config) {
    const names = config.environments.map((e) => e.name);
    const guess = closest(word, names);
    return `no environment ${userWord(word)} (known: ${names.join(', ')})${guess ? `; did you mean \`${guess}\`?` : ''}`;
}
/**
 * Words left over where a command takes at most an environment: one word is an
 * environment that does not exist (the likely mistake), more are simply unexpected.
 */
export function leftoverProblem(rest, config) {
    if (!rest.length)
        return undefined;
    if (rest.length === 1)
        return unknownEnvironment(rest[0], config);
    return `unexpected ${userWord(rest.join(' '))}`;
}
/**
 * Finds the environment a command names: `--env prod`, or a bare word that is an
 * environment's name (`/ctx status prod`), or `all`. Anything else stays in `rest`.
 */
export function chooseEnvironment(args, flag, config) {
    // A bare `--env` without a value is reported by extractFlags; here it names nothing.
    const flagValue = typeof flag === 'string' ? flag : undefined;
    const names = config.environments.map((e) => e.name);
    if (flagValue !== undefined) {
        if (flagValue === 'all')
            return { env: config.defaultEnvironment, all: true, named: false, rest: args };
        if (!names.includes(flagValue))
            return {
                env: config.defaultEnvironment,
                all: false,
                named: false,
                rest: args,
                error: unknownEnvironment(flagValue, config),
            };
        return { env: flagValue, all: false, named: true, rest: args };
    }
    const idx = args.findIndex((a) => names.includes(a) || a === 'all');
    if (idx === -1)
        return { env: config.defaultEnvironment, all: false, named: false, rest: args };
    const word = args[idx];
    const rest = args.filter((_, i) => i !== idx);
    return word === 'all'
        ? { env: config.defaultEnvironment, all: true, named: false, rest }
        : { env: word, all: false, named: true, rest };
}
/**
 * Answers that arrive within this time are posted as they are; slower ones get a
 * placeholder first, updated in place, so people see at once that the bot heard.
 */
export const PLACEHOLDER_AFTER_MS = 250;
/**
 * Posts `work`'s answer once, with a placeholder first when the work is slow. The work
 * is already running when this is called, so the placeholder never delays it.
 */
export async function postWhenReady(conversation, placeholder, work, render) {
    let timer;
    const slow = new Promise((resolve) => (timer = setTimeout(() => resolve('slow'), PLACEHOLDER_AFTER_MS)));
    const first = await Promise.race([work.then((value) => ({ value })), slow]).finally(() => clearTimeout(timer));
    if (first !== 'slow')
        return { value: first.value, ref: await conversation.post(render(first.value)) };
    const ref = await conversation.post(placeholder);
    const value = await work;
    await conversation.update(ref, render(value));
    return { value, ref };
}
