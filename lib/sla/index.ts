export * from './settings';
export * from './business-hours';
export * from './status';
export * from './format-duration';
export { isValidTimeZone } from './time-zone';
