export * from './lib/dates';
export * from './lib/notice-sources';
export * from './lib/holiday-calendar';
export * from './lib/calendar';
