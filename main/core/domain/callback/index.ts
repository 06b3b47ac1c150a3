// The callback model, its validation and the helpers around it.
export * from './callback-model.js';
export * from './callback-schema.js';
export * from './parse-callback.js';
