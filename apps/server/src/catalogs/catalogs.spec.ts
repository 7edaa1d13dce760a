import { describe, expect, it } from '@jest/globals';
import { compileSchema, schemaProblem } from '../event-types/json-schema.js';
import { builtInTypes, CATALOGS, isBuiltInType } from './catalogs.js';

const entries = CATALOGS.flatMap((catalog) => catalog.entries.map((entry) => [entry.type, entry] as const));

describe('built-in catalogs', () => {
  it('lists the six catalogs of the source products and Herald', () => {
    expect(CATALOGS.map((catalog) => catalog.id)).toEqual(['feishu_project', 'weiyu', 'coding', 'apipost', 'alertmanager', 'herald']);
    for (const catalog of CATALOGS) expect(catalog.entries.length).toBeGreaterThan(0);
  });

  it.each(entries)('%s: its schema is JSON Schema and its example validates against it', (_type, entry) => {
    expect(schemaProblem(entry.schema)).toBeUndefined();
    const validate = compileSchema(entry.schema);
    expect(validate(entry.example) ? [] : validate.errors).toEqual([]);
    expect(entry.description.zh.length).toBeGreaterThan(0);
    expect(entry.description.en.length).toBeGreaterThan(0);
    expect(entry.type.startsWith(`${entry.catalog}.`)).toBe(true);
  });

  it('names every type once', () => {
    expect(new Set(builtInTypes()).size).toBe(entries.length);
  });

  it('holds every event type of the Feishu Project webhook document', () => {
    const documented = [
      'WorkitemCreateEvent',
      'WorkitemUpdateEvent',
      'WorkitemAbortedEvent',
      'WorkitemRestoreEvent',
      'WorkitemStatusEvent',
      'TaskStatusEvent',
      'TaskUpdateEvent',
      'WorkitemPersonAssignedEvent',
      'WorkFlowNodeStatusEvent',
      'WorkFlowNodeScheduleEvent',
      'WorkitemCommentEvent',
      'WorkitemFinishEvent',
      'WorkitemDeleteEvent',
      'TimedTriggerEvent',
      'DynamicTimeTriggerEvent',
      'TaskCreateEvent',
      'TaskDeleteEvent',
    ];
    const types = CATALOGS.find((catalog) => catalog.id === 'feishu_project')!.entries.map((entry) => entry.type);
    expect(types.sort()).toEqual(documented.map((type) => `feishu_project.${type}`).sort());
  });

  it.each([
    ['feishu_project.StoryCreated', true],
    ['feishu_project.EventCreate-story', true],
    ['feishu_project.WFNodeReached-issue', true],
    ['feishu_project.EventUpdate-task', true],
    ['weiyu.leave_message.new_message', true],
    ['alertmanager.firing', true],
    ['herald.delivery.failed', true],
    ['feishu_project.NoSuchEvent', false],
    ['order.created', false],
  ])('knows %s: %s (current and old names)', (type, known) => {
    expect(isBuiltInType(type)).toBe(known);
  });

  it('refuses a schema with an unknown keyword and names it', () => {
    expect(schemaProblem({ type: 'object', requred: ['a'] })).toContain('requred');
    expect(schemaProblem([])).toBe('must be a JSON Schema object');
  });
});
