import type { FeatureFactory } from '../features.js';
import { statusFeature } from './status.js';
import { schedulesFeature } from './schedules.js';
import { operationsFeature } from './operations.js';
import { incidentsFeature } from './incidents.js';
import { doctorFeature } from './doctor.js';

/** Every feature the bot runs, in the order their commands appear in help. */
export const featureFactories: FeatureFactory[] = [statusFeature, schedulesFeature, operationsFeature, incidentsFeature, doctorFeature];
