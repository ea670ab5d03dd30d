// Type declarations for www/glose.js (schema glose/1).

export type Lang = 'fr' | 'en';
export type OffsetUnit = 'utf16' | 'char' | 'byte';

export interface Options {
  /** 'fr', 'en' or 'auto' (the default: detected from the text). */
  lang?: Lang | 'auto';
  /** The article's date as YYYY-MM-DD; inferred from the text when absent. */
  date?: string;
  /** The unit of every start/end; 'utf16' by default, so text.slice(start, end) works. */
  offsets?: OffsetUnit;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  id: string;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  name: string;
  mentions: Span[];
  roles?: string[];
}

export interface Quote extends Span {
  id: string;
  kind: 'direct' | 'partial' | 'indirect';
  speaker: string | null;
  speaker_name: string | null;
  cue: Span | null;
  /** The medium of the statement ("communiqué", "Telegram"), when the article says. */
  channel?: string | null;
  /** Who relays the statement, when it is not the speaker. */
  via?: string | null;
  [extra: string]: unknown;
}

export interface TimeExpr extends Span {
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
  [extra: string]: unknown;
}

export interface TimelineEvent extends Span {
  time: number;
  value: string;
}

export interface Quantity extends Span {
  id: string;
  value: number;
  kind: 'count' | 'ordinal' | 'percent' | 'money' | 'measure' | 'number';
  of: string | null;
  unit: string | null;
  approximate: boolean;
  [extra: string]: unknown;
}

export interface CountCheck {
  kind: 'count_sum';
  total: string;
  parts: string[];
  consistent: boolean;
  explanation: string;
}

export interface Claim extends Span {
  score: number;
  source: string | null;
  source_name: string | null;
  attribution: 'attributed' | 'hedged' | 'unattributed';
  reasons: string[];
  [extra: string]: unknown;
}

export interface Marker extends Span {
  kind: 'hedge' | 'unnamed_source' | 'scare_quote' | 'loaded_language' | 'label' | 'intensifier';
  technique: string | null;
  why: string;
}

export interface Analysis {
  schema: 'glose/1';
  lang: Lang;
  lang_source: 'given' | 'detected' | 'default';
  doc_date: string | null;
  doc_date_source: 'given' | 'inferred' | null;
  offsets: OffsetUnit;
  paragraphs: Span[];
  sentences: Span[];
  entities: Entity[];
  quotes: Quote[];
  times: TimeExpr[];
  timeline: TimelineEvent[];
  quantities: Quantity[];
  checks: CountCheck[];
  claims: Claim[];
  markers: Marker[];
}

/** Instantiates the wasm module (from embedded bytes); await it once before analyze(). */
export default function init(): Promise<void>;
/** Analyses an article; throws an Error on bad options or too large an input. */
export function analyze(text: string, options?: Options): Analysis;
export function version(): string;
export function maxInputBytes(): number;

/** The address of glose-worker.js, a module worker that runs analyze() off the main thread. */
export declare const workerUrl: string;
