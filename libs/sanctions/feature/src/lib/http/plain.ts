/**
 * A validated DTO as plain data. DTO classes (ES2022 class fields) carry their optional properties
 * as own `undefined` keys, which MongoDB would store as null — and a stored event must hash the
 * same as the published one — so they are dropped here, at the edge.
 */
export const plain = <T>(dto: unknown): T => JSON.parse(JSON.stringify(dto)) as T;
