import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SubscriptionsService } from '../subscriptions/subscriptions.service.js';

/**
 * Key rotation without downtime: put the new key first in HERALD_ENCRYPTION_KEY and keep the old
 * one after it; every replica then reads both, and the workers re-seal stored secrets under the
 * new key in the background. Once this logs nothing left to re-seal, the old key can go.
 */
@Injectable()
export class SecretResealer implements OnApplicationBootstrap {
  private readonly logger = new Logger(SecretResealer.name);

  constructor(private readonly subscriptions: SubscriptionsService) {}

  onApplicationBootstrap(): void {
    void this.subscriptions
      .resealSecrets()
      .then((count) => count > 0 && this.logger.log(`re-sealed the secrets of ${count} subscriptions under the current key`))
      .catch((error: Error) => this.logger.warn(`re-sealing secrets failed, will try at the next start: ${error.message}`));
  }
}
