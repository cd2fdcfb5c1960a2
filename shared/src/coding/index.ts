export * from './api-types';
export * from './codable-questions';
