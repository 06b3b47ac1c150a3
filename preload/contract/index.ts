export * from './dto.js';
export * from './events.js';
export * from './quarantine.js';
