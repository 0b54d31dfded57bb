// One write at a time: the gate's view of main and the branch must still be true when
// decap-server acts on them, so a guarded request holds this until its response has been sent.
export type Release = () => void;

export function createLock(): () => Promise<Release> {
  let tail: Promise<void> = Promise.resolve();
  return () => {
    let release!: Release;
    const held = new Promise<void>((resolve) => {
      let done = false;
      release = () => { if (!done) { done = true; resolve(); } };
    });
    const ready = tail.then(() => release);
    tail = tail.then(() => held);
    return ready;
  };
}
