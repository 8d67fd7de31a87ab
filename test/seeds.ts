/**
 * Seeds for the fast-check properties: a fixed one, so CI checks the same cases on every run,
 * and a random one, printed, so each run also looks somewhere new. `FC_SEED=<seed>` replays one.
 */
export const fixedSeed = 20_261_202
const replay = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED)
const random = replay ?? Date.now() % 2 ** 31

export function propertySeeds(name: string): number[] {
  console.log(`${name}: ${replay === undefined ? `seeds ${fixedSeed} (fixed) and ${random} (random)` : `seed ${replay}`}; replay one with FC_SEED=<seed>`)
  return replay === undefined ? [fixedSeed, random] : [replay]
}
