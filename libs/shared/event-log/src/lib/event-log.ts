export function eventLog(): string {
  return 'event-log';
}
