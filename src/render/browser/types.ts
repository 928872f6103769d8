/** What the finders need from the system, injectable so tests can play any OS. */
export interface BrowserLookup {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isExecutable(file: string): Promise<boolean>;
  /** A command name looked up on PATH, or undefined. */
  which(name: string): Promise<string | undefined>;
}

export interface FoundBrowser {
  path: string;
  /** How it was found: `--browser`, an environment variable, or `well-known path`. */
  source: string;
}
