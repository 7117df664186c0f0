/** Types of timeline.js for the tests (the page itself loads the plain script). */
export interface Poll {
  at: number;
  latencyMs: number;
  region?: string;
  error?: string;
  /** The HTTP status of an error answer; absent when no answer came. */
  status?: number;
}
export interface Entry {
  at: number;
  latencyMs: number;
  kind: 'answer' | 'switch' | 'error';
  region?: string;
  from?: string;
  error?: string;
  status?: number;
}
export interface Switch {
  from: string;
  to: string;
  at: number;
  tookMs: number;
  errorsBetween: number;
}
export interface TimelineState {
  entries: Entry[];
  region: string | null;
  lastAnswerAt: number | null;
  errorsSinceAnswer: number;
  lastSwitch: Switch | null;
  answers: number;
  errors: number;
}
/** browser-client/settings.json: written by `npm run client:settings` (tools/client-settings), read by the page. */
export interface SettingsFile {
  /** Base URL; the client polls `<endpoint>/v1/helloworld`. */
  readonly endpoint?: string;
  readonly pollSeconds?: number;
}
/** The effective settings: query string over settings.json over the defaults. */
export interface Settings {
  endpoint: string;
  pollSeconds: number;
  problems: string[];
}
export const DEFAULT_POLL_SECONDS: number;
export const MAX_ENTRIES: number;
export function emptyTimeline(): TimelineState;
export function record(timeline: TimelineState, poll: Poll): TimelineState;
export function regionOf(body: unknown): string | null;
export function readSettings(search: string, fileSettings?: SettingsFile): Settings;
export function helloUrl(endpoint: string): string;
export function formatDuration(ms: number): string;
