// Sightings count people without knowing who they are: only a salted, truncated HMAC of the user id is stored.
import { createHmac, randomBytes } from "node:crypto";

export type UserHasher = (userId: string) => string;

/** 96 bits: no collisions among any workspace's users, yet useless without the salt. */
export function createUserHasher(salt: string): UserHasher {
  return (userId) => createHmac("sha256", salt).update(userId).digest("base64url").slice(0, 16);
}

export const RANDOM_SALT_WARNING =
  "SIGHTINGS_SALT is not set: using a random salt for this process, so distinct-people counts will not match " +
  "across replicas or restarts. Set SIGHTINGS_SALT to one random secret shared by every replica.";

/** A salt for this process alone: its hashes match no other process's. */
export function randomSalt(): string {
  return randomBytes(32).toString("base64url");
}

/** The configured salt, or a random one for this process (with a warning, once). */
export function sightingsSalt(configured: string | undefined, warn: (line: string) => void): string {
  if (configured !== undefined) return configured;
  warn(RANDOM_SALT_WARNING);
  return randomSalt();
}
