import type { FeatureFactory } from '../features.js';
import { statusFeature } from './status.js';

/** Every feature the bot runs, in the order their commands appear in help. */
export const featureFactories: FeatureFactory[] = [statusFeature];
