/**
 * Resolves or rejects like `work`, or rejects after `ms`. The store's pool has no query
 * timeout, and across a network partition (no reset, no answer) a query can hang for
 * minutes: the watch gives up on the store in bounded time and carries on in memory.
 * The abandoned query is left to fail on its own.
 */
export function within(work, ms, what) {
    let timer;
    const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms} ms (${what})`)), ms);
        timer.unref();
    });
    work.catch(() => { }); // an abandoned query's failure is not unhandled
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
