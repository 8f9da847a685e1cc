import { item } from '../types.js';
/**
 * Posts Slack refused, as the delivery service (the outbox) keeps them. Absent service: no
 * item (this build does not track them); present and empty: one ok item.
 */
export function deliveryItems(problems, ctx) {
    if (!problems)
        return [];
    if (!problems.length)
        return [
            item('delivery', 'delivery', 'Posts', 'ok', 'Slack accepted every post ctx-ops made on its own; none is waiting'),
        ];
    return problems.map((p) => {
        const where = ctx.channelName(p.channel);
        const waiting = p.waiting ? `; ${p.waiting} post${p.waiting === 1 ? '' : 's'} waiting` : '';
        return item('delivery', `delivery.${p.channel}.${p.purpose}`, `${p.purpose} → ${where}`, 'fail', `Slack refused posting ${p.purpose} to ${where} (${p.error}) since ${ctx.clock(p.since)}, last tried ${ctx.clock(p.lastAttemptAt)}${waiting}`, p.fix);
    });
}
