/**
 * The positioned parse (`yaml`, with node ranges): loaded only for a plan the quick read declines
 * or that fails the schema, so that linting a plan that reads cleanly never loads `yaml`.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';

export { visit } from 'yaml';
export { at, foreignTags, keyAt, locate, unclosedOpening } from './positions.js';

export interface PlanSyntax {
  doc: Document;
  lineCounter: LineCounter;
}

export function parseSyntax(text: string): PlanSyntax {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false });
  return { doc, lineCounter };
}
