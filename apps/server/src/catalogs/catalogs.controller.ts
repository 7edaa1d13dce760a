import { Controller, Get } from '@nestjs/common';
import { Roles } from '../auth/roles.decorator.js';
import { CATALOGS } from './catalogs.js';

@Controller('v1/catalogs')
export class CatalogsController {
  /** The built-in event catalogs: each source product's events, and Herald's own notices. */
  @Get()
  @Roles('root', 'admin', 'publisher')
  list() {
    return {
      data: CATALOGS.map((catalog) => ({ id: catalog.id, name: catalog.name, source: catalog.source, event_types: catalog.entries })),
    };
  }
}
