import { anyValue, arrayOf, boolean, type Catalog, type CatalogEntry, integer, number, object, string } from './catalog-entry.js';
import type { JsonSchema } from '../event-types/json-schema.js';

/*
 * Feishu Project (飞书项目) webhooks, from its document 《在飞书项目中使用Webhook》: every
 * `header.event_type` of the new format with its `payload` (the event's data in Herald), and the
 * old webhook names each replaces. The examples are the document's, with its placeholders
 * (`interface{}`, `int`) given values.
 */

const USER_KEY = '7147600751534030867';

const workItem = {
  id: integer('工作项 id (64 位)'),
  name: string('工作项名称'),
  project_key: string('空间 ID'),
  project_simple_name: string('空间域名'),
  work_item_type_key: string('工作项类型'),
};
const updated = { updated_at: integer('更新时间戳 (ms)'), updated_by: string('更新人的 userkey') };
const fieldValue = object({ field_alias: string(), field_key: string(), field_type_key: string(), field_value: anyValue('字段值') }, [
  'field_key',
]);
const changedField = object(
  {
    field_alias: string('字段对接标识'),
    field_key: string('字段 key'),
    field_type_key: string('字段类型'),
    pre_field_value: anyValue('变更前的值'),
    cur_field_value: anyValue('变更后的值'),
  },
  ['field_key'],
);
const workItemStatus = object({
  state_key: string('状态 key'),
  is_archived_state: boolean('是否是归档状态'),
  is_init_state: boolean('是否是初始状态'),
  updated_at: integer(),
  updated_by: string(),
});
const schedule = object({
  estimate_start_date: { type: ['integer', 'null'] },
  estimate_end_date: { type: ['integer', 'null'] },
  points: { type: ['number', 'null'] },
});
const taskOwnersSchedule = object({
  estimate_start_date: { type: ['integer', 'null'] },
  estimate_end_date: { type: ['integer', 'null'] },
  owners: arrayOf(string()),
  points: { type: ['number', 'null'] },
});
const task = {
  work_item_id: integer('任务所挂工作项的 id'),
  work_item_name: string('任务所挂工作项的名称'),
  task_id: integer('任务 id'),
  task_name: string('任务名称'),
  project_key: string('空间 ID'),
  project_simple_name: string('空间域名'),
  relate_state_id: string('任务所属节点 ID'),
  related_state_key: string('任务所属节点 key'),
  relate_state_name: string('任务所属节点名称'),
};

const workItemRequired = ['id', 'project_key', 'work_item_type_key'];

/** Sent in `header.rule_name` with the events automation rules fire; Herald's ingest keeps it beside the payload's fields. */
const ruleName = string('自动化规则名称 (header.rule_name)');
const exampleRuleName = '每日到期提醒';

const exampleWorkItem = {
  id: 79697751,
  name: 'hook测试',
  project_key: '639068b0bd50cb571bd8591e',
  project_simple_name: 'xhh_test1',
  updated_at: 1639548775000,
  updated_by: USER_KEY,
  work_item_type_key: 'story',
};

function entry(eventType: string, zh: string, en: string, schema: JsonSchema, example: unknown, legacy_names: string[] = []): CatalogEntry {
  return {
    type: `feishu_project.${eventType}`,
    catalog: 'feishu_project',
    description: { zh, en },
    schema,
    example,
    ...(legacy_names.length > 0 ? { legacy_names } : {}),
  };
}

const statusChange = {
  pre_sub_stage: string('变更前工作项状态 (节点流工作项冗余)'),
  cur_sub_stage: string('变更后工作项状态 (节点流工作项冗余)'),
  pre_work_item_status: workItemStatus,
  cur_work_item_status: workItemStatus,
};
const exampleStatus = (stateKey: string, archived: boolean) => ({
  state_key: stateKey,
  is_archived_state: archived,
  is_init_state: !archived && stateKey === 'started',
  updated_at: 1639548775000,
  updated_by: USER_KEY,
});

