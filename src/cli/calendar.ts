import { CLIError, EXIT } from '../errors.js';
import type { Io } from './io.js';

export async function run(_args: string[], _options: Record<string, unknown>, _io: Io): Promise<number> {
  throw new CLIError('`smplan calendar` is not built yet', EXIT.usage);
}
