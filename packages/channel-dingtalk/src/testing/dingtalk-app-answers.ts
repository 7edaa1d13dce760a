/**
 * DingTalk's server-API answers (gettoken, asyncsend_v2), HTTP 200 with these bodies, named after
 * their case, for `FakeDingTalkApp.failNext`. Texts of 40096, 40035 (gettoken), 40 and the 88
 * gateway form are observed ones; 143103/143104 and 400002 carry the wording of DingTalk's
 * documents for sibling work-notice APIs; the limit refusals (34004, 34014, 34016, 40035 on lists)
 * carry wording of our own.
 */
export const dingtalkAppAnswers = {
  ok: { errcode: 0, errmsg: 'ok' },
  invalidAppKeyOrSecret: { errcode: 40096, errmsg: '不合法的appKey或appSecret' },
  missingAppKey: { errcode: 40035, errmsg: '缺少参数 corpid or appkey' },
  requireGet: { errcode: 43001, errmsg: '需要GET请求' },
  requirePost: { errcode: 43002, errmsg: '需要POST请求' },
  tokenInvalid: { errcode: 40014, errmsg: '不合法的access_token' },
  tokenExpired: { errcode: 42001, errmsg: 'access_token超时' },
  tokenInvalidGateway: {
    errcode: 88,
    errmsg: 'ding talk error[subcode=40014,submsg=不合法的access_token]',
    sub_code: '40014',
    sub_msg: '不合法的access_token',
    request_id: 'fake0request0id',
  },
  missingAccessToken: { errcode: 40035, errmsg: '缺少参数 access_token' },
  missingAgentId: { errcode: 40, errmsg: 'Missing required arguments:agent_id', request_id: 'fake0request0id' },
  missingMsg: { errcode: 40, errmsg: 'Missing required arguments:msg', request_id: 'fake0request0id' },
  invalidAgentId: { errcode: 400002, errmsg: 'agentId不合法' },
  noReceivers: { errcode: 40035, errmsg: '缺少参数 userid_list, dept_id_list or to_all_user' },
  tooManyReceivers: { errcode: 40035, errmsg: '不合法的参数 userid_list 最多 100 个, dept_id_list 最多 20 个' },
  invalidMsgType: { errcode: 34004, errmsg: '无效的会话消息的类型' },
  invalidMsgJson: { errcode: 34014, errmsg: '会话消息的json结构无效或不完整' },
  contentTooLong: { errcode: 34016, errmsg: '消息内容长度超过限制' },
  appQpmExceeded: { errcode: 143103, errmsg: '企业单应用消息发送人次QPM超限' },
  corpQpmExceeded: { errcode: 143104, errmsg: '企业每分钟发送人次QPM超限' },
  noPermission: {
    errcode: 88,
    errmsg: 'ding talk error[subcode=60011,submsg=没有调用该接口的权限]',
    sub_code: '60011',
    sub_msg: '没有调用该接口的权限',
    request_id: 'fake0request0id',
  },
  systemBusy: { errcode: -1, errmsg: '系统繁忙' },
} as const;
