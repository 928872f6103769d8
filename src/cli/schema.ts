import { writeFile } from 'node:fs/promises';
import { CLIError, EXIT } from './errors.js';
import { planJsonSchema } from '../plan/json-schema.js';
import type { Io } from './io.js';

export async function run(_args: string[], options: { output?: string; config?: boolean }, io: Io): Promise<number> {
  const schema = options.config ? (await import('../lint/config.js')).configJsonSchema() : planJsonSchema();
  const text = JSON.stringify(schema, null, 2) + '\n';
  if (options.output) {
    try {
      await writeFile(options.output, text);
    } catch (err) {
      throw new CLIError(`cannot write ${options.output}: ${(err as Error).message}`, EXIT.usage, { cause: err });
    }
  } else io.stdout.write(text);
  return EXIT.ok;
}
