import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { compileSchema, schemaProblem } from '../event-types/json-schema.js';
import { builtInEntry, builtInTypes, CATALOGS, isBuiltInType } from './catalogs.js';

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

  // 《在飞书项目中使用Webhook》 对应关系: every old event name, with `-{工作项类型}` filled in.
  it.each([
    'StoryCreated',
    'EventCreate-issue',
    'StoryValueChanged',
    'EventUpdate-issue',
    'StoryAborted',
    'EventAborted-issue',
    'StoryStageChanged',
    'EventUpdateStatus-issue',
    'EventUpdateStatus-task',
    'EventUpdate-task',
    'StoryRoleAssigned',
    'EventRoleAssigned-issue',
    'WFNodeOwnerChanged',
    'WFNodeOwnerChanged-issue',
    'WFNodeChecked',
    'WFNodeChecked-issue',
    'WFNodeReached',
    'WFNodeReached-issue',
    'WFNodeRollbacked',
    'WFNodeRollbacked-issue',
    'WFNodeScheduleChanged',
    'WFNodeScheduleChanged-issue',
    'StoryCommentAdded',
    'EventCommentAdded-issue',
    'StoryFinished',
    'EventFinished-issue',
    'StoryDeleted',
    'EventDelete-issue',
  ])('knows Feishu Project’s old name %s', (name) => {
    expect(isBuiltInType(`feishu_project.${name}`)).toBe(true);
  });

  it.each([
    // Weiyu Webhook › 推送类型配置 (type and events) and 工单状态变更 of its use cases and examples.
    'weiyu.leave_message',
    'weiyu.leave_message.new_message',
    'weiyu.leave_message.message_replied',
    'weiyu.customer_info',
    'weiyu.customer_info.new_customer',
    'weiyu.customer_info.info_updated',
    'weiyu.system_alert',
    'weiyu.system_alert.error',
    'weiyu.system_alert.warning',
    'weiyu.system_alert.info',
    'weiyu.ticket_status',
    // CODING Jenkins › 支持事件: 代码推送.
    'coding.GIT_PUSHED',
  ])('holds %s, which a seed lists', (type) => {
    expect(builtInEntry(type)).toBeDefined();
  });

  it('names CODING’s 代码推送 as the seed does', () => {
    expect(builtInEntry('coding.GIT_PUSHED')!.description.zh).toBe('代码推送');
  });

  const feishuProjectBodies = JSON.parse(
    readFileSync(new URL('../../test/fixtures/seed-examples/feishu-project-webhooks.json', import.meta.url), 'utf8'),
  ) as Array<{ event_type: string; body: { payload: unknown } }>;
  it.each(feishuProjectBodies.map(({ event_type, body }) => [event_type, body.payload] as const))(
    'takes the payload of Feishu Project’s %s example as valid data',
    (eventType, payload) => {
      const validate = compileSchema(builtInEntry(`feishu_project.${eventType}`)!.schema);
      expect(validate(payload) ? [] : validate.errors).toEqual([]);
    },
  );

  it('refuses a schema with an unknown keyword and names it', () => {
    expect(schemaProblem({ type: 'object', requred: ['a'] })).toContain('requred');
    expect(schemaProblem([])).toBe('must be a JSON Schema object');
  });
});
