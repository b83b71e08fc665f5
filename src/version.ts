/**
 * The engine's version, written into every result (kept equal to package.json by a test).
 *
 * @example
 * result.engine.version === ENGINE_VERSION; // true for a result of this build
 */
export const ENGINE_VERSION = '0.1.0';
