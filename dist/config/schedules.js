export const DEFAULT_DIGEST = { name: 'daily-digest', cron: '0 9 * * 1-5' };
const ROLES = ['digest', 'alerts', 'incidents'];
/** The first retry of a refused channel; it doubles up to delivery.retryMaxSeconds. */
export const RETRY_BASE_MS = 5_000;
/** A channel id, or a role (`digest`, `alerts`, `incidents`) looked up in `channels`. */
export function resolveChannel(ref, channels) {
    if (!ref)
        return undefined;
    return ROLES.includes(ref) ? channels[ref] : ref;
}
/** ctx-ops.yml's schedules/watch/maintenance/history with every default applied. */
export function resolveScheduleSettings(config) {
    const notes = [];
    const allEnvs = config.environments.map((e) => e.name);
    const digests = [];
    if (config.schedules === undefined) {
        if (config.channels.digest) {
            digests.push({
                ...DEFAULT_DIGEST,
                timezone: config.timezone,
                channel: config.channels.digest,
                environments: allEnvs,
            });
        }
        else {
            notes.push('no digest channel is configured (channels.digest), so the default weekday digest is off');
        }
    }
    else {
        for (const s of config.schedules) {
            const channel = resolveChannel(s.channel ?? 'digest', config.channels);
            if (!channel) {
                notes.push(`schedule "${s.name}" has no channel: set its channel or channels.${s.channel ?? 'digest'}; it will not run`);
                continue;
            }
            digests.push({
                name: s.name,
                cron: s.cron,
                timezone: s.timezone ?? config.timezone,
                channel,
                environments: s.environments ?? allEnvs,
            });
        }
    }
    const w = config.watch;
    const alertChannel = resolveChannel(w.channel ?? 'alerts', config.channels);
    if (w.enabled && !alertChannel)
        notes.push('no alerts channel is configured (channels.alerts): the watch records history and alert state but posts no alerts');
    return {
        digests,
        notes,
        watch: {
            enabled: w.enabled,
            intervalMs: w.intervalSeconds * 1000,
            concurrency: w.concurrency,
            rules: {
                failureThreshold: w.failureThreshold,
                successThreshold: w.successThreshold,
                remindEveryMinutes: w.remindEveryMinutes,
                alertOnWarn: w.alertOnWarn,
            },
            channel: alertChannel,
        },
        maintenance: config.maintenance,
        retentionDays: config.history.retentionDays,
        delivery: resolveDelivery(config.delivery, config.channels, alertChannel, notes),
    };
}
function resolveDelivery(d, channels, alertChannel, notes) {
    const retryMaxMs = (d?.retryMaxSeconds ?? 300) * 1000;
    const fallback = [];
    for (const ref of d?.fallback ?? []) {
        const id = resolveChannel(ref, channels);
        if (!id)
            notes.push(`delivery.fallback names ${ref}, but channels.${ref} is not set; it is left out`);
        else if (id === alertChannel)
            notes.push(`delivery.fallback names the alerts channel itself (${id}); it is left out`);
        else if (!fallback.includes(id))
            fallback.push(id);
    }
    return { fallback, replayMax: d?.replayMax ?? 10, retryBaseMs: Math.min(RETRY_BASE_MS, retryMaxMs), retryMaxMs };
}
