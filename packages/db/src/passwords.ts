import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane): ~20 ms here, slow enough for guessing.
// Algorithm is an ambient const enum (not importable as a value under isolatedModules); 2 is Argon2id.
const options = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, options);
}

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

// No 0/O/1/l/I: passwords get read aloud and typed from paper.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password a person can type: 14 characters in groups, e.g. "k7Qm-x3Pa-9tRw-bZ". */
export function generatePassword(length = 14): string {
  const bytes = randomBytes(length);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}
