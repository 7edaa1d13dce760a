import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Module, type DynamicModule, type InjectionToken } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { channelProviderProblem, type ChannelProvider } from '@herald/channel-sdk';

export class ChannelLoadError extends Error {}

/** One channel package, ready for the application: its registered Nest module and the provider it exports. */
export interface LoadedChannel {
  packageName: string;
  /** The package's dynamic module, as `register()` made it; the application imports it. */
  module: DynamicModule;
  /** The token under which the module exports the channel provider. */
  token: InjectionToken;
  provider: ChannelProvider;
}

/**
 * Loads each named channel package through its Nest module: the `./nest` entry's module class,
 * `register()`ed with no options, and the ChannelProvider it exports. A package without a `./nest`
 * entry is wrapped in a module of ours around the provider its main entry exports. Packages are
 * resolved from the working directory first (where an operator installs third-party channels),
 * then from the server. Each module is started once here, so a broken package is refused before
 * the database is touched.
 */
export async function loadChannelPackages(packageNames: string[]): Promise<LoadedChannel[]> {
  const loaded: LoadedChannel[] = [];
  for (const name of packageNames) {
    const channel = await loadChannelPackage(name);
    const clash = loaded.find((existing) => existing.provider.id === channel.provider.id);
    if (clash) {
      throw new ChannelLoadError(
        `channel package ${name} declares channel id "${channel.provider.id}", already loaded from ${clash.packageName}`,
      );
    }
    loaded.push(channel);
  }
  return loaded;
}

async function loadChannelPackage(name: string): Promise<LoadedChannel> {
  const main = await importPackage(name, name);
  if (!main) {
    throw new ChannelLoadError(
      `channel package ${name} is not installed (HERALD_CHANNELS names it); install it or remove it from HERALD_CHANNELS`,
    );
  }
  const nest = await importPackage(name, `${name}/nest`);
  if (!nest) return wrapProvider(name, findProvider(name, main));
  const moduleClass = Object.values(nest).find(isRegistrableModule);
  if (!moduleClass) {
    throw new ChannelLoadError(
      `channel package ${name}: ${name}/nest exports no Nest module with a static register() (such as XChannelModule)`,
    );
  }
  let module: DynamicModule;
  try {
    module = await moduleClass.register();
  } catch (error) {
    throw new ChannelLoadError(`channel package ${name}: ${moduleClass.name}.register() failed: ${(error as Error).message}`);
  }
  const { token, provider } = await exportedProvider(name, module);
  return { packageName: name, module, token, provider };
}

interface RegistrableModule {
  name: string;
  register(): DynamicModule | Promise<DynamicModule>;
}

function isRegistrableModule(value: unknown): value is RegistrableModule {
  return typeof value === 'function' && typeof (value as Partial<RegistrableModule>).register === 'function';
}

/** Starts the module alone and finds, among what it exports, the ChannelProvider. */
async function exportedProvider(name: string, module: DynamicModule): Promise<{ token: InjectionToken; provider: ChannelProvider }> {
  const tokens = [...(module.exports ?? []), ...((Reflect.getMetadata('exports', module.module) as unknown[] | undefined) ?? [])].filter(
    (token): token is InjectionToken => typeof token === 'string' || typeof token === 'symbol' || typeof token === 'function',
  );
  let context: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>;
  try {
    context = await NestFactory.createApplicationContext(module, { logger: false, abortOnError: false });
  } catch (error) {
    throw new ChannelLoadError(`channel package ${name}: its Nest module failed to start: ${(error as Error).message}`);
  }
  try {
    const candidates = tokens.flatMap((token) => {
      try {
        return [{ token, value: context.get(token, { strict: false }) as unknown }];
      } catch {
        return []; // an exported module, not a provider
      }
    });
    const found = candidates.find((candidate) => channelProviderProblem(candidate.value) === undefined);
    if (found) return { token: found.token, provider: found.value as ChannelProvider };
    const problem = candidates.length > 0 ? channelProviderProblem(candidates[0]!.value) : 'it exports nothing';
    throw new ChannelLoadError(
      `channel package ${name} does not satisfy the ChannelProvider contract: its Nest module exports no ChannelProvider (${problem})`,
    );
  } finally {
    await context.close();
  }
}

/** A package with no Nest module of its own: its provider, in a module of ours. */
function wrapProvider(name: string, provider: ChannelProvider): LoadedChannel {
  const token = Symbol.for(`herald.channel.${provider.id}`);
  @Module({})
  class PlainChannelModule {}
  Object.defineProperty(PlainChannelModule, 'name', { value: `ChannelModule(${name})` });
  const module: DynamicModule = { module: PlainChannelModule, providers: [{ provide: token, useValue: provider }], exports: [token] };
  return { packageName: name, module, token, provider };
}

/** Imports a package entry, or undefined when it is not installed; an entry that fails to load is an error. */
async function importPackage(name: string, specifier: string): Promise<Record<string, unknown> | undefined> {
  const location = resolveFrom(process.cwd(), specifier) ?? resolveFrom(import.meta.url, specifier);
  if (!location) return undefined;
  try {
    return (await import(pathToFileURL(location).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ChannelLoadError(`channel package ${name} failed to load (${specifier}): ${(error as Error).message}`);
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
