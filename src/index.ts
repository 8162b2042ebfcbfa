// Programmatic API: the services and the sandbox, nothing CLI-specific.
export { startSandbox } from './sandbox/server.js';
