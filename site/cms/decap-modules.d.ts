// Decap's backend, widget and locale packages ship without type declarations.
declare module 'decap-cms-backend-github' {
  export const GitHubBackend: new (...args: any[]) => object;
}
declare module 'decap-cms-backend-proxy' {
  export const ProxyBackend: new (...args: any[]) => object;
}
declare module 'decap-cms-widget-string' {
  const widget: { Widget(): unknown };
  export default widget;
}
declare module 'decap-cms-widget-object' {
  const widget: { Widget(): unknown };
  export default widget;
}
declare module 'decap-cms-locales/dist/esm/en/index.js' {
  const phrases: import('./locale.js').Phrases;
  export default phrases;
}
declare module 'decap-cms-locales/dist/esm/vi/index.js' {
  const phrases: import('./locale.js').Phrases;
  export default phrases;
}
