// The server's build ships JavaScript only; the tests use these two of its tools.
declare module '@herald/server/dist/tools/scratch-environment.js' {
  export interface ScratchEnvironment {
    databaseUrl: string;
    redisPrefix: string;
    env: Record<string, string>;
    dispose(): Promise<void>;
  }
  export const ROOT_KEY: string;
  export function createScratchEnvironment(extraEnv?: Record<string, string>): Promise<ScratchEnvironment>;
}
