import { item } from '../types.js';
export const CLOCK_WARN_MS = 5_000;
/** Slack refuses signed requests older than 5 minutes (HTTP mode). */
export const SIGNATURE_WINDOW_MS = 300_000;
/**
 * This machine's clock against Slack's (Date header, one-second resolution) and the
 * store's Postgres (now()). What a sample cannot tell apart (half the round trip, plus the
 * header's resolution) is not counted as skew.
 */
export function clockSkewMs(s) {
    const raw = s.remote.getTime() - s.local.getTime();
    const slack = s.rttMs / 2 + (s.source === 'Slack' ? 1000 : 0);
    return Math.abs(raw) <= slack ? 0 : raw - Math.sign(raw) * slack;
}
export function clockItem(samples, ctx) {
    const t = (status, seen, fix) => item('clock', 'clock', 'Clock', status, seen, fix);
    if (!samples.length)
        return t('skip', 'nothing to compare with (neither Slack nor the store answered)');
    const parts = samples.map((s) => ({ s, skew: clockSkewMs(s) }));
    const worst = parts.reduce((a, b) => (Math.abs(b.skew) > Math.abs(a.skew) ? b : a));
    const words = parts.map(({ s, skew }) => `${s.source}: ${skew === 0 ? 'in step' : `${describe(skew)}`}`).join('; ');
    if (Math.abs(worst.skew) < CLOCK_WARN_MS)
        return t('ok', words);
    const fix = "synchronise this machine's clock (NTP: timedatectl set-ntp true, or chrony)";
    if (ctx.httpMode && Math.abs(worst.skew) >= SIGNATURE_WINDOW_MS)
        return t('fail', `${words}: Slack's signed requests look older than 5 minutes and are refused`, fix);
    return t('warn', `${words}: times in digests, alerts and confirmations will be off`, fix);
}
function describe(skewMs) {
    const s = Math.abs(skewMs) / 1000;
    const amount = s < 120 ? `${Math.round(s)} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
    return `this machine is ${amount} ${skewMs > 0 ? 'behind' : 'ahead'}`;
}
