// Type declarations for www/glose-widget.js: the <glose-article> element.
import type { Analysis } from './glose.js';

export type LayerKind = 'quote' | 'entity' | 'time' | 'quantity' | 'marker' | 'claim';
export type ExportFormat = 'json' | 'markdown' | 'webannotation' | 'claimreview' | 'exercise-json' | 'exercise-markdown';

export interface Annotation {
  kind: LayerKind;
  id: string;
  start: number;
  end: number;
  /** The start of the span (an entity has one annotation per mention). */
  at: number;
  /** The speaker colour index of a quote. */
  colour?: number;
}

export declare class GloseArticle extends HTMLElement {
  /** The last analysis, or null; setting it renders a precomputed analysis of the element's text. */
  analysis: Analysis | null;
  /** The article text the analysis refers to (UTF-16 offsets). */
  readonly text: string;
  /** Renders a precomputed analysis of `text` (by default the element's article text). */
  render(analysis: Analysis, text?: string): Promise<void>;
  /** Analyses the article again. */
  refresh(): Promise<void>;
  /** Focuses an annotation in the text, showing its layer. */
  jumpTo(kind: LayerKind, id: string, at?: number): void;
  /** An export as a string. */
  exportAs(format: ExportFormat): string;
  /** Exercise mode: marks a span (default: the selection) as the student's quote, marker or claim. */
  mark(kind: 'quote' | 'marker' | 'claim', span?: { start: number; end: number } | null, speaker?: string): Promise<boolean>;
  /** Exercise mode: reveals Glose's annotations and the agreement with the marks. */
  compareMarks(): Promise<{ found: unknown[]; missed: unknown[]; extra: unknown[] }>;
}

export declare function annotations(analysis: Analysis): Annotation[];
export declare function articleText(raw: string): string;
/** The layers, in the order the widget lists them. */
export declare const KINDS: readonly LayerKind[];
/**
 * Appends text[from, to) with the annotations inside it to `parent`, as nested
 * elements; `offsets` learns the text offset of every text node made.
 */
export declare function renderRange(
  parent: Node, text: string, from: number, to: number, anns: Annotation[], offsets?: WeakMap<Node, number>,
): void;

/** The API of glose.js, which re-exports it from this file. */
export { default, analyze, version, maxInputBytes, workerUrl } from './glose.js';

declare global {
  interface HTMLElementTagNameMap { 'glose-article': GloseArticle; }
  interface HTMLElementEventMap {
    'glose-analyzed': CustomEvent<Analysis>;
    'glose-ui-lang': CustomEvent<'fr' | 'en'>;
  }
}
