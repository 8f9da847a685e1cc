/**
 * The watch benchmark's fake components in a process of their own (bench/watch.bench.ts
 * forks it): in production the components the watch probes are other machines, so their
 * CPU and memory are not the watch's. Says its URL once listening; answers "count" with the
 * number of requests served; the environments in FAKE_FAILING have a failing database.
 */
import { startFakeComponents } from '../test/support/fake-components.js';

const components = await startFakeComponents();
for (const env of (process.env.FAKE_FAILING ?? '').split(',').filter(Boolean))
  components.set(env, 'postgres', 'fail', 'connection refused');
// Only a count is needed: the request log would grow by every probe of every cycle.
components.http.requests.push = (...items) => (served += items.length);
let served = 0;
process.on('message', (m) => {
  if (m === 'count') process.send?.({ served });
});
process.on('disconnect', () => void components.close().then(() => process.exit(0)));
process.send?.({ url: components.url });
