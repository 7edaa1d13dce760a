import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller.js';

/** GET/POST/DELETE /v1/api-keys; the service comes from the global AuthModule. */
@Module({ controllers: [ApiKeysController] })
export class ApiKeysModule {}
