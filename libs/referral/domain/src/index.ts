export * from './lib/result';
export * from './lib/errors';
export * from './lib/deadline';
export * from './lib/jurisdiction';
/** Aggregates: each namespace has its events, state, `initialState`, `evolve`, commands and `decide`. */
export * as Clue from './lib/clue';
export * as Referral from './lib/referral';
export * as Assistance from './lib/assistance';
export * as JointAction from './lib/joint-action';
