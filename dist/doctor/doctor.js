import { dirname, resolve } from 'node:path';
import { checkBackupTools } from '../postgres/pg-tools.js';
import { dayTime } from '../util/format.js';
import { MIGRATIONS_DIR } from '../store/migrate.js';
import { probeFolder } from './probes/files.js';
import { probeSlack } from './probes/slack.js';
import { probeStore } from './probes/store.js';
import { backupToolsItem } from './rules/backups.js';
import { channelItem, configuredChannels } from './rules/channels.js';
import { clockItem } from './rules/clock.js';
import { deliveryItems } from './rules/delivery.js';
import { folderItem } from './rules/files.js';
import { groupItem } from './rules/groups.js';
import { appTokenItem, botTokenItem, scopeItems, scopeNeeds, signingItem } from './rules/slack.js';
import { storeItem } from './rules/store.js';
import { overallOf } from './types.js';
/** Resolves to `fallback` when `p` is not done in time; the probe's own timeouts end it later. */
function within(p, ms, fallback) {
    let timer;
    return Promise.race([p, new Promise((r) => (timer = setTimeout(() => r(fallback()), ms)))]).finally(() => clearTimeout(timer));
}
/** The user groups (S…) permissions name, with the keys that name them. */
function groupsInPermissions(config) {
    const out = new Map();
    for (const [env, p] of Object.entries(config.permissions)) {
        for (const what of ['request', 'approve']) {
            for (const x of p[what] ?? [])
                if (x.startsWith('S'))
                    out.set(x, [...(out.get(x) ?? []), `permissions.${env}.${what}`]);
        }
    }
    return out;
}
/** Runs every probe in parallel, each under a deadline, and turns the facts into items. */
export async function runDoctor(d) {
    const now = d.now ?? (() => new Date());
    const started = performance.now();
    const timeoutMs = d.timeoutMs ?? 8_000;
    const { config } = d;
    const log = d.log.child({ part: 'doctor' });
    const tz = config.timezone;
    const at = (date) => dayTime(date, tz);
    const uses = configuredChannels(config);
    const groups = groupsInPermissions(config);
    const connection = d.surface === 'slack' ? d.services.get('slackConnection') : undefined;
    const baseDir = config.configFile ? dirname(config.configFile) : '.';
    const folders = [
        ...config.runbooks.dirs.map((dir, i) => ({
            id: `runbooks.${i}`,
            what: 'Runbooks folder',
            path: resolve(baseDir, dir),
            needed: `the runbooks in runbooks.dirs[${i}] cannot load`,
        })),
        ...config.environments
            .filter((e) => e.migrationsDir)
            .map((e) => ({
            id: `migrations.${e.name}`,
            what: `Migrations of ${e.name}`,
            path: resolve(baseDir, e.migrationsDir),
            needed: 'pending migrations cannot be listed',
        })),
        {
            id: 'ctx_ops-sql',
            what: "ctx-ops' own migrations",
            path: MIGRATIONS_DIR,
            needed: 'the store cannot be created or upgraded',
        },
    ];
    const slackDown = () => ({
        bot: {
            state: 'failed',
            words: {
                seen: `Slack did not answer within ${timeoutMs / 1000} s`,
                fix: 'check outbound HTTPS to SLACK_API_URL; run doctor again',
                config: false,
            },
        },
        app: config.slack.mode === 'socket'
            ? {
                mode: 'socket',
                probed: 'failed',
                words: { seen: 'not checked: Slack did not answer in time', fix: 'run doctor again', config: false },
            }
            : { mode: config.slack.mode === 'http' ? 'http' : 'shell' },
        channels: new Map(uses.map((u) => [u.ref, { state: 'error', seen: 'Slack did not answer in time' }])),
        groups: new Map(),
    });
    const [slack, store, tools, folderFacts] = await Promise.all([
        within(probeSlack({
            slack: config.slack,
            channels: uses.map((u) => u.ref),
            groups: [...groups.keys()],
            connection,
            log,
            timeoutMs,
        }), timeoutMs + 1_000, slackDown),
        within(probeStore(d.store, config.store.databaseUrl), timeoutMs + 1_000, () => ({
            facts: { state: 'unreachable', target: 'the store', seen: `no answer within ${(timeoutMs + 1_000) / 1000} s` },
        })),
        Promise.all(config.environments.map(async (e) => {
            if (!e.ctx.DATABASE_URL)
                return [e.name, { state: 'no-database' }];
            const probe = checkBackupTools({ config, toolEnv: { ...(config.toolEnv ?? {}) }, redactor: d.redactor }, e).then((r) => r.ok
                ? { state: 'ok', serverVersion: r.server.version, pgDump: r.pgDump, pgRestore: r.pgRestore }
                : { state: 'refused', reason: r.reason });
            return [
                e.name,
                await within(probe, timeoutMs, () => ({
                    state: 'refused',
                    reason: `cannot reach the database of ${e.name} within ${timeoutMs / 1000} s`,
                })),
            ];
        })),
        Promise.all(folders.map(async (f) => probeFolder(f.path))),
    ]);
    const items = [];
    items.push(botTokenItem(slack.bot), appTokenItem(slack.app, at));
    if (slack.signing)
        items.push(signingItem(slack.signing, at));
    if (slack.bot.state === 'ok')
        items.push(...scopeItems(slack.scopes, scopeNeeds(config, uses.length)));
    for (const [g, keys] of groups) {
        const f = slack.groups.get(g);
        if (f)
            items.push(groupItem(g, keys, f));
    }
    const botName = slack.identity?.userName ?? 'ctx-ops';
    const publicPosting = slack.scopes?.includes('chat:write.public') ?? false;
    for (const u of uses)
        items.push(channelItem(u, slack.channels.get(u.ref) ?? { state: 'no-slack' }, { botName, publicPosting }));
    items.push(storeItem(store.facts, { slack: d.surface === 'slack' || config.slack.mode !== 'shell' }));
    for (const [env, f] of tools)
        items.push(backupToolsItem(env, f));
    folders.forEach((f, i) => items.push(folderItem(f.id, f.what, f.path, folderFacts[i], f.needed)));
    items.push(clockItem([slack.clock, store.clock].filter((c) => Boolean(c)), { httpMode: config.slack.mode === 'http' }));
    const names = new Map([...slack.channels].flatMap(([ref, f]) => (f.state === 'found' ? [[ref, `#${f.name}`]] : [])));
    const delivery = d.services.get('delivery');
    // Another replica (or the running bot, seen from the CLI) may have recorded refusals in the store.
    await delivery?.refresh?.().catch(() => { });
    items.push(...deliveryItems(delivery?.problems(), { channelName: (id) => names.get(id) ?? id, clock: at }));
    const clean = items.map((i) => ({
        ...i,
        seen: d.redactor.scrub(i.seen),
        ...(i.fix ? { fix: d.redactor.scrub(i.fix) } : {}),
    }));
    return {
        checkedAt: now().toISOString(),
        durationMs: Math.round(performance.now() - started),
        overall: overallOf(clean),
        items: clean,
    };
}
