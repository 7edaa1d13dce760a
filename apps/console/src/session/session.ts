/** The key lives in sessionStorage only: it is gone when the browser tab closes. */
const KEY = 'herald.key';
const PROJECT = 'herald.project';

export interface SessionProject {
  id?: string;
  key?: string;
  name?: string;
}

export const session = {
  key(): string | null {
    return sessionStorage.getItem(KEY);
  },
  project(): SessionProject | null {
    const raw = sessionStorage.getItem(PROJECT);
    return raw ? (JSON.parse(raw) as SessionProject) : null;
  },
  signIn(key: string, project?: SessionProject): void {
    sessionStorage.setItem(KEY, key);
    if (project) sessionStorage.setItem(PROJECT, JSON.stringify(project));
    else sessionStorage.removeItem(PROJECT);
  },
  signOut(): void {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(PROJECT);
  },
};
