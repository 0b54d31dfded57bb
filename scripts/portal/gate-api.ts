// The gate as the portal calls it: the same pure function CI runs (scripts/core/gate), injected
// so the middleware can be exercised on its own and the CLI decides which gate it wires in.
import type { GateDecision, GateInput } from '../core/gate/index.js';

export type { ChangedFile, GateDecision, GateInput, GateReason } from '../core/gate/index.js';

export type GateFn = (input: GateInput) => Promise<GateDecision>;
