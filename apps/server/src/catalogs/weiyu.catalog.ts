import { type Catalog, type CatalogEntry, object, string } from './catalog-entry.js';
import type { JsonSchema } from '../event-types/json-schema.js';

/*
 * Weiyu (微语) webhook push, from its Webhook document: three push types, each with the sub-events
 * its configuration lists. `data` is the `data` object of Weiyu's message (the `weiyu` envelope of
 * the HTTP channel wraps it back into `{event_type, timestamp, data}`).
 */

const leaveMessage = object(
  {
    message_id: string('留言 ID'),
    customer_name: string('客户姓名'),
    customer_phone: string('客户电话'),
    customer_email: string('客户邮箱'),
    message_content: string('留言内容'),
    channel: string('渠道, 如 web'),
    created_time: { type: 'string', format: 'date-time', description: '创建时间' },
  },
  ['message_id', 'message_content'],
);
const leaveMessageExample = {
  message_id: 'msg_123456',
  customer_name: '张三',
  customer_phone: '13800138000',
  customer_email: 'zhangsan@example.com',
  message_content: '我想咨询一下产品价格',
  channel: 'web',
  created_time: '2024-01-15T10:30:00Z',
};

const customerInfo = object(
  {
    customer_id: string('客户 ID'),
    name: string('姓名'),
    phone: string('电话'),
    email: string('邮箱'),
    company: string('公司'),
    position: string('职位'),
    source: string('来源, 如 官网注册'),
    created_time: { type: 'string', format: 'date-time' },
  },
  ['customer_id'],
);
const customerInfoExample = {
  customer_id: 'cust_123456',
  name: '李四',
  phone: '13900139000',
  email: 'lisi@example.com',
  company: '某某公司',
  position: '技术经理',
  source: '官网注册',
  created_time: '2024-01-15T10:30:00Z',
};

const systemAlert = object(
  {
    alert_id: string('报警 ID'),
    level: { type: 'string', enum: ['error', 'warning', 'info'], description: '报警级别' },
    title: string('标题'),
    message: string('内容'),
    details: { type: 'object', description: '详情, 如 cpu_usage、memory_usage、server_id' },
    created_time: { type: 'string', format: 'date-time' },
  },
  ['alert_id', 'level', 'title'],
);
const systemAlertExample = (level: 'error' | 'warning' | 'info') => ({
  alert_id: 'alert_123456',
  level,
  title: '系统性能警告',
  message: '服务器CPU使用率超过80%',
  details: { cpu_usage: '85%', memory_usage: '70%', server_id: 'server_001' },
  created_time: '2024-01-15T10:30:00Z',
});

/*
 * 工单状态变更 is a push type the document's use cases and examples name (推送类型：留言消息、工单状态变更)
 * without giving its message format; the names and fields below are Herald's, in the style of the
 * three documented formats, for the three cases it lists (创建, 状态更新, 处理提醒).
 */
const ticketStatus = object(
  {
    ticket_id: string('工单 ID'),
    title: string('工单标题'),
    status: string('当前状态'),
    previous_status: string('变更前状态'),
    priority: string('优先级'),
    assignee: string('处理人'),
    customer_name: string('客户姓名'),
    due_time: { type: 'string', format: 'date-time', description: '处理时限' },
    created_time: { type: 'string', format: 'date-time' },
    updated_time: { type: 'string', format: 'date-time' },
  },
  ['ticket_id', 'status'],
);
const ticketStatusExample = (status: string, previous_status?: string) => ({
  ticket_id: 'ticket_123456',
  title: '产品价格咨询',
  status,
  ...(previous_status ? { previous_status } : {}),
  priority: 'high',
  assignee: '王五',
  customer_name: '张三',
  due_time: '2024-01-16T10:30:00Z',
  created_time: '2024-01-15T10:30:00Z',
  updated_time: '2024-01-15T11:00:00Z',
});

function entry(type: string, zh: string, en: string, schema: JsonSchema, example: unknown): CatalogEntry {
  return { type: `weiyu.${type}`, catalog: 'weiyu', description: { zh, en }, schema, example };
}

const entries: CatalogEntry[] = [
  entry('leave_message', '留言消息推送(客户留言)', 'A customer left a message', leaveMessage, leaveMessageExample),
  entry('leave_message.new_message', '新留言', 'A new message was left', leaveMessage, leaveMessageExample),
  entry('leave_message.message_replied', '留言已回复', 'A message was replied to', leaveMessage, leaveMessageExample),
  entry('customer_info', '客户留资推送', 'A visitor left contact details', customerInfo, customerInfoExample),
  entry('customer_info.new_customer', '新客户留资', 'A new customer left contact details', customerInfo, customerInfoExample),
  entry('customer_info.info_updated', '客户信息更新', 'A customer updated their details', customerInfo, customerInfoExample),
  entry('system_alert', '系统报警推送', 'A system alert', systemAlert, systemAlertExample('warning')),
  entry('system_alert.error', '系统报警: 错误', 'A system alert of level error', systemAlert, systemAlertExample('error')),
  entry('system_alert.warning', '系统报警: 警告', 'A system alert of level warning', systemAlert, systemAlertExample('warning')),
  entry('system_alert.info', '系统报警: 通知', 'A system alert of level info', systemAlert, systemAlertExample('info')),
  entry('ticket_status', '工单状态变更', 'A ticket was created or changed', ticketStatus, ticketStatusExample('processing', 'open')),
  entry('ticket_status.created', '工单创建通知', 'A ticket was created', ticketStatus, ticketStatusExample('open')),
  entry('ticket_status.updated', '工单状态更新', 'The status of a ticket changed', ticketStatus, ticketStatusExample('processing', 'open')),
  entry(
    'ticket_status.reminder',
    '工单处理提醒(即将超时或需要升级)',
    'A ticket is about to time out or needs escalating',
    ticketStatus,
    ticketStatusExample('processing'),
  ),
];

export const weiyuCatalog: Catalog = {
  id: 'weiyu',
  name: { zh: '微语', en: 'Weiyu' },
  source:
    'Weiyu Webhook document: push types leave_message, customer_info, system_alert and their events; ticket_status (工单状态变更) named there without a format',
  entries,
};
