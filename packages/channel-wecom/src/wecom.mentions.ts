import type { WeComRobotConfig } from './wecom.config.js';

const EVERYONE = '@all';

/** Who a robot message mentions: user ids, mobiles, and whether everyone. */
export interface RobotMentions {
  userIds: string[];
  mobiles: string[];
  everyone: boolean;
}

export function robotMentions(config: Pick<WeComRobotConfig, 'mentioned' | 'mentioned_mobile'>): RobotMentions {
  const userIds = splitList(config.mentioned);
  const mobiles = splitList(config.mentioned_mobile);
  return {
    userIds: userIds.filter((id) => id !== EVERYONE),
    mobiles: mobiles.filter((mobile) => mobile !== EVERYONE),
    everyone: userIds.includes(EVERYONE) || mobiles.includes(EVERYONE),
  };
}

/** The `text` part's mention lists, which WeCom turns into notifying mentions. */
export function textMentionLists(mentions: RobotMentions): { mentioned_list?: string[]; mentioned_mobile_list?: string[] } {
  const userIds = mentions.everyone ? [...mentions.userIds, EVERYONE] : mentions.userIds;
  return {
    ...(userIds.length > 0 ? { mentioned_list: userIds } : {}),
    ...(mentions.mobiles.length > 0 ? { mentioned_mobile_list: mentions.mobiles } : {}),
  };
}

/**
 * Markdown mentions a member only as `<@userid>` in its content (PROTOCOL.md: Group robot); it has
 * no form for a mobile number or for everyone.
 */
export function markdownMentionLine(mentions: RobotMentions): string {
  return mentions.userIds.map((id) => `<@${id}>`).join(' ');
}

/**
 * What markdown cannot carry (mobiles, everyone) goes in a text message sent right after it, with
 * the event's title as its content: WeCom refuses an empty one (44004).
 */
export function markdownFollowUp(mentions: RobotMentions, title: string): string | undefined {
  if (mentions.mobiles.length === 0 && !mentions.everyone) return undefined;
  const lists = textMentionLists({ userIds: [], mobiles: mentions.mobiles, everyone: mentions.everyone });
  return JSON.stringify({ msgtype: 'text', text: { content: title, ...lists } });
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
