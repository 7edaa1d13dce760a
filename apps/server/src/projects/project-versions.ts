import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupCommit } from '../common/group-commit.js';
import { preparedQuery } from '../database/prepared-query.js';

/**
 * Versions of what a publish reads of its project, each bumped by a trigger in the same transaction
 * as any change (through any replica, or straight in SQL): a replica whose in-memory copy was built
 * from an older version builds it again.
 */
export interface ProjectVersions {
  subscriptions: string;
  eventTypes: string;
}

const UNKNOWN: ProjectVersions = { subscriptions: 'none', eventTypes: 'none' };

/** Reads projects' versions; concurrent publishes share one statement. */
@Injectable()
export class ProjectVersionReader {
  private readonly reads = new GroupCommit<string, ProjectVersions>((projectIds) => this.readMany(projectIds));

  constructor(private readonly dataSource: DataSource) {}

  read(projectId: string): Promise<ProjectVersions> {
    return this.reads.submit(projectId);
  }

  private async readMany(projectIds: string[]): Promise<ProjectVersions[]> {
    const rows = await preparedQuery<{ id: string; subscriptions: string; event_types: string }>(
      this.dataSource,
      'herald_project_versions',
      'SELECT id, subscriptions_version::text AS subscriptions, event_types_version::text AS event_types FROM projects WHERE id = ANY($1::text[])',
      [[...new Set(projectIds)]],
    );
    const versions = new Map(rows.map((row) => [row.id, { subscriptions: row.subscriptions, eventTypes: row.event_types }]));
    return projectIds.map((projectId) => versions.get(projectId) ?? UNKNOWN);
  }
}
