/**
 * Feishu's @mentions, one form per msg_type. Ids are open_id (ou_…) or user_id values of group
 * members; `all` mentions everyone (the group must allow @all). An id Feishu does not know is
 * shown as plain text and notifies no one.
 */
const EVERYONE = 'all';
const EVERYONE_NAME = '所有人';

/** The ids of a `mentions` config value, in order, without repeats. */
export function mentionIds(mentions: string | undefined): string[] {
  const ids = (mentions ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

/** `<at user_id="ou_…"></at>` tags for a text message. */
export function textMentions(ids: string[]): string {
  return ids.map((id) => (id === EVERYONE ? `<at user_id="all">${EVERYONE_NAME}</at>` : `<at user_id="${id}"></at>`)).join(' ');
}

/** `{"tag":"at","user_id":…}` elements for a post paragraph. */
export function postMentions(ids: string[]): Array<Record<string, string>> {
  return ids.map(
    (id): Record<string, string> =>
      id === EVERYONE ? { tag: 'at', user_id: EVERYONE, user_name: EVERYONE_NAME } : { tag: 'at', user_id: id },
  );
}

/** `<at id=ou_…></at>` tags for card markdown (lark_md). */
export function cardMentions(ids: string[]): string {
  return ids.map((id) => `<at id=${id}></at>`).join(' ');
}
