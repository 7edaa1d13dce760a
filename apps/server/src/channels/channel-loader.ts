import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channelProviderProblem, type ChannelProvider } from '@herald/channel-sdk';

export class ChannelLoadError extends Error {}

/**
 * Imports each named channel package and finds its provider by shape: the default export, or
 * else the first named export that satisfies the contract. Packages are resolved from the working
 * directory first (where an operator installs third-party channels), then from the server.
 */
export async function loadChannelPackages(packageNames: string[]): Promise<ChannelProvider[]> {
  const providers: ChannelProvider[] = [];
  for (const name of packageNames) {
    const provider = findProvider(name, await importPackage(name));
    const clash = providers.find((existing) => existing.id === provider.id);
    if (clash) throw new ChannelLoadError(`channel package ${name} declares channel id "${provider.id}", already loaded`);
    providers.push(provider);
  }
  return providers;
}

async function importPackage(name: string): Promise<Record<string, unknown>> {
  const location = resolveFrom(process.cwd(), name) ?? resolveFrom(import.meta.url, name);
  if (!location) {
    throw new ChannelLoadError(
      `channel package ${name} is not installed (HERALD_CHANNELS names it); install it or remove it from HERALD_CHANNELS`,
    );
  }
  try {
    return (await import(pathToFileURL(location).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ChannelLoadError(`channel package ${name} failed to load: ${(error as Error).message}`);
  }
}

function resolveFrom(base: string, name: string): string | undefined {
  try {
    return createRequire(base.startsWith('file:') ? base : join(base, 'package.json')).resolve(name);
  } catch {
    return undefined;
  }
}

function findProvider(name: string, exports: Record<string, unknown>): ChannelProvider {
  const candidates = [
    exports.default,
    ...Object.entries(exports)
      .filter(([key]) => key !== 'default')
      .map(([, value]) => value),
  ];
  const provider = candidates.find((candidate) => channelProviderProblem(candidate) === undefined);
  if (provider) return provider as ChannelProvider;
  const problem = channelProviderProblem(exports.default) ?? 'no export has the shape of a ChannelProvider';
  throw new ChannelLoadError(`channel package ${name} does not satisfy the ChannelProvider contract: ${problem}`);
}
