import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BilingualAnswer {
  @ApiProperty({ example: '工作项创建(需求创建)' })
  zh: string;

  @ApiProperty({ example: 'A work item was created' })
  en: string;
}

export class CatalogEntryAnswer {
  @ApiProperty({ example: 'feishu_project.WorkitemCreateEvent' })
  type: string;

  @ApiProperty({ example: 'feishu_project' })
  catalog: string;

  @ApiProperty({ type: BilingualAnswer })
  description: BilingualAnswer;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of the event’s `data`' })
  schema: Record<string, unknown>;

  @ApiProperty({ description: 'An example `data`; it validates against the schema' })
  example: unknown;

  @ApiPropertyOptional({ type: [String], description: 'Old names of the event in the source product', example: ['StoryCreated'] })
  legacy_names?: string[];
}

export class CatalogAnswer {
  @ApiProperty({ example: 'feishu_project' })
  id: string;

  @ApiProperty({ type: BilingualAnswer })
  name: BilingualAnswer;

  @ApiProperty({ description: 'Where the entries come from' })
  source: string;

  @ApiProperty({ type: [CatalogEntryAnswer] })
  event_types: CatalogEntryAnswer[];
}

export class CatalogListAnswer {
  @ApiProperty({ type: [CatalogAnswer] })
  data: CatalogAnswer[];
}
