/** How a notification reaches its recipient. */
export const CHANNELS = ['webhook', 'email', 'inbox'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Languages every template is written in. */
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const isChannel = (value: unknown): value is Channel => typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
