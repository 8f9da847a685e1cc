import { backendCheck } from '../../src/diagnostics/checks/backend.js';
import { migrationsCheck } from '../../src/diagnostics/checks/migrations.js';
import { postgresCheck } from '../../src/diagnostics/checks/postgres.js';
import { uiCheck } from '../../src/diagnostics/checks/ui.js';

/**
 * The four checks of the foundation. Transport tests use them so that what they assert
 * (one message, the verdict, Re-run) does not depend on how many components exist;
 * test/deployment.test.ts runs every check against a whole fake deployment.
 */
export const FOUNDATION_CHECKS = [backendCheck, uiCheck, postgresCheck, migrationsCheck] as const;
