import { Inject, Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';

/**
 * The attempts this process runs at once (HERALD_WORKER_CONCURRENCY), shared by the queue's jobs
 * and the deliveries handed over at publish, so neither way can exceed it.
 */
@Injectable()
export class AttemptSlots {
  readonly run: pLimit.Limit;

  constructor(@Inject(HERALD_CONFIG) config: HeraldConfig) {
    this.run = pLimit(config.workerConcurrency);
  }
}
