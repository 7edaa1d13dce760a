import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { ApiKeysService } from '../auth/api-keys.service.js';
import { newId } from '../common/ids.js';
import { isUniqueViolation } from '../common/postgres-errors.js';
import type { CreateApiKeyDto } from '../auth/create-api-key.dto.js';
import type { CreateProjectDto } from './create-project.dto.js';
import { Project } from './project.entity.js';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeysService,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
  ) {}

  /** Creates a project with one admin and one publisher key, in one transaction. */
  async create(input: CreateProjectDto) {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const id = newId('prj');
        const retentionDays = input.retention_days ?? null;
        await manager.insert(Project, { id, key: input.key, name: input.name, retentionDays });
        const keys = [await this.apiKeys.create(manager, id, 'admin'), await this.apiKeys.create(manager, id, 'publisher')];
        return { id, key: input.key, name: input.name, retention_days: retentionDays, api_keys: keys };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`a project with key "${input.key}" exists already`);
      throw error;
    }
  }

  /**
   * A new key of an existing project, for the root key. The project row is share-locked, so a
   * deletion at the same moment either waits for the key or answers 404 first.
   */
  async createApiKey(projectId: string, input: CreateApiKeyDto) {
    return this.dataSource.transaction(async (manager) => {
      const found: unknown[] = await manager.query('SELECT id FROM projects WHERE id = $1 FOR SHARE', [projectId]);
      if (found.length === 0) throw new NotFoundException(`project ${projectId} not found`);
      return this.apiKeys.create(manager, projectId, input.role, input.name);
    });
  }

  async findById(id: string): Promise<Project | null> {
    return this.projects.findOneBy({ id });
  }

  list(): Promise<Project[]> {
    return this.projects.find({ order: { id: 'ASC' } });
  }

  async get(id: string): Promise<Project> {
    const project = await this.findById(id);
    if (!project) throw new NotFoundException(`project ${id} not found`);
    return project;
  }

  /** Deletes a project with its keys, subscriptions, events, deliveries and attempts. */
  async remove(id: string): Promise<void> {
    const keyHashes = await this.dataSource.transaction(async (manager) => {
      const hashes = await this.apiKeys.forgetProjectKeys(manager, id);
      const { affected } = await manager.delete(Project, { id });
      if (!affected) throw new NotFoundException(`project ${id} not found`);
      return hashes;
    });
    await this.apiKeys.announceRevoked(keyHashes);
  }

  /** The API's view of a project. */
  view(project: Project) {
    return { id: project.id, key: project.key, name: project.name, retention_days: project.retentionDays, created_at: project.createdAt };
  }
}
