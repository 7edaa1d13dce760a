import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { newId } from '../common/ids.js';
import { TtlCache } from '../common/ttl-cache.js';
import { randomToken, sha256Hex } from '../security/secret-box.js';
import { ApiKey, type ApiKeyRole } from './api-key.entity.js';
import type { Principal } from './principal.js';

export const ROOT_KEY_HASH = Symbol.for('herald.RootKeyHash');

const KEY_PREFIX: Record<ApiKeyRole, string> = { admin: 'hka_', publisher: 'hkp_' };

@Injectable()
export class ApiKeysService {
  /** Every request presents a key: remember what a hash stood for, briefly. */
  private readonly principals = new TtlCache<Principal | undefined>(10_000);

  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    @Inject(ROOT_KEY_HASH) private readonly rootKeyHash: string,
  ) {}

  /** Creates a key and returns it in clear, the only time it is seen; only its hash is stored. */
  async create(manager: EntityManager, projectId: string, role: ApiKeyRole): Promise<{ id: string; role: ApiKeyRole; key: string }> {
    const key = `${KEY_PREFIX[role]}${randomToken(32)}`;
    const id = newId('key');
    await manager.insert(ApiKey, { id, projectId, role, keyHash: sha256Hex(key), keyPrefix: key.slice(0, 8) });
    return { id, role, key };
  }

  /** The principal a presented key stands for, or undefined. Keys are compared by hash, in constant time for the root key. */
  async authenticate(presented: string): Promise<Principal | undefined> {
    const hash = sha256Hex(presented);
    if (timingSafeEqual(Buffer.from(hash), Buffer.from(this.rootKeyHash))) return { role: 'root' };
    return this.principals.get(hash, async () => {
      const key = await this.keys.findOne({ where: { keyHash: hash }, select: { role: true, projectId: true } });
      return key ? { role: key.role, projectId: key.projectId } : undefined;
    });
  }
}
