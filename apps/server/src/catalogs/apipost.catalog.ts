import { type Catalog, type CatalogEntry, integer, object, string } from './catalog-entry.js';
import type { JsonSchema } from '../event-types/json-schema.js';

/*
 * Apipost project events (项目设置 - 对外能力 - 通知设置 - 触发事件). Apipost's page refers to the
 * event picker in the product; its public documents give no names or bodies for these events, so
 * the types below are Herald's names for the project events the picker offers (API changes, tests
 * run, members), with a `data` shape a publisher fills in. Teams whose Apipost sends other names
 * map them with a generic ingest token (`type_path`, `type_prefix: "apipost."`).
 */

const operator = object({ id: string(), name: string('操作人') });
const apiSchema = object(
  {
    project_id: string('项目 ID'),
    project_name: string('项目名'),
    api_id: string('接口 ID'),
    name: string('接口名称'),
    method: string('请求方法'),
    url: string('接口路径'),
    operator,
    updated_at: { type: 'string', format: 'date-time' },
  },
  ['project_id', 'api_id'],
);
const apiExample = {
  project_id: 'prj_8d1c',
  project_name: '商城接口',
  api_id: 'api_30f2',
  name: '创建订单',
  method: 'POST',
  url: '/orders',
  operator: { id: 'u_1', name: '张三' },
  updated_at: '2024-01-15T10:30:00Z',
};
const testSchema = object(
  {
    project_id: string(),
    project_name: string(),
    test_id: string('测试用例或场景 ID'),
    name: string('测试名称'),
    passed: integer('通过数'),
    failed: integer('失败数'),
    total: integer('总数'),
    report_url: string('测试报告地址'),
    operator,
  },
  ['project_id', 'test_id', 'total'],
);
const testExample = (failed: number) => ({
  project_id: 'prj_8d1c',
  project_name: '商城接口',
  test_id: 'case_77',
  name: '下单流程回归',
  passed: 20 - failed,
  failed,
  total: 20,
  report_url: 'https://console.apipost.cn/report/case_77',
  operator: { id: 'u_1', name: '张三' },
});
const memberSchema = object(
  { project_id: string(), project_name: string(), member: object({ id: string(), name: string(), role: string() }), operator },
  ['project_id', 'member'],
);
const memberExample = {
  project_id: 'prj_8d1c',
  project_name: '商城接口',
  member: { id: 'u_2', name: '李四', role: '编辑者' },
  operator: { id: 'u_1', name: '张三' },
};

function entry(type: string, zh: string, en: string, schema: JsonSchema, example: unknown): CatalogEntry {
  return { type: `apipost.${type}`, catalog: 'apipost', description: { zh, en }, schema, example };
}

const entries: CatalogEntry[] = [
  entry('api.created', '新建接口', 'An API was created', apiSchema, apiExample),
  entry('api.updated', '修改接口', 'An API was changed', apiSchema, apiExample),
  entry('api.deleted', '删除接口', 'An API was deleted', apiSchema, apiExample),
  entry('test.finished', '自动化测试执行完成', 'An automated test run finished', testSchema, testExample(0)),
  entry('test.failed', '自动化测试执行失败', 'An automated test run had failures', testSchema, testExample(3)),
  entry('member.joined', '成员加入项目', 'A member joined the project', memberSchema, memberExample),
  entry('member.left', '成员移出项目', 'A member left the project', memberSchema, memberExample),
];

export const apipostCatalog: Catalog = {
  id: 'apipost',
  name: { zh: 'Apipost', en: 'Apipost' },
  source: 'Apipost 通知设置 (the event names are Herald’s: Apipost publishes none)',
  entries,
};
