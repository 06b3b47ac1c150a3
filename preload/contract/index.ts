export * from './vocabulary.js';
export * from './dto.js';
export * from './vehicle-states.js';
export * from './events.js';
export * from './quarantine.js';
export * from './deliveries.js';
export * from './connection.js';
export * from './settings.js';
