import type { DingTalkRobotConfig } from './dingtalk.config.js';

/** The `at` object of a text or markdown body. */
export interface DingTalkAt {
  atMobiles: string[];
  atUserIds: string[];
  isAtAll: boolean;
}

const EVERYONE = '@all';

/** The mentions of a config; `@all` in either list means everyone. Undefined when there are none. */
export function mentionsOf(config: Pick<DingTalkRobotConfig, 'at_mobiles' | 'at_user_ids'>): DingTalkAt | undefined {
  const mobiles = splitList(config.at_mobiles);
  const userIds = splitList(config.at_user_ids);
  if (mobiles.length === 0 && userIds.length === 0) return undefined;
  return {
    atMobiles: mobiles.filter((mobile) => mobile !== EVERYONE),
    atUserIds: userIds.filter((userId) => userId !== EVERYONE),
    isAtAll: mobiles.includes(EVERYONE) || userIds.includes(EVERYONE),
  };
}

/** DingTalk only shows (and notifies) a mention written into the text as `@<mobile>` or `@<userId>`. */
export function mentionLine(at: DingTalkAt | undefined): string {
  if (!at) return '';
  return [...at.atMobiles, ...at.atUserIds].map((who) => `@${who}`).join(' ');
}

function splitList(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
