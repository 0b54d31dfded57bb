// The unit picker and the score table are separate Decap fields; Decap does not re-render one
// when the other changes, so the picker announces the chosen unit here.
type Listener = (unit: string) => void;

const listeners = new Set<Listener>();

export function announceUnit(unit: string): void {
  for (const l of listeners) l(unit);
}

export function onUnit(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
