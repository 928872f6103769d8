import type { Rule } from '../rule.js';
import { references } from './references.js';

/** Every method rule, in the method's order. */
export const rules: Rule[] = [references];
