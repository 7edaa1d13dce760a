import { Injectable } from '@nestjs/common';

/** Set once the process was told to stop: readiness fails from then on, so load balancers move away. */
@Injectable()
export class DrainState {
  private since?: Date;

  start(): void {
    this.since ??= new Date();
  }

  get draining(): boolean {
    return this.since !== undefined;
  }
}
