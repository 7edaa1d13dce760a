import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/** Random bytes drawn from the system's generator a pool at a time: ulid asks for one byte per character. */
const pool = Buffer.alloc(4_096);
let used = pool.length;
function pooledRandom(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++]! / 256;
}

const nextUlid = monotonicFactory(pooledRandom);

/** Public ids carry their kind (`evt_`, `sub_`, `dlv_` …) and sort by creation time. */
export type IdPrefix = 'prj' | 'key' | 'sub' | 'evt' | 'dlv' | 'att' | 'itk';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${nextUlid().toLowerCase()}`;
}
