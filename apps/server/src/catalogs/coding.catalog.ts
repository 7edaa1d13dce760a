import { type Catalog, type CatalogEntry, integer, object, string } from './catalog-entry.js';
import type { JsonSchema } from '../event-types/json-schema.js';

/*
 * CODING Service Hook events. The seed names the modules (代码推送 for Jenkins, "所有事件" for the
 * others); the event codes and the body shape (`event`, `eventName`, the module's object,
 * `sender`, `project`, `team`) follow CODING's public page on Service Hook events. `data` is the
 * body CODING sends, so a receiver of CODING's hooks and a Herald template read the same fields.
 */

const person = object({ id: integer(), avatar_url: string(), html_url: string(), name: string(), name_pinyin: string() });
const envelope = {
  event: string('事件代码'),
  eventName: string('事件名'),
  sender: person,
  project: object({
    id: integer(),
    name: string('项目标识'),
    display_name: string('项目名'),
    description: string(),
    icon: string(),
    url: string(),
  }),
  team: object({
    id: integer(),
    domain: string(),
    name: string(),
    name_pinyin: string(),
    introduction: string(),
    avatar: string(),
    url: string(),
  }),
};

const sender = {
  id: 8,
  avatar_url: 'https://coding.net/static/avatar.png',
  html_url: 'https://demo.coding.net/u/zhangsan',
  name: '张三',
  name_pinyin: 'zhangsan',
};
const project = { id: 1, name: 'demo', display_name: '示例项目', description: '', icon: '', url: 'https://demo.coding.net/p/demo' };
const team = {
  id: 1,
  domain: 'demo',
  name: '示例团队',
  name_pinyin: 'shiliituandui',
  introduction: '',
  avatar: '',
  url: 'https://demo.coding.net',
};

interface Module {
  key: string;
  schema: JsonSchema;
  example: Record<string, unknown>;
}

const iteration: Module = {
  key: 'iteration',
  schema: object({
    title: string('迭代标题'),
    goal: string('迭代目标'),
    html_url: string(),
    project_id: integer(),
    code: integer('迭代资源编号'),
    creator: person,
    status: string('迭代状态'),
    plan_issue_number: integer('迭代的事项总数'),
    start_at: integer(),
    end_at: integer(),
    created_at: integer(),
    updated_at: integer(),
  }),
  example: {
    title: '2024 第 3 迭代',
    goal: '发布通知中心',
    html_url: 'https://demo.coding.net/p/demo/iterations/3',
    project_id: 1,
    code: 3,
    creator: sender,
    status: 'PROCESSING',
    plan_issue_number: 12,
    start_at: 1705276800000,
    end_at: 1706486400000,
    created_at: 1705276800000,
    updated_at: 1705276800000,
  },
};
const issue: Module = {
  key: 'issue',
  schema: object({
    title: string('事项标题'),
    html_url: string(),
    type: string('事项类型 (REQUIREMENT, DEFECT, MISSION, EPIC, SUB_TASK)'),
    code: integer('事项编号'),
    status: string('事项状态'),
    priority: string(),
    assignee: person,
    creator: person,
    created_at: integer(),
    updated_at: integer(),
  }),
  example: {
    title: '登录页报错',
    html_url: 'https://demo.coding.net/p/demo/all/issues/42',
    type: 'DEFECT',
    code: 42,
    status: '处理中',
    priority: '2',
    assignee: sender,
    creator: sender,
    created_at: 1705276800000,
    updated_at: 1705280400000,
  },
};
/** A push carries its fields at the top level, beside the envelope. */
const push: Module = {
  key: '',
  schema: {
    type: 'object',
    properties: {
      ref: string('推送的分支全名, 如 refs/heads/master'),
      before: string('推送前的 commit SHA'),
      after: string('推送后的 commit SHA'),
      commits: {
        type: 'array',
        items: object({ id: string(), message: string(), url: string(), author: object({ name: string(), email: string() }) }),
      },
      repository: object({ name: string(), html_url: string(), ssh_url: string(), default_branch: string() }),
    },
  },
  example: {
    ref: 'refs/heads/master',
    before: '0000000000000000000000000000000000000000',
    after: '9853d6bd3032c71413bd7914bb0696e186ea9d04',
    commits: [
      {
        id: '9853d6bd3032c71413bd7914bb0696e186ea9d04',
        message: 'fix: login',
        url: 'https://demo.coding.net/p/demo/d/demo/git/commit/9853d6b',
        author: { name: '张三', email: 'zhangsan@example.com' },
      },
    ],
    repository: {
      name: 'demo',
      html_url: 'https://demo.coding.net/p/demo/d/demo/git',
      ssh_url: 'git@e.coding.net:demo/demo/demo.git',
      default_branch: 'master',
    },
  },
};
const mergeRequest: Module = {
  key: 'merge_request',
  schema: object({
    title: string(),
    body: string(),
    html_url: string(),
    number: integer(),
    status: string(),
    source_branch: string(),
    target_branch: string(),
    user: person,
    merged_by: person,
  }),
  example: {
    title: '通知中心',
    body: '',
    html_url: 'https://demo.coding.net/p/demo/d/demo/git/merge/7',
    number: 7,
    status: 'CANMERGE',
    source_branch: 'feature/notify',
    target_branch: 'master',
    user: sender,
  },
};
const artifact: Module = {
  key: 'artifact',
  schema: object({
    name: string('制品名'),
    version: string('版本'),
    repository: string('制品仓库'),
    type: string('制品类型, 如 docker、maven、npm'),
    html_url: string(),
  }),
  example: {
    name: 'herald-server',
    version: '1.4.0',
    repository: 'releases',
    type: 'docker',
    html_url: 'https://demo.coding.net/p/demo/artifacts/1',
  },
};
const repository: Module = {
  key: 'repository',
  schema: object({ name: string('制品仓库名'), type: string('制品类型'), description: string(), html_url: string() }),
  example: { name: 'releases', type: 'docker', description: '发布镜像', html_url: 'https://demo.coding.net/p/demo/artifacts/1' },
};
const ciJob: Module = {
  key: 'ci_build',
  schema: object({
    job_name: string('构建计划名'),
    build_number: integer('构建序号'),
    status: string('构建状态, 如 SUCCEED、FAILED'),
    branch: string(),
    html_url: string(),
    duration: integer('耗时 (ms)'),
  }),
  example: {
    job_name: 'build-and-test',
    build_number: 128,
    status: 'SUCCEED',
    branch: 'master',
    html_url: 'https://demo.coding.net/p/demo/ci/job/1/build/128',
    duration: 182000,
  },
};
const file: Module = {
  key: 'file',
  schema: object({ name: string('文件名'), size: integer('字节数'), html_url: string() }),
  example: { name: '需求说明.docx', size: 102400, html_url: 'https://demo.coding.net/p/demo/files/1' },
};
const wiki: Module = {
  key: 'wiki',
  schema: object({ title: string('Wiki 标题'), html_url: string(), version: integer() }),
  example: { title: '接入指南', html_url: 'https://demo.coding.net/p/demo/wiki/1', version: 3 },
};
const member: Module = {
  key: 'member',
  schema: object({ user: person, role: string('项目角色') }),
  example: { user: sender, role: '开发者' },
};

