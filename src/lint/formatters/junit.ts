import { escapeXml } from '../../markup.js';
import { oneLine, type Finding } from '../../diagnostics.js';

/**
 * JUnit XML as CI servers read it (valid against the Jenkins xUnit junit-10.xsd): one
 * <testsuite> per file, one <testcase> per finding with a <failure> (errors and warnings
 * alike, told apart by `type`); a file without findings has one passing test case.
 * Test case names are unique within a suite, since GitLab keeps only the first of a name. File
 * names, rule ids and plan paths are shown like messages: controls and bidi overrides made visible.
 */
export function formatJunit(findings: Finding[], context: { files: readonly string[] }): string {
  const files = [...new Set([...context.files, ...findings.map((f) => f.file)])];
  const suites = files.map((file) => {
    const own = findings.filter((f) => f.file === file);
    const shown = oneLine(file);
    const name = caseNamer();
    const cases = own.length
      ? own.map(
          (f) =>
            `    <testcase classname="${escapeXml(shown)}" name="${escapeXml(name(f))}">\n` +
            `      <failure type="${f.severity}" message="${escapeXml(oneLine(f.message))}">${escapeXml(
              `${shown}:${f.line}:${f.column}  ${f.severity}  ${oneLine(f.message)}  ${oneLine(f.rule)}${f.path ? `\nat ${oneLine(f.path)}` : ''}`,
              'text',
            )}</failure>\n` +
            `    </testcase>`,
        )
      : [`    <testcase classname="${escapeXml(shown)}" name="smplan lint"/>`];
    const xml =
      `  <testsuite name="${escapeXml(shown)}" tests="${cases.length}" failures="${own.length}" errors="0" skipped="0">\n` +
      cases.join('\n') +
      `\n  </testsuite>`;
    return { xml, tests: cases.length };
  });
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="smplan lint" tests="${tests}" failures="${findings.length}" errors="0">\n` +
    suites.map((s) => s.xml + '\n').join('') +
    `</testsuites>\n`
  );
}

/** `RULE LINE:COL MESSAGE`, readable in a CI report; a repeat of a name gets ` (2)`, ` (3)` … */
function caseNamer(): (f: Finding) => string {
  const taken = new Set<string>();
  return (f) => {
    const base = `${oneLine(f.rule)} ${f.line}:${f.column} ${oneLine(f.message)}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
    taken.add(name);
    return name;
  };
}
