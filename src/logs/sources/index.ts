import type { LogSourceConfig } from '../../config/sections/logs.js';
import type { LogSource } from '../source.js';
import { dockerSource } from './docker.js';
import type { SourceDeps } from './http.js';
import { kubernetesSource } from './kubernetes.js';
import { lokiSource } from './loki.js';

/** The log sources this build speaks; one per environment, chosen by its key in ctx-ops.yml. */
export function createSource(cfg: LogSourceConfig, deps: SourceDeps): LogSource | null {
  if (cfg.docker) return dockerSource(cfg.docker, deps);
  if (cfg.loki) return lokiSource(cfg.loki, deps);
  if (cfg.kubernetes) return kubernetesSource(cfg.kubernetes, deps);
  return null;
}

export type { SourceDeps };
