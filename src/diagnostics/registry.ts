import { backendCheck } from './checks/backend.js';
import { migrationsCheck } from './checks/migrations.js';
import { postgresCheck } from './checks/postgres.js';
import { uiCheck } from './checks/ui.js';
import type { Check } from './types.js';

/**
 * Every check, in the order people read them. A new check is one file in checks/ and
 * one line here; its YAML options (`checks.<id>`) come with it.
 */
export const allChecks: readonly Check[] = [backendCheck, uiCheck, postgresCheck, migrationsCheck];
