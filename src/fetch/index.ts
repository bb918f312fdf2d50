export { createHttpClient, type HttpClient } from './http-client.js';
export { DEFAULT_HTTP_CLIENT_OPTIONS, type HttpClientOptions } from './options.js';
export type { HttpClientEvent, HttpClientStats } from './events.js';
