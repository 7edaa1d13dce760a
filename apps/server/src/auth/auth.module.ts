import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './api-key.entity.js';
import { ApiKeysService, ROOT_KEY_HASH } from './api-keys.service.js';
import { AuthGuard } from './auth.guard.js';
import { RevocationBroadcast } from './revocation-broadcast.js';

/** API keys and the global guard, available everywhere: `AuthModule.forRoot(rootKeyHash)` once in the app. */
@Module({})
export class AuthModule {
  static forRoot(rootKeyHash: string): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [TypeOrmModule.forFeature([ApiKey])],
      providers: [
        { provide: ROOT_KEY_HASH, useValue: rootKeyHash },
        RevocationBroadcast,
        ApiKeysService,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [ApiKeysService, ROOT_KEY_HASH],
    };
  }
}
