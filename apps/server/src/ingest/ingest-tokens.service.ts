import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { badRequest } from '../common/bad-request.js';
import { newId } from '../common/ids.js';
import { constantTimeEqual } from '@herald/channel-sdk';
import { randomToken, sha256Hex } from '../security/secret-box.js';
import type { GenericSettings } from './generic.adapter.js';
import type { CreateIngestTokenDto } from './ingest-token.dto.js';
import { IngestToken } from './ingest-token.entity.js';

const GENERIC_FIELDS = ['type_path', 'type', 'type_prefix', 'id_path', 'data_path', 'time_path', 'source'] as const;

/** Ingest tokens: created shown once, kept hashed, looked up by hash on every post, deleted to revoke. */
@Injectable()
export class IngestTokensService {
  constructor(@InjectRepository(IngestToken) private readonly tokens: Repository<IngestToken>) {}

  async create(projectId: string, input: CreateIngestTokenDto): Promise<{ token: string; entity: IngestToken }> {
    const settings = settingsOf(input);
    if (input.verification_token !== undefined && input.adapter !== 'feishu-project') {
      throw badRequest('verification_token', 'is only for the feishu-project adapter (Feishu Project sends it as header.token)');
    }
    const token = `hit_${randomToken(24)}`;
    const entity = await this.tokens.save(
      this.tokens.create({
        id: newId('itk'),
        projectId,
        adapter: input.adapter,
        name: input.name,
        tokenHash: sha256Hex(token),
        tokenPrefix: token.slice(0, 8),
        verificationTokenHash: input.verification_token === undefined ? null : sha256Hex(input.verification_token),
        settings,
        lastUsedAt: null,
      }),
    );
    return { token, entity };
  }

  list(projectId: string): Promise<IngestToken[]> {
    return this.tokens.find({ where: { projectId }, order: { id: 'DESC' } });
  }

  async remove(projectId: string, id: string): Promise<void> {
    const result = await this.tokens.delete({ id, projectId });
    if (!result.affected) throw new NotFoundException(`ingest token ${id} not found`);
  }

  /** The token a URL carries, for its adapter; 404 when unknown, revoked, or the URL names another adapter (the URL leads nowhere). */
  async authenticate(adapter: string, token: string): Promise<IngestToken> {
    const found = await this.tokens.findOneBy({ tokenHash: sha256Hex(token) });
    if (!found) throw new NotFoundException('no ingest endpoint at this URL: the token is unknown or was revoked');
    if (found.adapter !== adapter) throw new NotFoundException(`this ingest token is for /v1/ingest/${found.adapter}/…, not ${adapter}`);
    await this.tokens.query(
      `UPDATE ingest_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [found.id],
    );
    return found;
  }

  /** Whether Feishu Project's `header.token` is the one registered with the ingest token (always, when none was). */
  verifies(token: IngestToken, presented: string | undefined): boolean {
    if (token.verificationTokenHash === null) return true;
    return presented !== undefined && constantTimeEqual(sha256Hex(presented), token.verificationTokenHash);
  }
}

function settingsOf(input: CreateIngestTokenDto): GenericSettings | null {
  const given = GENERIC_FIELDS.filter((field) => input[field] !== undefined);
  if (input.adapter !== 'generic') {
    if (given.length > 0) throw badRequest(given[0]!, 'is only for the generic adapter');
    return null;
  }
  if ((input.type_path === undefined) === (input.type === undefined)) {
    throw badRequest('type_path', 'or type is required, not both: where the event type is in the body, or one fixed type');
  }
  return Object.fromEntries(given.map((field) => [field, input[field]])) as GenericSettings;
}
