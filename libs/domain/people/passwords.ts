import argon2 from 'argon2';
import { DomainError } from '../common/domain-error.js';

export const PASSWORD_MIN_LENGTH = 12;

/** argon2id with the library's defaults (~90 ms a hash on the 2-core reference machine). */
export function hashPassword(password: string): Promise<string> {
  assertPasswordPolicy(password);
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function assertPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new DomainError(400, 'PASSWORD_TOO_SHORT', `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`, field);
  }
}
