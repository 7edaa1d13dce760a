/**
 * DingTalk's answers, as the real robot endpoint gives them (HTTP 200 with these bodies), named
 * after their case. Codes marked second-hand in the protocol notes carry wording of our own.
 */
const MORE = 'more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]';

export const dingtalkAnswers = {
  ok: { errcode: 0, errmsg: 'ok' },
  sendTooFast: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' },
  tokenNotExist: { errcode: 300005, errmsg: 'token is not exist' },
  tokenNotExistLegacy: { errcode: 300001, errmsg: 'token is not exist' },
  keywordsNotInContent: { errcode: 310000, errmsg: `keywords not in content, ${MORE}` },
  signNotMatch: { errcode: 310000, errmsg: `sign not match, ${MORE}` },
  signNotMatchChinese: {
    errcode: 310000,
    errmsg:
      'description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中，请确认机器人的密钥加密和填写正确;',
  },
  invalidTimestamp: { errcode: 310000, errmsg: `invalid timestamp, ${MORE}` },
  ipNotInWhitelist: { errcode: 310000, errmsg: `ip 203.0.113.7 not in whitelist, ${MORE}` },
  messageTooLong: { errcode: 460101, errmsg: 'message too long, exceed 20000 bytes' },
  missingAccessToken: { errcode: 40035, errmsg: '缺少参数 access_token' },
  missingJson: { errcode: 40035, errmsg: '缺少参数 json' },
  postRequired: { errcode: 43002, errmsg: '需要POST请求' },
  systemBusy: { errcode: -1, errmsg: '系统繁忙' },
  robotStopped: { errcode: 400102, errmsg: 'robot is stopped' },
  robotNotExist: { errcode: 400106, errmsg: 'robot does not exist' },
  groupDisbanded: { errcode: 400013, errmsg: 'group has been disbanded' },
  unsupportedMsgType: { errcode: 400105, errmsg: 'msgtype is not supported' },
} as const;

/** The anti-abuse gate's page: no errcode, and how many seconds to wait. */
export function antiAbuseAnswer(waitSeconds: number): Record<string, unknown> {
  return { status: 1111, wait: waitSeconds, source: 'x5', punish: 'deny', uuid: 'fake-punish-uuid' };
}