const abortSchema = object(
  { ...workItem, ...updated, is_aborted: boolean('是否终止'), reason: string('终止或者恢复原因') },
  workItemRequired,
);

const entries: CatalogEntry[] = [
  entry(
    'WorkitemCreateEvent',
    '工作项创建(需求创建)',
    'A work item was created',
    object(
      {
        ...workItem,
        ...updated,
        template_id: integer('模板 id'),
        template_type: string('工作项类型 (只有需求有)'),
        pattern: string('模式 (节点流、状态流)'),
        sub_stage: string('仅早期实例涉及, 已弃用'),
        work_item_status: { type: 'object', description: '状态流工作项的状态' },
        created_at: integer('创建时间戳 (ms)'),
        created_by: string('创建人的 userkey'),
        current_nodes: arrayOf(object({ id: string(), name: string(), owners: arrayOf(string()) }), '当前所处的节点 (节点流)'),
        fields: arrayOf(fieldValue, '工作项字段'),
      },
      workItemRequired,
    ),
    {
      ...exampleWorkItem,
      template_id: 13046,
      template_type: 'story',
      pattern: 'Node',
      sub_stage: '',
      work_item_status: {},
      created_at: 1639548438000,
      created_by: USER_KEY,
      current_nodes: [{ id: 'state_0', name: '进行中', owners: ['6992398322484936706'] }],
      fields: [{ field_alias: 'owner', field_key: 'owner', field_type_key: 'user', field_value: USER_KEY }],
    },
    ['StoryCreated', 'EventCreate-{work_item_type_key}'],
  ),
  entry(
    'WorkitemUpdateEvent',
    '工作项字段值修改(需求修改)',
    'Field values of a work item changed',
    object({ ...workItem, ...updated, changed_fields: arrayOf(changedField) }, workItemRequired),
    {
      ...exampleWorkItem,
      changed_fields: [
        {
          field_alias: 'owner',
          field_key: 'owner',
          field_type_key: 'user',
          pre_field_value: '6992398322484936706',
          cur_field_value: USER_KEY,
        },
      ],
    },
    ['StoryValueChanged', 'EventUpdate-{work_item_type_key}'],
  ),
  entry(
    'WorkitemAbortedEvent',
    '工作项终止(需求终止)',
    'A work item was aborted',
    abortSchema,
    { ...exampleWorkItem, is_aborted: true, reason: '需求取消' },
    ['StoryAborted', 'EventAborted-{work_item_type_key}'],
  ),
  entry(
    'WorkitemRestoreEvent',
    '工作项恢复(终止后恢复)',
    'An aborted work item was restored',
    abortSchema,
    { ...exampleWorkItem, is_aborted: false, reason: '重新排期' },
    ['StoryAborted', 'EventAborted-{work_item_type_key}'],
  ),
  entry(
    'WorkitemStatusEvent',
    '工作项状态修改(需求状态修改)',
    'The status of a work item changed',
    object(
      {
        ...workItem,
        ...updated,
        ...statusChange,
        confirm_form: arrayOf(fieldValue, '状态流转的表单 (仅状态流工作项)'),
      },
      workItemRequired,
    ),
    {
      ...exampleWorkItem,
      pre_sub_stage: '',
      cur_sub_stage: '',
      pre_work_item_status: exampleStatus('started', false),
      cur_work_item_status: exampleStatus('closed', true),
      confirm_form: [{ field_alias: 'owner', field_key: 'owner', field_type_key: 'user', field_value: USER_KEY }],
    },
    ['StoryStageChanged', 'EventUpdateStatus-{work_item_type_key}'],
  ),
  entry(
    'WorkitemPersonAssignedEvent',
    '工作项人员分配(角色、节点负责人、子任务负责人)',
    'People were assigned to a work item (roles, node owners, sub-task owners)',
    object(
      {
        ...workItem,
        ...updated,
        role_owners: arrayOf(
          object({ role: string(), add_owners: arrayOf(string()), delete_owners: arrayOf(string()) }),
          '仅流程角色变更时存在',
        ),
        node_owners: arrayOf(
          object({
            id: string(),
            state_key: string(),
            node_name: string(),
            add_owners: arrayOf(string()),
            delete_owners: arrayOf(string()),
          }),
          '仅节点负责人变更时存在',
        ),
        task_owners: arrayOf(
          object({
            id: string('子任务 id'),
            name: string('子任务名称'),
            parent_node_id: string(),
            parent_node_state_key: string(),
            parent_node_name: string(),
            add_owners: arrayOf(string()),
            delete_owners: arrayOf(string()),
          }),
          '仅子任务负责人变更时存在',
        ),
      },
      workItemRequired,
    ),
    { ...exampleWorkItem, role_owners: [{ role: 'PM', add_owners: [USER_KEY], delete_owners: [] }] },
    ['StoryRoleAssigned', 'EventRoleAssigned-{work_item_type_key}', 'WFNodeOwnerChanged', 'WFNodeOwnerChanged-{work_item_type_key}'],
  ),
  entry(
    'WorkitemCommentEvent',
    '工作项评论(需求评论)',
    'A comment was added to a work item',
    object({ ...workItem, comment: string('评论内容') }, workItemRequired),
    {
      id: 79697751,
      name: 'hook测试',
      project_key: '639068b0bd50cb571bd8591e',
      project_simple_name: 'xhh_test1',
      work_item_type_key: 'story',
      comment: '请补充验收标准',
    },
    ['StoryCommentAdded', 'EventCommentAdded-{work_item_type_key}'],
  ),
  entry(
    'WorkitemFinishEvent',
    '工作项归档(需求归档)',
    'A work item was archived (finished)',
    object({ ...workItem, ...updated }, workItemRequired),
    exampleWorkItem,
    ['StoryFinished', 'EventFinished-{work_item_type_key}'],
  ),
  entry(
    'WorkitemDeleteEvent',
    '工作项删除(需求删除)',
    'A work item was deleted',
    object({ ...workItem, ...updated }, workItemRequired),
    exampleWorkItem,
    ['StoryDeleted', 'EventDelete-{work_item_type_key}'],
  ),
  entry(
    'WorkFlowNodeStatusEvent',
    '节点状态修改(节点完成、到达、回滚)',
    'A workflow node was completed, reached or rolled back',
    object(
      {
        ...workItem,
        ...updated,
        ...statusChange,
        nodes: arrayOf(
          object({
            id: string('节点 id'),
            state_key: string('节点 key'),
            node_name: string('节点名称'),
            pre_status: integer('变更前状态'),
            cur_status: integer('变更后状态'),
            node_form: arrayOf(fieldValue, '节点表单'),
          }),
        ),
        reason: string('只在回滚时有'),
        status_change_type: { type: 'string', description: '回滚/到达/确认', examples: ['Rollback', 'Reached', 'Checked'] },
      },
      workItemRequired,
    ),
    {
      ...exampleWorkItem,
      nodes: [{ id: 'state_1', state_key: 'state_1', node_name: '开发', pre_status: 1, cur_status: 2, node_form: [] }],
      reason: '',
      status_change_type: 'Checked',
    },
    [
      'WFNodeChecked',
      'WFNodeChecked-{work_item_type_key}',
      'WFNodeReached',
      'WFNodeReached-{work_item_type_key}',
      'WFNodeRollbacked',
      'WFNodeRollbacked-{work_item_type_key}',
    ],
  ),
  entry(
    'WorkFlowNodeScheduleEvent',
    '节点排期变更',
    'The schedule of a workflow node changed',
    object(
      {
        ...workItem,
        ...updated,
        nodes: arrayOf(
          object({
            id: string(),
            state_key: string(),
            node_name: string(),
            node_schedule_change: object({ pre_schedule: schedule, cur_schedule: schedule }),
            owner_schedules_change: arrayOf(
              object({ owner: string(), pre_schedule: schedule, cur_schedule: schedule }),
              '差异化排期的人员排期',
            ),
          }),
        ),
      },
      workItemRequired,
    ),
    {
      ...exampleWorkItem,
      nodes: [
        {
          id: 'state_1',
          state_key: 'state_1',
          node_name: '开发',
          node_schedule_change: {
            pre_schedule: { estimate_start_date: 1718899200000, estimate_end_date: 1719071999999, points: 1 },
            cur_schedule: { estimate_start_date: 1718899200000, estimate_end_date: 1719158399999, points: 2 },
          },
          owner_schedules_change: [],
        },
      ],
    },
    ['WFNodeScheduleChanged', 'WFNodeScheduleChanged-{work_item_type_key}'],
  ),
  entry(
    'TaskCreateEvent',
    '任务创建',
    'A task was created',
    object({ ...task, api_owners_schedule: taskOwnersSchedule, created_at: integer(), created_by: string(), work_item_type: string() }, [
      'task_id',
      'project_key',
    ]),
    {
      api_owners_schedule: { estimate_end_date: null, estimate_start_date: null, owners: [USER_KEY], points: null },
      created_at: 0,
      created_by: USER_KEY,
      project_key: '639068b0bd50cb571bd8591e',
      project_simple_name: '',
      relate_state_id: 'node_state_0_79697751',
      relate_state_name: '',
      related_state_key: 'state_0',
      task_id: 79697511,
      task_name: '',
      work_item_id: 79697751,
      work_item_name: 'hook测试',
      work_item_type: 'story',
    },
  ),
  entry(
    'TaskStatusEvent',
    '任务状态修改',
    'The status of a task changed',
    object({ ...task, ...updated, pre_status: integer(), cur_status: integer() }, ['task_id', 'project_key']),
    {
      work_item_id: 79697751,
      work_item_name: 'hook测试',
      task_id: 79697511,
      task_name: '123',
      project_key: '639068b0bd50cb571bd8591e',
      project_simple_name: 'xhh_test1',
      updated_at: 1639548775000,
      updated_by: USER_KEY,
      pre_status: 1,
      cur_status: 2,
      relate_state_id: 'node_state_0_79697751',
      related_state_key: 'state_0',
      relate_state_name: '开发',
    },
    ['EventUpdateStatus-task'],
  ),
  entry(
    'TaskUpdateEvent',
    '任务修改(字段与排期)',
    'A task changed (fields or schedule)',
    object(
      {
        ...task,
        ...updated,
        changed_fields: arrayOf(changedField),
        nodes: arrayOf(
          object({
            id: string(),
            state_key: string(),
            node_name: string(),
            task_schedule: arrayOf(
              object({
                actual_work_time: { type: ['number', 'null'] },
                estimate_end_date: integer(),
                estimate_start_date: integer(),
                owners: arrayOf(string()),
                points: number(),
                task_id: integer(),
                task_name: string(),
              }),
            ),
          }),
          '任务排期变更',
        ),
      },
      ['task_id', 'project_key'],
    ),
    {
      work_item_id: 79697751,
      work_item_name: 'hook测试',
      task_id: 79697511,
      task_name: '123',
      project_key: '639068b0bd50cb571bd8591e',
      project_simple_name: 'xhh_test1',
      relate_state_id: 'node_state_0_79697751',
      related_state_key: 'state_0',
      relate_state_name: '开发',
      updated_at: 1639548775000,
      updated_by: USER_KEY,
      changed_fields: [
        { field_alias: 'owner', field_key: 'owner', field_type_key: 'user', pre_field_value: '', cur_field_value: USER_KEY },
      ],
      nodes: [
        {
          id: 'state_0',
          state_key: 'state_0',
          node_name: '开发',
          task_schedule: [
            {
              actual_work_time: null,
              estimate_end_date: 1719071999999,
              estimate_start_date: 1718899200000,
              owners: [USER_KEY],
              points: 1,
              task_id: 79697511,
              task_name: '123',
            },
          ],
        },
      ],
    },
    ['EventUpdate-task'],
  ),
  entry(
    'TaskDeleteEvent',
    '任务删除',
    'A task was deleted',
    object({ ...task, ...updated, api_owners_schedule: taskOwnersSchedule, work_item_type: string() }, ['task_id', 'project_key']),
    {
      api_owners_schedule: { estimate_end_date: 1719071999999, estimate_start_date: 1718899200000, owners: [USER_KEY], points: 1 },
      project_key: '639068b0bd50cb571bd8591e',
      project_simple_name: 'xhh_test1',
      relate_state_id: 'node_state_0_79697751',
      relate_state_name: '',
      related_state_key: 'state_0',
      task_id: 79697511,
      task_name: '123',
      updated_at: 1718864911164,
      updated_by: USER_KEY,
      work_item_id: 79697751,
      work_item_name: 'hook测试',
      work_item_type: 'story',
    },
  ),
  entry(
    'TimedTriggerEvent',
    '定时循环(自动化规则定时触发)',
    'A scheduled automation rule fired',
    object(
      {
        rule_name: ruleName,
        project_key: string('空间 ID'),
        project_simple_name: string('空间域名'),
        trigger_at: integer('本次定时的触发时间戳 (ms)'),
        work_items: arrayOf(object({ id: integer(), name: string(), work_item_type_key: string() })),
      },
      ['project_key', 'trigger_at'],
    ),
    {
      rule_name: exampleRuleName,
      project_key: '639068b0bd50cb571bd8591e',
      project_simple_name: 'xhh_test1',
      trigger_at: 1639548775000,
      work_items: [{ id: 79697751, name: 'hook测试', work_item_type_key: 'story' }],
    },
  ),
  entry(
    'DynamicTimeTriggerEvent',
    '动态时间任务(按字段、节点排期或停留时间触发)',
    'A dynamic-time automation rule fired (a date field, a node schedule or a dwell time was reached)',
    object(
      {
        rule_name: ruleName,
        project_key: string('空间 ID'),
        project_simple_name: string('空间域名'),
        trigger_at: integer('本次定时的触发时间戳 (ms)'),
        work_items: arrayOf(
          object({
            id: integer(),
            name: string(),
            work_item_type_key: string(),
            trigger_fields: arrayOf(fieldValue),
            trigger_nodes: arrayOf(object({ id: string(), state_key: string(), node_name: string(), node_schedule: schedule })),
            trigger_tasks: arrayOf(object({ related_node_id: string(), related_node_name: string(), tasks: arrayOf(taskOwnersSchedule) })),
            trigger_retention_nodes: arrayOf(
              object({ arrive_at: integer(), state_key: string(), name: string(), owners: arrayOf(string()) }),
            ),
            trigger_retention_status: arrayOf(object({ arrive_at: integer(), state_key: string() })),
          }),
        ),
      },
      ['project_key', 'trigger_at'],
    ),
    {
      rule_name: exampleRuleName,
      project_key: '639068b0bd50cb571bd8591e',
      project_simple_name: 'xhh_test1',
      trigger_at: 1639548775000,
      work_items: [
        {
          id: 79697751,
          name: 'hook测试',
          work_item_type_key: 'story',
          trigger_fields: [
            { field_alias: 'finish_time', field_key: 'finish_time', field_type_key: 'schedule', field_value: 1719071999999 },
          ],
          trigger_nodes: [
            {
              id: 'state_1',
              state_key: 'state_1',
              node_name: '开发',
              node_schedule: { estimate_start_date: 1718899200000, estimate_end_date: 1719071999999, points: 1 },
            },
          ],
        },
      ],
    },
  ),
];

export const feishuProjectCatalog: Catalog = {
  id: 'feishu_project',
  name: { zh: '飞书项目', en: 'Feishu Project' },
  source: '《在飞书项目中使用Webhook》 (header.event_type of the new webhook format; old names in legacy_names)',
  entries,
};
