import { backendCheck } from './checks/backend.js';
import { authCheck } from './checks/auth.js';
import { mcpCheck } from './checks/mcp.js';
import { codesearchCheck } from './checks/codesearch.js';
import { graphCheck } from './checks/graph.js';
import { indexingCheck } from './checks/indexing.js';
import { workerCheck } from './checks/worker.js';
import { confluenceCheck } from './checks/confluence.js';
import { telemetryCheck } from './checks/telemetry.js';
import { migrationsCheck } from './checks/migrations.js';
import { postgresCheck } from './checks/postgres.js';
import { uiCheck } from './checks/ui.js';
/**
 * Every check, in the order people read them. A new check is one file in checks/ and
 * one line here; its YAML options (`checks.<id>`) come with it.
 */
export const allChecks = [
    backendCheck,
    uiCheck,
    authCheck,
    mcpCheck,
    postgresCheck,
    migrationsCheck,
    codesearchCheck,
    indexingCheck,
    graphCheck,
    workerCheck,
    confluenceCheck,
    telemetryCheck,
];
