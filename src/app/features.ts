import type { FeatureFactory } from '../runtime/feature.js';
import { statusFeature } from '../status/feature.js';
import { schedulesFeature } from './schedules.js';
import { operationsFeature } from '../operations/feature.js';
import { incidentsFeature } from '../incidents/feature.js';
import { doctorFeature } from '../doctor/feature.js';
import { logsFeature } from '../logs/feature.js';

/** Every feature the bot runs, in the order their commands appear in help. */
export const featureFactories: FeatureFactory[] = [
  statusFeature,
  schedulesFeature,
  operationsFeature,
  logsFeature,
  incidentsFeature,
  doctorFeature,
];
