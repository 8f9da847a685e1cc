/** Small pieces shared by the incident and runbook messages (times and durations: ./format.ts). */
const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
/** A person as Slack shows them (<@U…>), or the shell's user name. */
export function who(actor) {
    if (!actor)
        return 'ctx-ops';
    if (SLACK_USER.test(actor))
        return `<@${actor}>`;
    return actor.replace(/^local:/, '');
}
export const severityLabel = (n) => `SEV${n}`;
export const STEP_MARK = { pending: '⬜', done: '✅', skipped: '⏭️', failed: '❌' };
