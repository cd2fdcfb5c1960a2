import { Inject } from '@nestjs/common';

/**
 * The time as the application sees it. Expiry rules (reset links, one-time codes) read it here
 * rather than from `new Date()`, so tests can move time forward instead of waiting.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');
export const InjectClock = (): ParameterDecorator => Inject(CLOCK);

export const systemClock: Clock = { now: () => new Date() };
