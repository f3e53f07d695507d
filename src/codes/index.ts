/** The code model: tagged text, its runs, and the check of a translation's codes. See types.ts. */
export * from './types.js'
export * from './tagged-text.js'
export * from './validate.js'
export * from './render.js'
