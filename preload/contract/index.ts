export * from './dto.js';
export * from './events.js';
