/** A plan at the top of real-world size (large-plan.mjs), for the benchmarks and the tests. */
export function largePlan(): Record<string, unknown>;
export function largePlanYaml(): string;
