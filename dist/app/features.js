import { statusFeature } from '../status/feature.js';
import { schedulesFeature } from './schedules.js';
import { operationsFeature } from '../operations/feature.js';
import { incidentsFeature } from '../incidents/feature.js';
import { doctorFeature } from '../doctor/feature.js';
/** Every feature the bot runs, in the order their commands appear in help. */
export const featureFactories = [
    statusFeature,
    schedulesFeature,
    operationsFeature,
    incidentsFeature,
    doctorFeature,
];
