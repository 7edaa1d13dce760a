import type { Channel, ChannelAction } from './types';

/**
 * A channel's or action's texts in the reader's language: the Chinese ones (`display_name_zh`,
 * `description_zh`) for Chinese readers when the channel package gives them, English otherwise.
 */
export function channelName(channel: Channel, language: string | undefined): string {
  return chosen(language, channel.display_name, channel.display_name_zh);
}

export function actionName(action: ChannelAction, language: string | undefined): string {
  return chosen(language, action.display_name, action.display_name_zh);
}

export function actionDescription(action: ChannelAction, language: string | undefined): string | undefined {
  return chosen(language, action.description ?? undefined, action.description_zh);
}

function chosen<T extends string | undefined>(language: string | undefined, english: T, chinese: string | null | undefined): T | string {
  return language === 'zh' && chinese ? chinese : english;
}
