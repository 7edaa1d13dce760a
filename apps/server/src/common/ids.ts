import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** Public ids carry their kind (`evt_`, `sub_`, `dlv_` …) and sort by creation time. */
export type IdPrefix = 'prj' | 'key' | 'sub' | 'evt' | 'dlv' | 'att' | 'itk';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${nextUlid().toLowerCase()}`;
}
