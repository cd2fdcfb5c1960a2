export * from './tally-types';
