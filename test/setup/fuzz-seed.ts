// FUZZ_SEED fixes the cases every property test draws (CI derives it from the commit, so a
// failure there is reproduced with the same FUZZ_SEED and FUZZ_RUNS); without it they are random.
import fc from 'fast-check';

if (process.env.FUZZ_SEED) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(process.env.FUZZ_SEED) });
