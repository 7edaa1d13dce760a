/** ntfy's topic names: 1 to 64 letters, digits, `-` or `_` (ntfy routes `^/[-_A-Za-z0-9]{1,64}$`). */
export const TOPIC_NAME = /^[-_A-Za-z0-9]{1,64}$/;

/** Paths ntfy keeps for itself and refuses as topics (400 40010), by default. */
export const DISALLOWED_TOPICS: readonly string[] = [
  'docs',
  'static',
  'file',
  'app',
  'metrics',
  'account',
  'settings',
  'signup',
  'login',
  'v1',
];

const EXAMPLE = 'such as https://ntfy.sh/my-alerts';

/**
 * Why a URL does not name an ntfy topic, or undefined when it does. ntfy serves topics at the
 * root of the server, so the path is exactly `/<topic>`; a query would set message parameters.
 */
export function topicUrlProblem(serviceUrl: string): string | undefined {
  const url = new URL(serviceUrl);
  const topic = url.pathname.slice(1);
  if (topic === '') return `must name a topic after the server, ${EXAMPLE}`;
  if (!TOPIC_NAME.test(topic)) return `must be the server followed by one topic name of 1 to 64 letters, digits, "-" or "_", ${EXAMPLE}`;
  if (DISALLOWED_TOPICS.includes(topic)) return `names "${topic}", which ntfy keeps for itself; choose another topic`;
  if (url.search !== '' || url.hash !== '') return 'must not have a query or fragment; use the config fields for title, priority and tags';
  return undefined;
}

/** The topic a URL names (the path without its slash). */
export function topicOf(serviceUrl: string): string {
  return new URL(serviceUrl).pathname.slice(1);
}
