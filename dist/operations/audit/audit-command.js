import { NEEDS_STORE } from '../stores.js';
import { renderAudit } from '../lists.js';
import { renderNotice } from '../render.js';
import { userWord } from '../../ui/user-text.js';
export const AUDIT_DEFAULT = 20;
export const AUDIT_MAX = 200;
/** `/ctx audit [n]`: the newest entries of the append-only audit log. */
export function createAuditHandler(deps) {
    return {
        name: 'audit',
        usage: 'audit [n]',
        summary: `The audit log of guarded operations (newest ${AUDIT_DEFAULT}, up to ${AUDIT_MAX})`,
        async run(req) {
            const args = req.args;
            const [arg, ...extra] = args;
            const n = arg === undefined ? AUDIT_DEFAULT : Number(arg);
            if (extra.length || !Number.isInteger(n) || n < 1 || n > AUDIT_MAX) {
                return { usageProblem: `${userWord(args.join(' '))} is not a number of entries (1–${AUDIT_MAX})` };
            }
            if (!deps.audit) {
                await req.conversation.ephemeral(renderNotice(NEEDS_STORE));
                return { status: 'fail' };
            }
            await req.conversation.post(renderAudit(await deps.audit.recent(n), deps.timeZone));
            return {};
        },
    };
}
