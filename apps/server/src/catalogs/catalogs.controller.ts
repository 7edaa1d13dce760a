import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CatalogListAnswer } from './catalog.answers.js';
import { Roles } from '../auth/roles.decorator.js';
import { CATALOGS } from './catalogs.js';

@ApiTags('event types')
@Controller('v1/catalogs')
export class CatalogsController {
  /** The built-in event catalogs: each source product's events, and Herald's own notices. */
  @Get()
  @Roles('root', 'admin', 'publisher')
  @ApiOperation({
    summary: 'The built-in event catalogs',
    description: 'feishu_project, weiyu, coding, apipost, alertmanager and herald, each entry with a JSON Schema and an example.',
  })
  @ApiResponse({ status: 200, type: CatalogListAnswer })
  list() {
    return {
      data: CATALOGS.map((catalog) => ({ id: catalog.id, name: catalog.name, source: catalog.source, event_types: catalog.entries })),
    };
  }
}