function entry(code: string, zh: string, en: string, module: Module): CatalogEntry {
  const topLevel = module.key === '';
  const properties = topLevel ? (module.schema.properties as Record<string, JsonSchema>) : { [module.key]: module.schema };
  return {
    type: `coding.${code}`,
    catalog: 'coding',
    description: { zh, en },
    schema: object({ ...envelope, ...properties }, ['event']),
    example: { event: code, eventName: zh, ...(topLevel ? module.example : { [module.key]: module.example }), sender, project, team },
  };
}

const entries: CatalogEntry[] = [
  entry('ITERATION_CREATED', '创建迭代', 'An iteration was created', iteration),
  entry('ITERATION_UPDATED', '更新迭代', 'An iteration was updated', iteration),
  entry('ITERATION_PLANNED', '规划迭代', 'Work was planned into an iteration', iteration),
  entry('ITERATION_DELETED', '删除迭代', 'An iteration was deleted', iteration),
  entry('ISSUE_CREATED', '创建事项', 'An issue was created', issue),
  entry('ISSUE_UPDATED', '更新事项', 'An issue was updated', issue),
  entry('ISSUE_STATUS_UPDATED', '事项状态变更', 'The status of an issue changed', issue),
  entry('ISSUE_ASSIGNEE_CHANGED', '事项处理人变更', 'An issue was assigned to someone else', issue),
  entry('ISSUE_COMMENT_CREATED', '事项评论', 'An issue was commented on', issue),
  entry('ISSUE_DELETED', '删除事项', 'An issue was deleted', issue),
  entry('GIT_PUSHED', '代码推送', 'Commits were pushed to a repository', push),
  entry('GIT_MR_CREATED', '创建合并请求', 'A merge request was opened', mergeRequest),
  entry('GIT_MR_UPDATED', '更新合并请求', 'A merge request was updated', mergeRequest),
  entry('GIT_MR_MERGED', '合并合并请求', 'A merge request was merged', mergeRequest),
  entry('GIT_MR_CLOSED', '关闭合并请求', 'A merge request was closed', mergeRequest),
  entry('ARTIFACTS_VERSION_CREATED', '制品版本创建', 'An artifact version was created', artifact),
  entry('ARTIFACTS_VERSION_RELEASED', '制品版本发布', 'An artifact version was released', artifact),
  entry('ARTIFACTS_VERSION_DELETED', '制品版本删除', 'An artifact version was deleted', artifact),
  entry('ARTIFACTS_REPO_CREATED', '制品仓库创建', 'An artifact repository was created', repository),
  entry('ARTIFACTS_REPO_DELETED', '制品仓库删除', 'An artifact repository was deleted', repository),
  entry('CI_JOB_STARTED', '持续集成构建开始', 'A CI build started', ciJob),
  entry('CI_JOB_FINISHED', '持续集成构建完成', 'A CI build finished', ciJob),
  entry('FILE_CREATED', '文件网盘上传文件', 'A file was uploaded to the project drive', file),
  entry('FILE_DELETED', '文件网盘删除文件', 'A file was deleted from the project drive', file),
  entry('WIKI_CREATED', '创建 Wiki', 'A wiki page was created', wiki),
  entry('WIKI_UPDATED', '更新 Wiki', 'A wiki page was updated', wiki),
  entry('WIKI_DELETED', '删除 Wiki', 'A wiki page was deleted', wiki),
  entry('MEMBER_CREATED', '添加项目成员', 'A member joined the project', member),
  entry('MEMBER_ROLE_UPDATED', '项目成员角色变更', 'A member’s role changed', member),
  entry('MEMBER_DELETED', '移除项目成员', 'A member left the project', member),
];

export const codingCatalog: Catalog = {
  id: 'coding',
  name: { zh: 'CODING', en: 'CODING' },
  source: 'CODING Service Hook: modules 迭代, 事项, 代码推送, 合并请求, 制品, 制品仓库, 持续集成, 文件网盘, Wiki, 项目成员',
  entries,
};
