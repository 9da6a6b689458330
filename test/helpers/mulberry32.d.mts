/** Types of mulberry32.mjs (the tests' seeded uniform generator). */
export function mulberry32(seed: number): () => number;
