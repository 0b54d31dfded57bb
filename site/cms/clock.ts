// The CMS's "now": the portal's fixed clock when the page was rendered with PARINDEX_NOW (so the
// editor and the gate agree in a demo at 17:00), else the browser's clock.
let fixed: Date | null = null;

export function setNow(iso: string | undefined): void {
  const d = iso ? new Date(iso) : null;
  fixed = d && !Number.isNaN(d.getTime()) ? d : null;
}

export function now(): Date {
  return fixed ? new Date(fixed.getTime()) : new Date();
}
