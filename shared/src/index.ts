export * from './auth/roles';
export * from './auth/api-types';
export * from './errors/api-error';
export * from './errors/error-codes';
