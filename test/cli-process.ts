import { spawn } from 'node:child_process';
import path from 'node:path';

/** The `passerelle` command as a user runs it: the package's bin, compiled sources. */
export const BIN = path.resolve('bin/passerelle.mjs');

/** The environment of a fresh machine: no database server configured, embedded PostgreSQL. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'warn', ...extra };
}

/** Runs one command to its end and gives its exit code and output. */
export function runCli(args: string[], env: Record<string, string> = cleanEnv()): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
