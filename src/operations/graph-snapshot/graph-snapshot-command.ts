import type { Config } from '../../config/types.js';
import { findEnvironment } from '../../config/types.js';
import type { Handler } from '../../contracts/chat.js';
import type { Approvals } from '../../runtime/guarded.js';
import { md } from '../../ui/blocks.js';
import type { OpsContext } from '../ops-context.js';
import { oneEnvironment, requestGuarded } from '../guarded-command.js';
import { neo4jAdvice } from './bolt-snapshot.js';

export interface GraphSnapshotHandlerDeps {
  config: Pick<Config, 'environments' | 'defaultEnvironment'>;
  approvals: Approvals;
  ops: OpsContext;
}

/**
 * `/ctx graph-snapshot [env]`: FalkorDB and Memgraph after a confirmation; Neo4j and
 * Neptune get an honest answer of what their provider supports (nothing is run).
 */
export function createGraphSnapshotHandler(deps: GraphSnapshotHandlerDeps): Handler {
  return {
    name: 'graph-snapshot',
    usage: 'graph-snapshot [env]',
    summary: 'Snapshot the graph database (FalkorDB BGSAVE, Memgraph CREATE SNAPSHOT) after a confirmation',
    async run(req) {
      const chosen = oneEnvironment(req, 'graph-snapshot', deps.config);
      if ('usageProblem' in chosen) return chosen;
      const env = findEnvironment(deps.ops.config, chosen.env)!;
      const provider = env.ctx.GRAPH_DB_PROVIDER;
      if (provider === 'neo4j-community' || provider === 'neo4j-enterprise' || provider === 'neptune') {
        const lines =
          provider === 'neptune'
            ? [
                'Amazon Neptune is backed up by AWS: automated backups and cluster snapshots (`aws neptune create-db-cluster-snapshot`, or the console). ctx-ops cannot trigger them over the graph connection.',
              ]
            : (await neo4jAdvice(deps.ops, env)).lines;
        const text = `ℹ️ Graph snapshot of *${env.name}* (${provider}): nothing was run.\n${lines.map((l) => `• ${l}`).join('\n')}`;
        await req.conversation.post({ text: text.replace(/[*`]/g, ''), blocks: [md(text)] });
        return {};
      }
      return requestGuarded(deps.approvals, req, 'graph-snapshot', env.name);
    },
  };
}
