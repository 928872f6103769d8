import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleCatalog, type RuleInfo } from '../catalog.js';
import type { SuppressedFinding } from '../directives.js';
import type { Finding } from '../../diagnostics.js';

declare const SMPLAN_VERSION: string | undefined;

/**
 * SARIF 2.1.0 (the format of GitHub code scanning): every rule smplan knows in
 * tool.driver.rules, one result per finding at its file, line and column.
 */
export function formatSarif(findings: Finding[], suppressed: readonly SuppressedFinding[] = []): string {
  const catalog = ruleCatalog();
  const known = new Set(catalog.map((r) => r.id));
  // A finding from a rule outside the catalogue still gets a descriptor, so ruleIndex always resolves.
  const extra: RuleInfo[] = [...new Set([...findings, ...suppressed].map((f) => f.rule).filter((id) => !known.has(id)))].map((id) => ({
    id,
    severity: 'error',
    method: '',
    description: id,
    kind: 'method',
  }));
  const all = [...catalog, ...extra];
  const index = new Map(all.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'smplan',
            version: typeof SMPLAN_VERSION === 'string' ? SMPLAN_VERSION : '0.0.0-dev',
            rules: all.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: r.description },
              defaultConfiguration: { level: r.severity },
              properties: { method: r.method, tags: ['smplan', r.kind] },
            })),
          },
        },
        // A finding silenced in the plan is a result with an in-source suppression: code scanning shows it as dismissed.
        results: [...findings, ...suppressed].map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule)!,
          level: f.severity,
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifact(f.file),
                region: { startLine: f.line, startColumn: f.column },
              },
              ...(f.path ? { logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }] } : {}),
            },
          ],
          ...(suppressed.includes(f as SuppressedFinding)
            ? { suppressions: [{ kind: 'inSource', ...((f as SuppressedFinding).justification ? { justification: (f as SuppressedFinding).justification } : {}) }] }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
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
