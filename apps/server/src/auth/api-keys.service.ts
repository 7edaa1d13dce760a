import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { newId } from '../common/ids.js';
import { TtlCache } from '../common/ttl-cache.js';
import { randomToken, sha256Hex } from '../security/secret-box.js';
import { ApiKey, type ApiKeyRole } from './api-key.entity.js';
import type { Principal } from './principal.js';
import { RevocationBroadcast } from './revocation-broadcast.js';

export const ROOT_KEY_HASH = Symbol.for('herald.RootKeyHash');

const KEY_PREFIX: Record<ApiKeyRole, string> = { admin: 'hka_', publisher: 'hkp_' };

/**
 * How long a replica remembers what a key stands for. A revocation reaches every replica at once
 * through Redis (RevocationBroadcast); should that message be lost, the key works here that long at most.
 */
export const KEY_CACHE_MS = 10_000;

export interface CreatedApiKey {
  id: string;
  name: string;
  role: ApiKeyRole;
  key: string;
  key_prefix: string;
  created_at: Date;
  last_used_at: null;
}

@Injectable()
export class ApiKeysService {
  /** Every request presents a key: remember what a hash stood for, briefly. */
  private readonly principals = new TtlCache<Principal | undefined>(KEY_CACHE_MS);

  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    @Inject(ROOT_KEY_HASH) private readonly rootKeyHash: string,
    private readonly dataSource: DataSource,
    private readonly revocations: RevocationBroadcast,
  ) {
    revocations.onRevoked((keyHashes) => {
      for (const hash of keyHashes) this.principals.delete(hash);
    });
  }

  /** Creates a key and returns it in clear, the only time it is seen; only its hash is stored. */
  async create(manager: EntityManager, projectId: string, role: ApiKeyRole, name: string = role): Promise<CreatedApiKey> {
    const key = `${KEY_PREFIX[role]}${randomToken(32)}`;
    const id = newId('key');
    const keyPrefix = key.slice(0, 8);
    const createdAt = new Date();
    await manager.insert(ApiKey, { id, projectId, name, role, keyHash: sha256Hex(key), keyPrefix, createdAt });
    return { id, name, role, key, key_prefix: keyPrefix, created_at: createdAt, last_used_at: null };
  }

  /** The project's keys, oldest first; the keys themselves are not kept, so never shown. */
  list(projectId: string): Promise<ApiKey[]> {
    return this.keys.find({ where: { projectId }, order: { id: 'ASC' } });
  }

  /**
   * Revokes a key of the project. The project row is locked, so two revocations at once cannot
   * remove its last admin keys between them; a project always keeps one admin key.
   */
  async revoke(projectId: string, id: string): Promise<void> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM projects WHERE id = $1 FOR UPDATE', [projectId]);
      const key = await manager.findOneBy(ApiKey, { id, projectId });
      if (!key) throw new NotFoundException(`API key ${id} not found`);
      if (key.role === 'admin' && (await manager.countBy(ApiKey, { projectId, role: 'admin' })) <= 1) {
        throw new ConflictException(
          `API key ${id} is the project's last admin key; revoking it would leave nobody able to manage the project — create another admin key first`,
        );
      }
      await manager.delete(ApiKey, { id });
      return key;
    });
    this.principals.delete(revoked.keyHash);
    await this.revocations.announce([revoked.keyHash]);
  }

  /**
   * The hashes of the project's keys, forgotten here at once (the project is being deleted); the
   * caller announces them to the other replicas once the deletion is committed.
   */
  async forgetProjectKeys(manager: EntityManager, projectId: string): Promise<string[]> {
    const keys = await manager.find(ApiKey, { where: { projectId }, select: { keyHash: true } });
    for (const key of keys) this.principals.delete(key.keyHash);
    return keys.map((key) => key.keyHash);
  }

  /** Tells the other replicas to forget these keys now. */
  announceRevoked(keyHashes: string[]): Promise<void> {
    return this.revocations.announce(keyHashes);
  }

  /**
   * The principal a presented key stands for, or undefined. Keys are compared by hash, in constant
   * time for the root key. Looking a key up also records that it was used.
   */
  async authenticate(presented: string): Promise<Principal | undefined> {
    const hash = sha256Hex(presented);
    if (timingSafeEqual(Buffer.from(hash), Buffer.from(this.rootKeyHash))) return { role: 'root' };
    return this.principals.get(hash, async () => {
      const [rows]: [Array<{ role: ApiKeyRole; project_id: string }>] = await this.keys.query(
        'UPDATE api_keys SET last_used_at = now() WHERE key_hash = $1 RETURNING role, project_id',
        [hash],
      );
      const key = rows[0];
      return key ? { role: key.role, projectId: key.project_id } : undefined;
    });
  }
}
