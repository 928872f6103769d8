import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleCatalog, type RuleInfo } from '../catalog.js';
import type { SuppressedFinding } from '../directives.js';
import type { Finding } from '../../diagnostics.js';
import { jsonVisible, visible } from '../../terminal.js';

declare const SMPLAN_VERSION: string | undefined;

const HOME = 'https://github.com/smplan/smplan';
/** docs/rules.md has an anchor per rule id (scripts/rules-doc.mjs). */
const RULES_DOC = `${HOME}/blob/main/docs/rules.md`;

/**
 * SARIF 2.1.0 (the format of GitHub code scanning): every rule smplan knows in
 * tool.driver.rules with the descriptions and help GitHub requires, one result per
 * finding at its file, line and column (columns count UTF-16 code units, as the YAML
 * parser does), with a fingerprint that tells apart findings on one line. Plan text (messages quote
 * ids, names and values; file names; plan paths; justifications) is shown, not obeyed: code scanning
 * and a log printing the file would otherwise run its controls and bidirectional overrides.
 */
export function formatSarif(findings: Finding[], suppressed: readonly SuppressedFinding[] = []): string {
  const catalog = ruleCatalog();
  const known = new Set(catalog.map((r) => r.id));
  // A finding from a rule outside the catalogue still gets a descriptor, so ruleIndex always resolves.
  const extra: RuleInfo[] = [
    ...new Set([...findings, ...suppressed].map((f) => f.rule).filter((id) => !known.has(id))),
  ].map((id) => ({
    id,
    severity: 'error',
    method: '',
    description: visible(id),
    kind: 'method',
  }));
  const all = [...catalog, ...extra];
  const index = new Map(all.map((r, i) => [r.id, i]));
  const fingerprint = fingerprinter();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'smplan',
            version: typeof SMPLAN_VERSION === 'string' ? SMPLAN_VERSION : '0.0.0-dev',
            informationUri: HOME,
            rules: all.map(descriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        // A finding silenced in the plan is a result with an in-source suppression: code scanning shows it as dismissed.
        results: [...findings, ...suppressed].map((f) => ({
          ruleId: visible(f.rule),
          ruleIndex: index.get(f.rule)!,
          level: f.severity,
          message: { text: visible(f.message) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifact(f.file),
                region: { startLine: f.line, startColumn: f.column },
              },
              ...(f.path ? { logicalLocations: [{ fullyQualifiedName: visible(f.path), kind: 'member' }] } : {}),
            },
          ],
          ...(suppressed.includes(f as SuppressedFinding)
            ? {
                suppressions: [
                  {
                    kind: 'inSource',
                    ...((f as SuppressedFinding).justification
                      ? { justification: visible((f as SuppressedFinding).justification!) }
                      : {}),
                  },
                ],
              }
            : {}),
          partialFingerprints: { 'smplanFinding/v1': fingerprint(f) },
        })),
      },
    ],
  };
  return jsonVisible(JSON.stringify(log, null, 2)) + '\n';
}

function descriptor(r: RuleInfo) {
  // Catalogue ids are plain words; an id from outside it is shown, not obeyed, like any other text.
  const id = visible(r.id);
  const name = ruleName(id);
  const helpUri = `${RULES_DOC}#${encodeURIComponent(r.id)}`;
  const method = r.method ? `Method: ${r.method}.` : '';
  return {
    id,
    // SARIF wants a name that differs from the id; `references` -> `References` only differs in case.
    ...(name.toLowerCase() === id.toLowerCase() ? {} : { name }),
    shortDescription: { text: r.description },
    fullDescription: { text: [r.description, method].filter(Boolean).join(' ') },
    help: {
      text: [r.description, method, `Rule reference: ${helpUri}`].filter(Boolean).join('\n\n'),
      markdown: [`**${id}** (${r.severity}): ${r.description}`, method, `[Rule reference](${helpUri})`]
        .filter(Boolean)
        .join('\n\n'),
    },
    helpUri,
    defaultConfiguration: { level: r.severity },
    properties: { method: r.method, tags: ['smplan', r.kind] },
  };
}

/**
 * What identifies a finding whatever line it moves to: file, rule, plan path and message.
 * A repeat of the same finding gets its occurrence number, so no two results share one.
 */
function fingerprinter(): (f: Finding) => string {
  const seen = new Map<string, number>();
  return (f) => {
    const hash = createHash('sha256')
      .update([f.file, f.rule, f.path, f.message].join('\u0000'))
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  };
}

/** SARIF wants URIs: a relative path stays relative to the checkout (%SRCROOT%), an absolute one becomes file://. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.split(/[\\/]/).map(encodeURIComponent).join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

/** SARIF rule names are PascalCase identifiers: goal-count -> GoalCount. */
function ruleName(id: string): string {
  return id.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
