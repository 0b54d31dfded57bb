// The gate the portal tests run against: the real one CI runs.
export { evaluateGate as portalGate } from '../../scripts/core/gate/index.js';
