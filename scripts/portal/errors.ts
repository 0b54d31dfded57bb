// A failure the officer or developer can act on: its message is Vietnamese and complete, so the
// CLI prints it as is, without a stack trace.
export class PortalError extends Error {}
